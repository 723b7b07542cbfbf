"""Fund vocabulary: what an analyst says, matched to what a fee table prints (fast tier)."""
from __future__ import annotations

import pytest

from qa.understanding.headers import label_scores
from qa.understanding.lexicon import label_text
from qa.understanding.questions import analyse

ROWS = ["Maximum Sales Charge (Load) Imposed on Purchases", "Maximum Deferred Sales Charge (Load)",
        "Distribution and Service (12b-1) Fees", "Total Annual Fund Operating Expenses"]


@pytest.mark.parametrize("question, row", [
    ("What is the front-end load on Class A?", 0),
    ("Is there a CDSC on Class C shares?", 1),
    ("What is the back-end load?", 1),
    ("What's the gross expense ratio for Class I?", 3),
    ("ER for Admiral Shares?", 3),
])
def test_a_trade_term_names_the_printed_row(question, row):
    scores = label_scores(label_text(question), ROWS)
    assert max(range(len(ROWS)), key=lambda i: scores[i]) == row
    assert label_scores(question, ROWS)[row] < scores[row]


def test_a_question_without_trade_terms_is_left_alone():
    assert label_text("Who is the new adviser?") == "Who is the new adviser?"


def test_the_analysis_carries_the_label_wording_and_keeps_the_question():
    q = analyse("What is the front-end load?", 500)
    assert q.text == "What is the front-end load?"
    assert "sales charge (load) imposed on purchases" in q.label_text


@pytest.mark.parametrize("question, fact", [
    ("What date is this supplement?", "dated"),
    ("Date of the Zevenbergen summary prospectus?", "dated"),
    ("Virtus DFA 2060 summary prospectus date?", "dated"),
    ("What date is the Growth Advantage Fund supplement dated?", "dated"),
    ("When does the supplement take effect?", ""),
    ("What is the date of the special meeting described in the supplement?", ""),
])
def test_the_date_a_filing_gives_itself_is_a_cover_fact(question, fact):
    from qa.understanding.lexicon import cover_fact
    assert cover_fact(question) == fact


def test_the_return_periods_a_text_names():
    from qa.understanding.lexicon import periods
    assert periods("What is the 10-year average annual return?") == {"10"}
    assert periods("Since Inception 07/18/14") == {"inception"} and periods("five year return") == {"5"}
    assert periods("How many years has he managed the fund?") == frozenset()


def test_the_worst_calendar_quarter_names_the_lowest_row():
    rows = ["Highest", "Lowest"]
    scores = label_scores(label_text("What was the worst calendar-quarter return shown for the Fund?"), rows)
    assert scores[1] > scores[0] and scores[1] >= 0.5
