"""The table cell model on the bundled filing's three tables (fast, no models)."""
import pytest

from qa.parsing import edgar, tables
from qa.text.views import squash


@pytest.fixture(scope="module")
def parsed(filing_text):
    blocks = [b for b in edgar.parse(filing_text) if b.kind == "table"]
    return [tables.parse_table(filing_text, b.start, b.end) for b in blocks]


def _cells(table):
    return {(r.label_text, table.column_label(c)): cell for r in table.rows for c, cell in r.cells.items()}


def test_fee_table(parsed, filing_text):
    fee = _cells(parsed[0])
    assert fee[("12b-1 Fees", "Class A")].text == "None"
    assert fee[("12b-1 Fees", "Class B")].text == "0.25%"
    total = next(r for r in parsed[0].rows if r.label_text.startswith("Total"))
    assert total.label_text == "Total Annual Portfolio Operating Expense" and total.marker == "*"
    assert "will not exceed 0.90% and 1.15%" in parsed[0].footnote_text("*")


def test_expense_example_and_returns(parsed):
    example = _cells(parsed[1])
    assert example[("10 Years", "Class B")].text == "$1,159"
    assert len(example) == 8
    returns = _cells(parsed[2])
    assert returns[("Russell 3000 Growth Index", "5 Year")].text == "(8.87)%"
    assert parsed[2].title.text == "Average Annual Total Return as of 12/31/05"
    fund = parsed[2].rows[0]
    assert fund.label_text == "Aggressive Growth Fund Class A shares (without sales charge)"
    assert fund.marker == "**" and "Smith Barney" in parsed[2].footnote_text("**")


def test_every_piece_points_at_its_text(parsed, filing_text):
    for table in parsed:
        pieces = [p for r in table.rows for p in r.label + list(r.cells.values())]
        pieces += [p for ps in table.columns.values() for p in ps]
        pieces += [p for ps in table.footnotes.values() for p in ps]
        for p in pieces:
            assert squash(filing_text[p.start:p.end]) == p.text


def test_pipe_table():
    text = "| Item | 2019 | 2018 |\n|---|---|---|\n| Revenue | $1,000 | $900 |\n| Cost | (5) | |\n"
    t = tables.parse_table(text, 0, len(text))
    cells = _cells(t)
    assert cells[("Revenue", "2019")].text == "$1,000"
    assert ("Cost", "2018") not in cells          # an empty cell is no cell
    assert text[cells[("Cost", "2019")].start:cells[("Cost", "2019")].end] == "(5)"


def test_a_blank_to_be_filled_in_is_no_cell():
    text = "| Fund | Ticker | Exchange |\n|---|---|---|\n| iShares Fund | _____ | NYSE Arca |\n"
    cells = _cells(tables.parse_table(text, 0, len(text)))
    assert ("iShares Fund", "Ticker") not in cells and cells[("iShares Fund", "Exchange")].text == "NYSE Arca"


@pytest.mark.parametrize("text", [
    "<TABLE>\n------ ------ ------\nA      1      2\nB      3\nC\n------ ------ ------\n",      # ragged
    "<TABLE>\n<S>    <C>\nx      1\ny      2\n</TABLE>\n",                                 # no header
    "------ ------\nA      \nB      2\n------ ------\n",                                   # empty cells
    "<TABLE>\n------ ------\nA      1\n<PAGE>\nB      2\n------ ------\n</TABLE>\n",        # page break
    "<TABLE>\n------ ------\nA      1\n------ ------\n\nProse continues here after the table "
    "without any closing tag, as a long sentence of running text.\n",                          # unclosed
    "| a | b |\n|---|---|\n| 1 |\n| 2 | 3 | 4 |\n",                                          # ragged pipe
    "<TABLE>\n</TABLE>\n", "<TABLE>", "|---|\n|---|\n",
])
def test_odd_tables_never_crash(text):
    from qa.indexing import chunking
    for block in edgar.parse(text):
        if block.kind == "table":
            tables.parse_table(text, block.start, block.end)
    chunks = chunking.chunk_document("odd", text, 90, 1)
    for c in chunks:
        view = c.view(text)
        assert all(text[o] == view.text[i] for i, o in enumerate(view.offsets) if o >= 0)


