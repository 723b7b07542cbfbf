"""Chunks keep offsets into the untouched source (uses spaCy's sentence segmenter)."""
import re

import pytest

from qa.indexing import chunking


@pytest.fixture(scope="module")
def chunks(filing_text):
    return chunking.chunk_document("doc", filing_text, max_words=90, overlap=1)


def test_prose_chunks_round_trip(chunks, filing_text):
    prose = [c for c in chunks if c.kind == "prose"]
    assert len(prose) > 10
    words = lambda text: [w for w in re.findall(r"\w+", text) if w != "o"]   # noqa: E731 (o: bullets)
    for c in prose:
        assert c.text == c.view(filing_text).text
        if not getattr(c.meta, "footnote", ""):         # footnotes lead with their row labels
            assert words(c.text) == words(filing_text[c.start:c.end]), c.text
        for s, e in c.units:
            assert c.start <= s < e <= c.end


def test_every_view_maps_back(chunks, filing_text):
    for c in chunks:
        view = c.view(filing_text)
        assert view.text == c.text
        for i, off in enumerate(view.offsets):
            if off >= 0:
                assert filing_text[off] == view.text[i]


def test_cells_point_at_the_cell(chunks, filing_text):
    cells = {(c.meta.row_label, c.meta.col_label): c for c in chunks if c.kind == "cell"}
    c = cells[("10 Years", "Class B")]
    assert filing_text[c.start:c.end] == "$1,159"
    assert c.text == "Example of Portfolio Expenses \u2014 10 Years \u2014 Class B: $1,159"
    assert cells[("Total Annual Portfolio Operating Expense", "Class B")].meta.footnote.startswith(
        "The Manager and the Trust")


def test_lists_stay_with_their_lead_in(chunks):
    lead = next(c for c in chunks if "may benefit from:" in c.text)
    assert "Favorable changes in government regulations." in lead.text
    risks = next(c for c in chunks if "Market capitalization risk" in c.text)
    assert "primary risks as described" in risks.text and risks.heading == "Primary Risks"


def test_chunks_respect_the_size_limit(chunks):
    for c in chunks:
        if c.kind == "prose" and len(c.units) > 1:
            assert len(c.text.split()) <= 90 + 25   # bullets glued to a lead-in may exceed a little


def test_sections_carry_headings(chunks):
    headings = {c.heading for c in chunks}
    assert {"Fees and Expenses", "Portfolio Management", "Prior Experience with Comparable Fund"} <= headings


def test_every_chunk_carries_its_kinds_record():
    """A fresh chunk's meta is the typed record the store loads back, never a bare dict
    (a title chunk once carried {"title": True}, which broke the evidence list)."""
    from qa.indexing.records import CellMeta, ProseMeta, TableMeta
    source = "FUND NAME\n\nSUPPLEMENT TO THE PROSPECTUS\n\nThe fund invests in stocks. It may lose money.\n"
    expected = {"prose": (ProseMeta, type(None)), "table": (TableMeta,), "cell": (CellMeta,)}
    made = chunking.chunk_document("d", source, 120, 20)
    assert made and all(isinstance(c.meta, expected[c.kind]) for c in made)
