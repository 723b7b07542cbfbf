"""Cell choice helpers of the table reader (qa.reading.readers.table_context); no models."""
from __future__ import annotations

from qa.reading.readers.table_context import marker_cut, qualifier_labels, side_of_repeated
from qa.understanding.questions import analyse

TOTAL = "Total Annual Fund Operating Expenses"
WAIVER = "Fee Waivers and/or Expense Reimbursements"


def test_a_footnote_marker_is_cut_off_an_amount_only():
    assert marker_cut("–0.05%(1)") == 3
    assert marker_cut("1.00%*") == 1
    assert marker_cut("Class A(1)") == 0
    assert marker_cut("(0.10)%") == 0


def test_a_row_named_only_after_after_is_a_qualifier():
    question = analyse("What are Class A total annual fund operating expenses after fee waivers?", 500)
    assert qualifier_labels(question, {TOTAL, "Fee Waivers"}) == {"Fee Waivers"}
    assert qualifier_labels(question, {TOTAL}) == set()


def test_of_one_label_on_two_rows_after_takes_the_later_and_before_the_earlier():
    cells = [(3, "40.73%"), (5, "0.20%")]              # (row, value): the totals before and after the waiver row
    row = lambda c: c[0]                                # noqa: E731
    after = analyse("What is the Select Class net expense ratio after the waiver?", 500)
    before = analyse("What are Select Class expenses before the waiver?", 500)
    assert side_of_repeated(after, cells, row, TOTAL) == [(5, "0.20%")]
    assert side_of_repeated(before, cells, row, TOTAL) == [(3, "40.73%")]
    assert side_of_repeated(analyse("What are Select Class expenses?", 500), cells, row, TOTAL) == cells
    assert side_of_repeated(after, cells, row, "Return After Taxes") == cells


def test_the_one_row_printing_the_code_the_question_writes():
    from qa.reading.readers.table_context import coded_row
    rows = ["Acquired Fund Fees and Expenses", "Distribution and Shareholder Servicing (12b-1) Fees", "Management Fees"]
    assert coded_row("What are the 12b-1 fees for Class C?", rows) == ([1], 0.95)
    assert coded_row("What are the management fees?", rows) is None


def test_the_one_row_printing_the_acronyms_the_question_writes():
    from qa.reading.readers.table_context import coded_row
    rows = ["MSCI ACWI Index (reflects no deduction for fees or expenses)",
            "Return After Taxes on Distributions and Sale of Fund Shares", "Return Before Taxes"]
    assert coded_row("MSCI ACWI 1 year return in the Fund's table", rows) == ([0], 0.95)
    assert coded_row("What was the 1 year return after taxes?", rows) is None
