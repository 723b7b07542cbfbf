"""A fund's investment objective (qa.reading.readers.objective); no models."""
from __future__ import annotations

import pytest

from qa.indexing.records import Chunk
from qa.reading.readers.base import ReadPassage
from qa.reading.readers.objective import ObjectiveReader
from qa.understanding.questions import analyse


def _answer(source: str, question: str) -> str | None:
    chunk = Chunk(doc_id="d", start=0, end=len(source), text=source, heading="", kind="prose")
    passage = ReadPassage(chunk=chunk, view=None, rank=0, hit=None)     # the reader reads only the chunk
    found = ObjectiveReader({"d": source}).read(analyse(question, 500), [passage])
    return source[found[0].start:found[0].end] if found else None


@pytest.mark.parametrize("statement,objective", [
    ("The Fund seeks to provide long-term capital appreciation.", "to provide long-term capital appreciation"),
    ("The Fund’s investment objective is long-term growth of capital.", "long-term growth of capital"),
    ("The fund has an investment objective of seeking to provide long-term capital appreciation.",
     "seeking to provide long-term capital appreciation"),
])
def test_the_objective_under_its_heading(statement, objective):
    source = f"Summary Prospectus\n\nInvestment Objective\n\n{statement} Income is secondary.\n\nFees and Expenses\n"
    assert _answer(source, "What is the investment objective of the Fund?") == objective
    assert _answer(source, "What does the Fund seek?") == objective


def test_other_questions_and_filings_without_the_heading_get_none():
    source = "Investment Objective\n\nThe Fund seeks growth.\n"
    assert _answer(source, "What investment process does the fund use to pursue its objective?") is None
    assert _answer("The Fund seeks growth of capital.\n", "What is the fund's goal?") is None
