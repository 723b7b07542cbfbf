"""A structural answer's form against the kind the question asks for (fast tier, table-driven)."""
from __future__ import annotations

import pytest

from qa.understanding.kinds import agrees
from qa.understanding.questions import analyse


@pytest.mark.parametrize("question, answer, ok", [
    ("Who has managed the fund since inception?", "2.15%; 0.44%; 1.63%; N/A", False),
    ("Which fund is absorbing the Core Bond Fund?", "July 26, 2024", False),
    ("Who is the investment adviser?", "Muzinich & Co., Inc.", True),
    ("What is the 12b-1 fee for Class A?", "Class A", False),
    ("What is the 12b-1 fee for Class I?", "None", True),
    ("What is the 12b-1 fee for Class A?", "0.25%", True),
    ("When did the fund start?", "August 1, 2016", True),
    ("When did the fund start?", "Class I", False),
    ("What does the fund seek?", "2013", True),
    ("Class I 5-year return?", "$514", False),                 # a return is a percentage
    ("Class I 5-year return?", "(4.95%)", True),
    ("What would $10,000 cost over 10 years?", "$514", True),
    ("What is the gross expense ratio for Class A?", "1.42%", True),
    ("What is the minimum initial investment for Class I shares?", "$1,000", True),
    ("Is there a maximum sales charge on purchases of Class I shares?", "$100,000", False),
    ("Is there a maximum sales charge on purchases of Class I shares?", "None", True),
    ("On what date was this filing filed with the SEC?", "20240418", True),      # EDGAR's dates
    ("On what date was this filing filed with the SEC?", "811-09729", False),
    ("When was the special shareholder meeting held?", "a diversified company", False),
    ("What is the ETF's 10-year return?", "11/07/2017", False),                 # a date is no return
    ("When did the ETF start?", "11/07/2017", True),
    ("What share of net assets did the Fund have in utilities?", "900,000", False),   # a count is no share
    ("What share of net assets did the Fund have in utilities?", "63.7%", True),
    ("What is the 12b-1 fee on Class C?", "1.00", True),                       # a "(%)" table's cell
    ("What was the fund's turnover rate last fiscal year?", "1031", False),     # a fiscal year end
])
def test_agreement(question, answer, ok):
    assert agrees(analyse(question, 500).kind, answer) is ok


def test_a_date_is_no_amount():
    """"What was the highest quarterly return?" is not answered by the quarter's date."""
    from qa.understanding.kinds import agrees
    assert not agrees("percent", "June 30, 2020")
    assert agrees("percent", "8.44%")


def test_a_dash_after_a_currency_sign_is_an_amount():
    from qa.understanding.kinds import is_amount
    assert is_amount("$—") and is_amount("None") and not is_amount("Class A")
    assert agrees("money", "$—") and not agrees("entity", "$—")
