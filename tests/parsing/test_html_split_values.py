"""HTML tables that split a value over two cells under one spanning header (qa.parsing.html_tables)."""
from qa.parsing import html

SPLIT = """<html><body><table>
<tr><td>&#8203;</td><td>Annual Fund Operating Expenses</td><td>&#8203;</td><td colspan="3">Class A</td>
<td>&#8203;</td><td colspan="3">Class I</td></tr>
<tr><td>&#8203;</td><td>Management Fees</td><td>&#8203;</td><td>&#8203;</td><td>0.30</td><td>%</td>
<td>&#8203;</td><td>&#8203;</td><td>0.30</td><td>%</td></tr>
<tr><td>&#8203;</td><td>12b-1 Fees</td><td>&#8203;</td><td>&#8203;</td><td>0.25</td><td>%</td>
<td>&#8203;</td><td>&#8203;</td><td>Non</td><td>e</td></tr>
<tr><td>&#8203;</td><td>Other Expenses</td><td>&#8203;</td><td>&#8203;</td><td>5.65</td><td>%<font>(a)</font></td>
<td>&#8203;</td><td>&#8203;</td><td>5.67</td><td>%</td></tr>
</table></body></html>"""


def test_a_value_split_under_one_header_is_one_cell_and_labels_take_the_first_column():
    text = html.html_to_text(SPLIT)
    assert "| Class A | Class I |" in text and "| Management Fees | 0.30% | 0.30% |" in text
    assert "| 12b-1 Fees | 0.25% | None |" in text
    assert "| Other Expenses | 5.65% | 5.67% |" in text
    assert "Non |" not in text and "| e |" not in text


def test_a_table_without_labels_takes_those_of_the_table_right_above_it():
    page = ("<html><body><table><tr><td>Shareholder Fees</td><td>Institutional Shares</td><td>Investor Shares</td></tr>"
            "<tr><td>Redemption Fee</td><td>1.00%</td><td>1.00%</td></tr></table>"
            "<table><tr><td>Annual Fund Operating Expenses</td><td></td><td></td></tr>"
            "<tr><td>Management Fees</td><td>1.25%</td><td>1.25%</td></tr>"
            "<tr><td>12b-1 Fees</td><td>None</td><td>0.25%</td></tr></table></body></html>")
    second = html.html_to_text(page).split("\n\n")[1]
    assert second.startswith("|  | Institutional Shares | Investor Shares |")
    assert "| 12b-1 Fees | None | 0.25% |" in second


def test_a_table_after_prose_keeps_its_own_labels():
    page = ("<html><body><table><tr><td>Fees</td><td>Class A</td><td>Class C</td></tr>"
            "<tr><td>Management Fees</td><td>0.50%</td><td>0.50%</td></tr></table><p>Some words between.</p>"
            "<table><tr><td>Other</td><td></td><td></td></tr><tr><td>Row</td><td>1%</td><td>2%</td></tr></table>"
            "</body></html>")
    assert "Class A" not in html.html_to_text(page).split("\n\n")[-1]


def test_a_raised_footnote_marker_inside_a_value_cell_is_dropped_and_the_row_is_data():
    """"0.40%" with a marker raised by position:relative in the same cell (two markers "1," and
    "2" too): the value alone, so the row is no header row."""
    raised = '<font style="font-size:6.5pt;position:relative;top:-2.75pt;">{}</font>'
    page = ("<html><body><table><tr><td></td><td>Class R6</td><td>Class I</td></tr>"
            f"<tr><td>Management fee</td><td>0.40%{raised.format('1')}</td><td>0.40%{raised.format('1')}</td></tr>"
            f"<tr><td>Expense reimbursement/waiver{raised.format('2')}</td><td>(0.37%)</td>"
            f"<td>(0.37%){raised.format('1,')}{raised.format('2')}</td></tr></table></body></html>")
    text = html.html_to_text(page)
    assert "|  | Class R6 | Class I |\n|---|---|---|\n| Management fee | 0.40% | 0.40% |" in text
    assert "| Expense reimbursement/waiver(2) | (0.37%) | (0.37%) |" in text
