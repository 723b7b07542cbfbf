"""The best and worst quarterly return (qa.reading.readers.quarters); no models."""
from __future__ import annotations

from qa.reading.readers.quarters import QuarterReader
from tests.reading.whole import answer_of

PROSE = ("During the period shown, the highest return for a quarter was 34.58% for the quarter ended December 31, "
         "2020, and the lowest return was -37.02% for the quarter ended March 31, 2020.")
TABLE = "| Best Quarter: | Q1/2017: | 6.22% | Worst Quarter: | Q2/2017: | (3.62%) |"


def _answer(source: str, question: str) -> str | None:
    return answer_of(QuarterReader({"d": source}), source, question)


def test_the_side_asked_in_prose_and_in_a_layout_table():
    assert _answer(PROSE, "Best quarterly return shown for the Institutional Shares?") == "34.58%"
    assert _answer(PROSE, "worst quarter for the fund") == "-37.02%"
    assert _answer(TABLE, "Best quarter for Class I shares?") == "6.22%"
    assert _answer(TABLE, "What was the lowest quarterly return?") == "(3.62%)"


def test_a_question_asking_when_is_not_read():
    assert _answer(PROSE, "When was the best quarter?") is None
    assert _answer("The Fund had a strong year.", "What was the best quarter?") is None
