"""The index an index fund tracks (qa.reading.readers.tracked_index); no models."""
from __future__ import annotations

import pytest

from qa.reading.readers.tracked_index import TrackedIndexReader
from qa.understanding.questions import analyse
from tests.reading.whole import answer_of


def _answer(source: str, question: str) -> str | None:
    return answer_of(TrackedIndexReader({"d": source}), source, question)


@pytest.mark.parametrize("statement, index", [
    ("The Fund employs an indexing investment approach designed to track the performance of the S&P U.S. "
     "Dividend Growers Index (the Index), which consists of common stocks.", "S&P U.S. Dividend Growers Index"),
    ("The Fund seeks to track the investment results of the Bloomberg U.S. Treasury Total Return Unhedged USD "
     "Index (the Index).", "Bloomberg U.S. Treasury Total Return Unhedged USD Index"),
    ("The Fund is designed to track the performance of the S&P 10+ Year National AMT-Free Municipal Bond Index.",
     "S&P 10+ Year National AMT-Free Municipal Bond Index"),
    ("It attempts to track the FTSE Global Small Cap ex US Index.", "FTSE Global Small Cap ex US Index"),
])
def test_the_index_named_after_track(statement, index):
    source = f"Principal Investment Strategies\n\n{statement}\n"
    assert _answer(source, "Which index does the Fund track?") == index
    assert _answer(source, "What index is the ETF designed to track?") == index


def test_an_index_in_lower_case_or_another_question_gets_none():
    assert _answer("The Fund seeks to track the performance of a benchmark index that measures stocks.\n",
                   "Which index does the Fund track?") is None
    assert _answer("The Fund tracks the S&P 500 Index.\n", "What was the index return over 5 years?") is None


@pytest.mark.parametrize("question, asked", [
    ("Which index does VTC seek to track?", True),
    ("What is the Fund's target index?", True),
    ("What was the index's 5-year return?", False),
    ("Which index does the fund compare its performance with?", False),
])
def test_when_the_tracked_index_is_asked(question, asked):
    assert analyse(question, 500).intents.tracked_index is asked