def test_unclosed_table_leaves_the_rest_as_prose():
    from qa.indexing import chunking
    text = ("<TABLE>\n------ ------\nFee    1.00%\n------ ------\n\nThe custodian of the Fund is "
            "State Street Bank and Trust Company, which holds the Fund's assets.\n")
    chunks = chunking.chunk_document("odd", text, 90, 1)
    assert any(c.kind == "cell" and c.text.endswith("1.00%") for c in chunks)
    assert any(c.kind == "prose" and "State Street" in c.text for c in chunks)


def test_a_header_repeated_in_the_body_starts_a_section(stacked_table):
    """Stacked pipe tables (a year's block under its own header rows, or under a row that is
    only a year): each row takes its section's column labels; a lone year heading spreads over
    the columns; a footnote marker leaves the label; a label-less row of amounts stays a row."""
    t = tables.parse_table(stacked_table, 0, len(stacked_table))
    labelled = [(r.label_text, {t.column_label(c, r): p.text for c, p in r.cells.items()})
                for r in t.rows if r.cells]
    assert labelled[0] == ("Revenues", {"Fiscal 2019 First Quarter": "$94,888", "Fiscal 2019 Second Quarter":
                                        "$96,037", "Fiscal 2019 Third Quarter": "$88,495",
                                        "Fiscal 2019 Total": "$279,420"})
    assert labelled[1] == ("", {"Fiscal 2019 First Quarter": "30", "Fiscal 2019 Second Quarter": "22"})
    assert labelled[2][1]["Fiscal 2018 Third Quarter"] == "$93,669"
    assert labelled[3][1]["2017 Third Quarter"] == "$82,003"
    for r in t.rows:
        for p in r.cells.values():
            assert stacked_table[p.start:p.end] == p.text


def test_a_repeated_heading_spreads_over_the_blank_cells_its_sub_labels_fill():
    """"| | Dec 31, 2019 | | Dec 31, 2018 | |" over "Carrying Amount | Fair Value" pairs: each
    date heads both of its columns; a lone centred heading ("Year Ended") is left where it is."""
    text = ("| | December 31, 2019 | | December 31, 2018 | |\n"
            "| (In millions) | Carrying Amount | Fair Value | Carrying Amount | Fair Value |\n"
            "|---|---|---|---|---|\n| Total debt | $ 3,774.4 | $ 4,073.9 | $ 3,474.2 | $ 3,535.1 |\n")
    t = tables.parse_table(text, 0, len(text))
    assert {t.column_label(c): p.text for c, p in t.rows[0].cells.items()} == {
        "December 31, 2019 Carrying Amount": "$ 3,774.4", "December 31, 2019 Fair Value": "$ 4,073.9",
        "December 31, 2018 Carrying Amount": "$ 3,474.2", "December 31, 2018 Fair Value": "$ 3,535.1"}
    centred = "| | | Year Ended | |\n| | 2019 | 2018 | 2017 |\n|---|---|---|---|\n| Sales | 1 | 2 | 3 |\n"
    t = tables.parse_table(centred, 0, len(centred))
    assert [t.column_label(c) for c in sorted(t.rows[0].cells)] == ["2019", "Year Ended 2018", "2017"]


def test_a_pipe_row_label_keeps_its_footnote_marker_apart():
    text = "| | 2019 |\n|---|---|\n| Other items(1) | $5 |\n\n| Total* | 6 |\n"
    t = tables.parse_table(text, 0, len(text))
    assert [(r.label_text, r.marker) for r in t.rows] == [("Other items", "(1)"), ("Total", "*")]


def test_a_first_column_of_amounts_under_a_header_label_is_a_column_of_values():
    """An expense example printed "| 1 year | 3 years |" over "| $17 | $61 |" has no row labels:
    "$17" is the 1-year cost.  A first column of years still labels its rows."""
    from qa.parsing.pipe_tables import parse_pipe
    text = "| 1 year | 3 years | 10 years |\n|---|---|---|\n| $17 | $61 | $252 |\n"
    table = parse_pipe(text, 0, len(text))
    assert [(r.label_text, {table.column_label(c): p.text for c, p in r.cells.items()}) for r in table.rows] == \
        [("", {"1 year": "$17", "3 years": "$61", "10 years": "$252"})]
    years = "| Year | Index Value | Change |\n|---|---|---|\n| 2007 | 1,468.36 | 3.53 |\n| 2008 | 903.25 | –38.49 |\n"
    assert [r.label_text for r in parse_pipe(years, 0, len(years)).rows] == ["2007", "2008"]
