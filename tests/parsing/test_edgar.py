"""Parsing EDGAR text into blocks (fast, no models)."""
import pytest

from qa.parsing import edgar


def test_blocks_cover_the_text_in_order(filing_text):
    blocks = edgar.parse(filing_text)
    starts = [b.start for b in blocks]
    assert starts == sorted(starts)
    for b in blocks:
        assert 0 <= b.start < b.end <= len(filing_text)
        assert filing_text[b.start:b.end].strip()


def test_the_three_tables_are_tables(filing_text):
    tables = [b for b in edgar.parse(filing_text) if b.kind == "table"]
    assert len(tables) == 3
    fee, example, returns = (filing_text[t.start:t.end] for t in tables)
    assert "12b-1 Fees" in fee and "0.94%" in fee and "Expense Limitation Agreement" in fee
    assert "$1,159" in example and "Example of Portfolio Expenses" not in example
    assert "(8.87)%" in returns and "Smith Barney Aggressive Growth" in returns


def test_headings_and_bullets(filing_text):
    blocks = edgar.parse(filing_text)
    headings = [filing_text[b.start:b.end].strip() for b in blocks if b.kind == "heading"]
    assert "Primary Risks:" in headings and "Portfolio Management:" in headings
    bullets = [filing_text[b.start:b.end].strip() for b in blocks if b.kind == "bullet"]
    assert bullets[:4] == ["New technologies, products or services", "New cost reducing measures",
                           "Changes in management", "Favorable changes in government regulations."]
    assert bullets[4:] == ["Market risk", "Market capitalization risk", "Investment style risk"]
    risk = next(b for b in blocks if b.kind == "bullet" and "Market risk" in filing_text[b.start:b.end])
    assert risk.heading == "Primary Risks"


def test_unclosed_table_and_odd_input_do_not_crash():
    text = "Intro line.\n\n<TABLE>\n------ ------\nA      1\n------ ------\n\n" \
           "This is a long prose paragraph that follows the table without a closing tag at all.\n"
    blocks = edgar.parse(text)
    kinds = [b.kind for b in blocks]
    assert "table" in kinds and kinds[-1] == "paragraph"
    for odd in ["", "\n\n\n", "<TABLE>", "-----\n-----", "|a|\n|---|", "o\no\no"]:
        edgar.parse(odd)


def test_a_short_line_in_sentence_case_is_a_heading_but_a_labelled_fact_is_not():
    text = ("Investment objective\n\nTotal return in excess of that of its benchmark.\n\n"
            "Investment Adviser: Grantham, Mayo, Van Otterloo & Co. LLC\n\nFees and expenses\n\nThe table below.\n")
    headings = [b.heading for b in edgar.parse(text) if b.kind == "heading"]
    assert headings == ["Investment objective", "Fees and expenses"]


def test_a_running_head_between_two_halves_of_a_sentence_is_no_heading():
    text = ("Principal risks\n\nAs the Fund is non-diversified, a decline in the value of one security may affect the Fund's performance more\n\n"
            "GMO MULTI-SECTOR FIXED INCOME FUND\n\n"
            "than if the Fund were diversified.\n")
    blocks = edgar.parse(text)
    assert [b.heading for b in blocks if b.kind == "heading"] == ["Principal risks"]
    assert all(b.heading == "Principal risks" for b in blocks)


@pytest.mark.parametrize("line", ["President (since", "Affiliation with", "Yes \u2612 No \u2610", "Mac",
                                  "Website: volumetric.com"])
def test_a_broken_cell_line_or_a_field_is_no_heading(line):
    text = f"Management\n\n{line}\n\n2019 to present.\n"
    assert [b.heading for b in edgar.parse(text) if b.kind == "heading"] == ["Management"]
