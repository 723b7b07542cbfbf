"""Every real EDGAR filing in ../shared/filings parses, with no markup left and offsets that hold.

Skips cleanly where ../shared is not beside the checkout.  The parsing checks load no model
(fast tier); chunking every filing needs spaCy's sentencizer and is marked slow.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from qa.parsing import edgar, tables
from qa.parsing.sources import read_filing

FILINGS = Path(__file__).resolve().parents[3] / "shared" / "filings"
PATHS = sorted(FILINGS.glob("*.htm")) if FILINGS.is_dir() else []
MARKUP = re.compile(r"<[A-Za-z/!?][^>\n]{0,200}>|&#x?[0-9a-f]+;|&[a-z]{2,8};", re.IGNORECASE)
pytestmark = pytest.mark.skipif(not PATHS, reason="../shared/filings is not here")


@lru_cache(maxsize=None)
def _text(name: str) -> str:
    return read_filing(FILINGS / name, 50_000_000)


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_a_filing_reads_as_text_without_markup(path):
    text = _text(path.name)
    assert len(text) > 500
    assert MARKUP.findall(text) == []
    assert "ix:" not in text and "xbrli:" not in text and "<TYPE>" not in text


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_table_cells_map_back_to_the_text_and_no_sign_stands_alone(path):
    text = _text(path.name)
    for block in (b for b in edgar.parse(text) if b.kind == "table"):
        table = tables.parse_table(text, block.start, block.end)
        for row in table.rows:
            for piece in list(row.cells.values()) + row.label:
                assert " ".join(text[piece.start:piece.end].split()) == piece.text
                assert piece.text not in ("%", "$", ")%", ")"), (path.name, row.label_text)


@pytest.mark.slow
def test_every_filing_chunks_with_offsets_into_its_text():
    from qa.indexing.chunking import chunk_document
    for path in PATHS:
        text = _text(path.name)
        chunks = chunk_document(path.stem, text, 90, 1)
        assert chunks, path.name
        for chunk in chunks:
            assert 0 <= chunk.start <= chunk.end <= len(text)
            assert MARKUP.findall(chunk.text) == [], (path.name, chunk.text[:200])
