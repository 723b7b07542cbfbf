"""A share class's inception date (qa.reading.readers.inception); no models."""
from __future__ import annotations

from qa.reading.readers.inception import InceptionReader
from tests.reading.whole import answer_of

SINCE = ("|  | 1 year | 10 years | Since Inception 11/1/2015(1) |\n|---|---|---|---|\n"
         "| Investor Class |  |  |  |\n| Return before taxes | 14.24% | 10.40% |  |\n"
         "| Institutional Class |  |  |  |\n| Return before taxes | 14.50% |  | 11.04% |\n"
         "| Russell 2000 Index | 11.54% | 7.82% | 8.86% |\n")
COLUMN = ("|  | 1 Year | Inception Date |\n|---|---|---|\n| Class ADV | 10.04% | 12/27/1996 |\n"
          "| Russell 2000 Index | 11.54% |  |\n| Class R6 | 10.69% | 11/24/2015 |\n")
PROSE = ("Class A shares of the Fund commenced operations on June 12, 2018. Class II shares of the Fund "
         "commenced operations on December 19, 2019.\n| Class I (Inception date: August 1, 2016) |  |\n|---|---|\n")


def _answer(source: str, question: str) -> str | None:
    return answer_of(InceptionReader({"d": source}), source, question)


def test_a_since_inception_label_dates_the_one_class_with_values_under_it():
    assert _answer(SINCE, "When did the Institutional Class start?") == "11/1/2015"
    assert _answer(SINCE, "When did the Investor Class commence operations?") is None


def test_a_column_of_dates_and_dates_in_prose_and_row_labels():
    assert _answer(COLUMN, "What is the Class R6 inception date?") == "11/24/2015"
    assert _answer(PROSE, "When did Class II shares commence operations?") == "December 19, 2019"
    assert _answer(PROSE, "When did Class I shares launch?") == "August 1, 2016"


def test_a_person_starting_is_not_asked():
    assert _answer(PROSE, "When did Kai Yee Wong start as portfolio manager?") is None
