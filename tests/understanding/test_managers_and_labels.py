"""Asking for every portfolio manager, date questions, and fee-table labels named by inflections, no model."""
import pytest

from qa.understanding import kinds
from qa.understanding.headers import label_scores
from qa.understanding.questions import analyse, answer_kind


@pytest.mark.parametrize("question, managers", [
    ("Who are the portfolio managers of the AlphaSimplex Global Alternatives Fund?", True),
    ("Who manages the Fund day to day?", True),
    ("Name the portfolio managers of the Fund.", True),
    ("Which individuals manage the Fund?", True),
    ("Who is the portfolio manager?", True),
    ("Name the portfolio managers of VTINX.", True),                           # a fund's ticker
    ("Name the portfolio managers of Investor Shares.", True),                 # a class
    ("Who are the portfolio managers of the iShares U.S. Manufacturing ETF?", True),
    ("Who are the Sanders Capital portfolio managers on the fund?", False),       # one firm's
    ("Which PMs continue to serve on the fund after the change?", False),         # a change
    ("Who co-manages the Portfolio with Freeman?", False),
    ("Who is the investment manager?", False),
    ("Who is primarily responsible for the fixed income portion of the portfolio?", False),
    ("Since when has Jane Doe managed the fund?", False),
])
def test_a_question_asking_for_every_manager(question, managers):
    assert analyse(question, 500).managers is managers


def test_a_question_ending_in_date_asks_for_a_date_and_an_amount_is_none():
    assert answer_kind("What is the Institutional Class inception date?") == "date"
    assert not kinds.agrees("date", "1.06%")
    assert not kinds.agrees("date", "$1,000")
    assert kinds.agrees("date", "11/2/2015") and kinds.agrees("year", "2015")


def test_which_quarter_asks_for_the_quarter_and_the_best_quarter_for_its_return():
    assert answer_kind("In which quarter did the fund have its lowest quarterly return?") == "date"
    assert answer_kind("What was the worst quarter return?") == "percent"


def test_the_fee_waiver_is_the_waiver_row_not_the_total_after_it():
    labels = ["Fee Waivers and/or Reimbursements",
              "Total Annual Fund Operating Expenses After Fee Waivers and/or Reimbursements", "Other Expenses"]
    waiver, total, _ = label_scores("How big is the fee waiver?", labels)
    assert waiver >= 0.9 and waiver - total >= 0.2
    waived, _, _ = label_scores("How much is waived?", labels)
    assert waived > 0


def test_labels_named_alike_by_half_their_words_stay_tied():
    labels = ["Maximum deferred sales charge (as a percentage of the lower of original purchase price or redemption proceeds)",
              "Maximum sales charge (load) imposed on purchases"]
    deferred, purchases = label_scores("Class A max sales charge?", labels)
    assert deferred == purchases


def test_a_label_saying_the_opposite_of_the_question_yields():
    labels = ["Total Annual Fund Operating Expenses (b)", "Total Annual Fund Operating Expenses After Expense Reimbursement(b)(c)",
              "Other Expenses"]
    before, after, _ = label_scores("Total annual fund operating expenses for Class R6 before reimbursement?", labels)
    assert before == 1.0 and after < 0.9       # its footnote marker does not hide the quoted label
    before, after, _ = label_scores("Net expenses after expense reimbursement?", labels)
    assert after > before


def test_a_possessive_is_no_one_letter_class():
    sp, before = label_scores("What is the Institutional Class's since-inception return?",
                              ["S&P 500® Index (reflects no deduction for fees, expenses or taxes)", "Return before taxes"])
    assert sp == 0 and before > 0
