"""A fund's investment objective (qa.reading.readers.objective); no models."""
from __future__ import annotations

import pytest

from qa.reading.readers.objective import ObjectiveReader
from tests.reading.whole import answer_of


def _answer(source: str, question: str) -> str | None:
    return answer_of(ObjectiveReader({"d": source}), source, question)


@pytest.mark.parametrize("statement,objective", [
    ("The Fund seeks to provide long-term capital appreciation.", "to provide long-term capital appreciation"),
    ("The Fund seeks to track an index composed of U.S. companies in manufacturing.",     # an initial's "."
     "to track an index composed of U.S. companies in manufacturing"),
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


def test_a_paragraph_of_one_short_sentence_under_the_heading_is_the_objective():
    source = ("Investment objective\n\nTotal return in excess of that of its benchmark, the Bloomberg U.S. "
              "Aggregate Index.\n\nFees and expenses\n")
    assert _answer(source, "What is the investment objective of the Fund?") == \
        "Total return in excess of that of its benchmark, the Bloomberg U.S. Aggregate Index"
    two = "Investment objective\n\nGrowth. Income is secondary.\n"
    assert _answer(two, "What is the investment objective of the Fund?") is None
