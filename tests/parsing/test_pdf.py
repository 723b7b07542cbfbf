"""PDF filings: told by content, text with layout and pages, tables as cells, clear errors.

The fixtures in ``data/`` and how they were made: see ``make_pdf.py``.  No model is loaded.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.errors import SourceError
from qa.parsing import edgar
from qa.parsing.pages import PAGE_BREAK, page_of, page_starts
from qa.parsing.pdf import is_pdf, pdf_to_text
from qa.parsing.sources import BUNDLED_FILE, read_filing
from qa.parsing.tables import parse_table

DATA = Path(__file__).parent / "data"
LIMIT = 10**8


@pytest.fixture(scope="module")
def supplement() -> str:
    return read_filing(DATA / "supplement.pdf", LIMIT)


def test_a_pdf_is_told_by_content_not_by_its_name(tmp_path):
    named_txt = tmp_path / "filing.txt"
    shutil.copy(DATA / "ruled.pdf", named_txt)
    assert "| Management Fee | 0.75% | 0.75% |" in read_filing(named_txt, LIMIT)
    named_pdf = tmp_path / "filing.pdf"
    named_pdf.write_text("The Fund's custodian is State Street Bank.\n")
    assert read_filing(named_pdf, LIMIT) == "The Fund's custodian is State Street Bank.\n"
    assert is_pdf(b"\n%PDF-1.7\n") and not is_pdf(b"%PDS-1.7") and not is_pdf(b" " * 2000 + b"%PDF-1.4")
    assert not is_pdf(b"Send the prospectus; its first bytes read %PDF-1.4 in a viewer.")


def test_printed_text_keeps_its_lines_columns_and_blank_lines(supplement):
    original = BUNDLED_FILE.read_text(encoding="utf-8")
    lines = [ln.rstrip() for ln in supplement.split("\n") if ln != PAGE_BREAK]
    assert lines[:3] == original.split("\n")[:3]
    assert "12b-1 Fees                               None                                   0.25%" in supplement
    same = sum(a == b for a, b in zip(lines, [ln.rstrip() for ln in original.split("\n")]))
    assert same / len(original.split("\n")) > 0.5      # a page break shifts the rest by a line at most
    assert sorted(set(lines) - {""}) == sorted(set(ln.rstrip() for ln in original.split("\n")) - {""})


def test_fixed_width_tables_of_a_printed_filing_are_read_cell_by_cell(supplement):
    tables = [parse_table(supplement, b.start, b.end) for b in edgar.parse(supplement) if b.kind == "table"]
    cells = {(r.label_text, supplement[p.start:p.end]) for t in tables for r in t.rows for p in r.cells.values()}
    assert ("10 Years", "$1,159") in cells and ("12b-1 Fees", "0.25%") in cells


def test_a_ruled_table_becomes_a_pipe_table_with_cells_at_their_offsets():
    text = read_filing(DATA / "ruled.pdf", LIMIT)
    block = next(b for b in edgar.parse(text) if b.kind == "table")
    table = parse_table(text, block.start, block.end)
    row = next(r for r in table.rows if r.label_text == "Distribution (12b-1) Fees")
    assert [text[p.start:p.end] for p in row.cells.values()] == ["0.25%", "None"]
    assert table.column_label(1) == "Class A"


def test_pages_start_after_each_form_feed_and_offsets_map_to_pages(supplement):
    starts = page_starts(supplement)
    assert len(starts) == 4 and starts[0] == 0
    assert all(supplement[s - 1] == PAGE_BREAK for s in starts[1:])
    at = supplement.index("Example of Portfolio Expenses")
    assert page_of(supplement, at) == sum(1 for s in starts if s <= at)
    assert page_of(supplement, 0) == 1 and page_of(supplement, len(supplement)) == 4
    assert page_of("no pages here", 3) is None and page_of(supplement, None) is None
    assert page_of("a\n\f\nb", 3) == 2 and page_of("a\n\f\nb", 2) == 1


def test_an_image_only_pdf_says_it_needs_ocr(tmp_path):
    from PIL import Image
    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (612, 792), "white").save(scan, format="PDF")
    with pytest.raises(SourceError, match="no text layer.*needs OCR"):
        read_filing(scan, LIMIT)


@pytest.mark.parametrize("cut", [40, 2000, 15000])
def test_a_damaged_pdf_gets_a_clear_error_not_a_crash(tmp_path, cut):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((DATA / "ruled.pdf").read_bytes()[:cut])
    with pytest.raises(SourceError, match="not a readable PDF.*download it again"):
        read_filing(broken, LIMIT)


def test_junk_after_a_pdf_header_gets_a_clear_error():
    with pytest.raises(SourceError, match="not a readable PDF"):
        pdf_to_text(b"%PDF-1.4\n" + bytes(range(256)) * 40, "junk.pdf")


def test_an_encrypted_pdf_says_it_needs_a_password():
    with pytest.raises(SourceError, match="encrypted PDF that needs a password"):
        read_filing(DATA / "locked.pdf", LIMIT)


def test_a_pdf_that_fails_leaves_no_index_behind(tmp_path):
    from qa.pipeline import QA
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n")
    with pytest.raises(SourceError):
        QA.from_files([DATA / "ruled.pdf", broken], index_dir=tmp_path / "index")
    assert not (tmp_path / "index").exists()


def test_glyph_codes_without_unicode_leave_the_page_empty(monkeypatch):
    from qa.parsing import pdf
    monkeypatch.setattr(pdf, "UNREADABLE_SHARE", -1.0)       # every page counts as unreadable
    with pytest.raises(SourceError, match="no text layer.*needs OCR"):
        pdf_to_text((DATA / "ruled.pdf").read_bytes(), "cid.pdf")

