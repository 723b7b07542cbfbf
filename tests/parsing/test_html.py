"""HTML to text: tables into clean cells, hidden content and page furniture dropped (fast tier)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.parsing import edgar, tables
from qa.parsing.html import html_to_text
from qa.parsing.html_tables import is_value, tighten


def _cells(text: str) -> list[list[str]]:
    blocks = [b for b in edgar.parse(text) if b.kind == "table"]
    assert blocks, text
    table = tables.parse_table(text, blocks[0].start, blocks[0].end)
    out = []
    for row in table.rows:
        out.append([row.label_text] + [row.cells[c].text for c in sorted(row.cells)])
        for piece in list(row.cells.values()) + row.label:
            assert " ".join(text[piece.start:piece.end].split()) == piece.text
    return out


FEE_TABLE = """<html><body><table>
<tr><td></td><td></td><td colspan="3">Class A</td><td colspan="3">Class C</td></tr>
<tr><td>Shareholder Fees</td></tr>
<tr><td></td><td>Maximum Sales Charge</td><td></td><td>3.00</td><td>%</td><td></td><td>None</td><td></td></tr>
<tr><td></td><td>Deferred Sales Charge</td><td></td><td>None</td><td><sup>1</sup></td><td></td><td>1.00</td><td>%</td></tr>
<tr><td></td><td>Waivers<sup>2</sup></td><td></td><td>(0.03</td><td>)%</td><td></td><td>0.00</td><td>%</td></tr>
<tr><td></td><td>1 Year</td><td>$</td><td>401</td><td></td><td>$&nbsp;185</td><td></td><td></td></tr>
</table></body></html>"""


def test_fee_table_fragments_join_their_numbers_and_spacers_go():
    text = html_to_text(FEE_TABLE)
    rows = _cells(text)
    assert ["Maximum Sales Charge", "3.00%", "None"] in rows
    assert ["Deferred Sales Charge", "None", "1.00%"] in rows
    assert ["Waivers", "(0.03)%", "0.00%"] in rows
    assert ["1 Year", "$401", "$185"] in rows
    assert "Class A" in text and "| % |" not in text


def test_a_superscript_marker_on_a_label_stays_apart_from_it():
    text = html_to_text(FEE_TABLE)
    assert "Waivers(2)" in text


def test_a_marker_raised_by_relative_position_is_a_superscript():
    html = ('<table><tr><td><font>Total Annual Fund Operating Expenses</font><font style="font-size:5pt;'
            'position:relative;top:-3.25pt;">3</font></td><td>1.34%</td></tr>'
            '<tr><td>Other Expenses</td><td>0.02%</td></tr></table>')
    assert "Total Annual Fund Operating Expenses(3)" in html_to_text(html)


def test_hidden_content_xbrl_header_and_scripts_are_dropped():
    html = ("<html><head><title>T</title><style>p{}</style></head><body>"
            "<div style='display:none'><ix:header><ix:hidden>0000320193 FY</ix:hidden></ix:header></div>"
            "<script>var x=1;</script><p>Visible &amp; decoded&#8212;text&nbsp;here.</p>"
            "<p><ix:nonfraction name='x'>1,234</ix:nonfraction> shares</p></body></html>")
    text = html_to_text(html)
    assert "0000320193" not in text and "var x" not in text and "p{}" not in text
    assert "Visible & decoded\u2014text here." in text
    assert "1,234 shares" in text


def test_page_numbers_and_contents_links_are_furniture():
    html = "<body><p>First paragraph.</p><p>12</p><p><a href='#toc'>Table of Contents</a></p><p>Next.</p></body>"
    assert html_to_text(html) == "First paragraph.\n\nNext.\n"


def test_a_layout_table_reads_as_prose_and_a_bullet_table_as_bullets():
    layout = "<body><table><tr><td><p>" + "The fund invests in bonds. " * 12 + "</p></td></tr></table></body>"
    assert "|" not in html_to_text(layout)
    bullets = "<body><table><tr><td>\u2022</td><td>Credit risk</td></tr><tr><td>\u2022</td><td>Rate risk</td></tr></table></body>"
    text = html_to_text(bullets)
    assert "\u2022 Credit risk" in text and "|" not in text
    blocks = edgar.parse(text)
    assert [b.kind for b in blocks] == ["bullet", "bullet"]


def test_headers_spanning_columns_label_each_of_them():
    html = ("<body><table><tr><td></td><th colspan='2'>Average Annual Total Returns</th></tr>"
            "<tr><td></td><th>1 Year</th><th>5 Years</th></tr>"
            "<tr><td>Class A</td><td>5.10%</td><td>(8.87)%</td></tr></table></body>")
    text = html_to_text(html)
    table = tables.parse_table(text, *[(b.start, b.end) for b in edgar.parse(text) if b.kind == "table"][0])
    labels = {table.column_label(c): table.rows[0].cells[c].text for c in table.rows[0].cells}
    assert labels == {"Average Annual Total Returns 1 Year": "5.10%", "Average Annual Total Returns 5 Years": "(8.87)%"}


def test_rowspan_is_expanded():
    html = ("<body><table><tr><th>Name</th><th>Title</th><th>Since</th></tr>"
            "<tr><td rowspan='2'>Jane Roe</td><td>Portfolio Manager</td><td>2019</td></tr>"
            "<tr><td>Managing Director</td><td>2021</td></tr></table></body>")
    rows = _cells(html_to_text(html))
    assert rows[0] == ["Jane Roe", "Portfolio Manager", "2019"]
    assert rows[1][1:] == ["Managing Director", "2021"]


@pytest.mark.parametrize("text, value", [("$1,159", True), ("(0.35)%", True), ("0.30", True), ("None", True),
                                         ("\u2014", True), ("Class A", False), ("2024", True), ("", False)])
def test_is_value(text, value):
    assert is_value(text) is value


def test_tighten_only_joins_numbers():
    assert tighten("$ 1,541") == "$1,541" and tighten("( 0.35 )%") == "(0.35)%"
    assert tighten("Class A") == "Class A" and tighten("$ and more") == "$ and more"


def test_empty_and_broken_html_never_raise():
    assert html_to_text("") == ""
    assert html_to_text("<html><body>") == ""
    assert "unclosed" in html_to_text("<p>unclosed <b>bold <table><tr><td>cell")
    deep = "<div>" * 1000 + "deep text" + "</div>" * 1000      # past the walker's own depth limit
    assert "deep text" in html_to_text(deep)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/tdrablep =\"'&;#x0%$()|\u00a0\n")) , max_size=300))
def test_arbitrary_markup_gives_text_without_crashing(html):
    out = html_to_text(html)
    assert isinstance(out, str)


def test_a_grid_of_sentences_reads_as_prose():
    html = ("<body><table><tr><td>Adviser</td><td>Portfolio Managers</td></tr>"
            "<tr><td rowspan='2'>Acme &amp; Co., Inc.</td><td>Jane Roe, CFA, Portfolio Manager, has managed the Fund since 2013.</td></tr>"
            "<tr><td>John Doe, MBA, Portfolio Manager, has managed the Fund since 2022.</td></tr></table></body>")
    text = html_to_text(html)
    assert "|" not in text
    assert "Jane Roe, CFA, Portfolio Manager, has managed the Fund since 2013." in text.split("\n\n")


EXAMPLE = ("<table><tr><td>Class</td><td>Share Status</td><td>1 Year</td><td>3 Years</td></tr>"
           "<tr><td>Class A</td><td>Sold or Held</td><td>$624</td><td>$825</td></tr>"
           "<tr><td>Class C</td><td>Sold</td><td>$255</td><td>$527</td></tr>"
           "<tr><td>&#160;</td><td>Held</td><td>$155</td><td>$527</td></tr></table>")


def test_a_row_under_a_two_label_row_continues_its_label():
    rows = _cells(html_to_text(EXAMPLE))
    assert ["Class C", "Sold", "$255", "$527"] in rows
    assert ["Class C Held", "$155", "$527"] in rows              # (its empty status cell is no cell)
