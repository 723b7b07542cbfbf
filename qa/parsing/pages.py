"""Pages of a filing's text: a line holding only a form feed separates two pages.

:mod:`qa.parsing.pdf` writes one between the pages of a PDF; EDGAR text rarely holds one.
A text without form feeds has no page numbers (``page_of`` gives None), so filings read from
HTML or EDGAR text answer as before.

Not handled: EDGAR's ``<PAGE>`` tags (their numbering is the filer's, not the document's).
"""
from __future__ import annotations

PAGE_BREAK = "\f"


def page_starts(text: str) -> list[int]:
    """The offset where each page starts: ``[0]`` and one after each form feed."""
    starts, pos = [0], text.find(PAGE_BREAK)
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find(PAGE_BREAK, pos + 1)
    return starts


def page_of(text: str, offset: int | None) -> int | None:
    """The 1-based page that ``text[offset]`` stands on; None when ``text`` has no page breaks."""
    if offset is None or PAGE_BREAK not in text:
        return None
    return text.count(PAGE_BREAK, 0, max(0, min(offset, len(text)))) + 1
