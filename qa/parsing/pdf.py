"""PDF filings to text: the pages in order, their layout kept, ruled tables as pipe tables.

Read with pdfplumber (``docs/pdf-parsers.md`` has the measurement behind the choice).  Each
page is rebuilt from its words' positions: a word starts at the column its left edge falls on,
on a grid whose cell is the page's median character width, and a gap between lines taller than
the page's usual line pitch becomes blank lines.  So a fixed-width table printed to PDF keeps its
columns for :mod:`qa.parsing.tables`, and paragraphs keep the blank line between them.  A table
pdfplumber finds from ruling lines is written as a pipe table (:func:`qa.parsing.html_tables.render`)
where it stands on the page; a ruled box of prose is written as prose.  Pages are joined by a
line holding only a form feed, the page break :mod:`qa.parsing.edgar` already knows;
:mod:`qa.parsing.pages` maps an offset to its page.  Offsets point into this text.

Raises :class:`SourceError` (never a library exception) for an encrypted, damaged or image-only
PDF; an image-only one is told it needs OCR.

Not handled: text set in a font without a Unicode map (pdfminer gives ``(cid:N)`` or control
characters: such a page is left empty and logged, and a PDF of only such pages is sent to OCR),
text rotated on the page (read in pdfminer's order, which can reverse it), two-column page
layouts (a line runs across both columns), tables without ruling lines (kept as aligned text,
read as a table only when dashed rules frame it), running heads and footers other than a lone
page number.
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
from statistics import median

from qa.errors import SourceError
from qa.parsing import html_tables
from qa.parsing.pages import PAGE_BREAK

log = logging.getLogger(__name__)

MAGIC = b"%PDF-"
_GARBAGE = re.compile(r"\(cid:\d+\)|[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*-)?\s*$", re.IGNORECASE)
UNREADABLE_SHARE = 0.3      # a page whose text is this much (cid:N) or control characters is unreadable
WIDE_GAP = 1.5              # character widths: a gap this wide between words is placed by column


def is_pdf(data: bytes) -> bool:
    """A PDF by its content: the ``%PDF-`` header within the first KB (where readers look for it),
    with no words before it (a text filing that quotes "%PDF-" near its top stays text)."""
    at = data.find(MAGIC, 0, 1024)
    return at != -1 and not re.search(rb"[A-Za-z]{3}", data[:at])


def pdf_to_text(data: bytes, name: str = "input") -> str:
    """The text of a PDF, pages joined by a form-feed line; :class:`SourceError` if it has none."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    try:
        with _quiet("pdfminer"), pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_text(page) for page in pdf.pages]
            images = sum(len(page.images) for page in pdf.pages)
    except SourceError:
        raise
    except Exception as exc:   # pdfminer raises many types for a damaged or locked file
        raise _open_error(exc, name, PDFPasswordIncorrect) from exc
    readable = [p for p in pages if p is not None]
    if len(readable) < len(pages):
        log.warning("%s: %d of %d page(s) have no readable text layer (fonts without a Unicode map); "
                    "they are left empty", name, len(pages) - len(readable), len(pages))
    if not any(p.strip() for p in readable):
        raise _no_text(name, len(pages), images, unreadable=len(readable) < len(pages))
    return f"\n{PAGE_BREAK}\n".join(p or "" for p in pages)


@contextlib.contextmanager
def _quiet(name: str):
    """pdfminer's per-glyph warnings ("Ignoring (part of) ToUnicode map", hundreds a file) held back:
    the reader logs one line for the pages it could not read instead."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open_error(exc: Exception, name: str, password_error: type) -> SourceError:
    cause = exc.__cause__ or exc.__context__ or exc
    text = f"{type(cause).__name__} {cause}".lower()
    if isinstance(exc, password_error) or isinstance(cause, password_error) or "password" in text \
            or "encrypt" in text:
        return SourceError(f"{name} is an encrypted PDF that needs a password: save an unencrypted "
                           "copy (for example `qpdf --decrypt --password=… in.pdf out.pdf`) and give that")
    return SourceError(f"{name} is not a readable PDF ({type(cause).__name__}: {str(cause)[:120]}): "
                       "it may be damaged or cut short; download it again, or give the filing as HTML or text")


def _no_text(name: str, pages: int, images: int, unreadable: bool) -> SourceError:
    if images or unreadable:
        why = "scanned pages (images only)" if images and not unreadable else "fonts it gives no Unicode for"
        return SourceError(f"{name} is a PDF with no text layer ({pages} page(s), {why}): it needs OCR "
                           "first, for example `ocrmypdf in.pdf out.pdf`, then give the OCR'd PDF")
    return SourceError(f"{name} is a PDF with no text in it ({pages} blank page(s)): give the filing's text")


def _page_text(page) -> str | None:
    """One page's text, tables in place; None when the page's text is unreadable glyph codes."""
    words = page.extract_words(use_text_flow=False, keep_blank_chars=False)
    if not words:
        return ""
    chars = [c for c in page.chars if not c["text"].isspace()]
    if sum(len(m) for w in words for m in _GARBAGE.findall(w["text"])) > UNREADABLE_SHARE * max(1, len(chars)):
        return None
    grid = _Grid(left=min(w["x0"] for w in words), width=median(c["width"] for c in chars) if chars else 5.0,
                 pitch=_pitch(words))
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    parts, top = [], float("-inf")
    for table in tables:
        if table.bbox[1] < top:           # nested in, or overlapping, one already written
            continue
        parts.append(grid.render([w for w in words if top <= _mid(w) < table.bbox[1]]))
        inside = [w for w in words if table.bbox[1] <= _mid(w) <= table.bbox[3]
                  and table.bbox[0] <= (w["x0"] + w["x1"]) / 2 <= table.bbox[2]]
        parts.append(_table_text(table) or grid.render(inside))
        top = table.bbox[3]
    parts.append(grid.render([w for w in words if _mid(w) >= top]))
    return _drop_page_number("\n\n".join(p for p in parts if p.strip()))


def _mid(word) -> float:
    return (word["top"] + word["bottom"]) / 2


def _pitch(words) -> float:
    """The page's usual distance from one line's top to the next's."""
    tops = sorted({round(w["top"], 1) for w in words})
    steps = [b - a for a, b in zip(tops, tops[1:]) if b - a > 1]
    heights = [w["bottom"] - w["top"] for w in words]
    return median(steps) if steps else (median(heights) * 1.2 if heights else 12.0)


class _Grid:
    """Places words on a character grid: column from the left edge, blank lines from the gaps."""

    def __init__(self, left: float, width: float, pitch: float):
        self.left, self.width, self.pitch = left, max(width, 0.5), max(pitch, 1.0)

    def render(self, words) -> str:
        lines: list[list[dict]] = []
        for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
            if lines and abs(w["top"] - lines[-1][0]["top"]) <= self.pitch * 0.3:
                lines[-1].append(w)
            else:
                lines.append([w])
        out: list[str] = []
        for k, line in enumerate(lines):
            if k:
                gap = line[0]["top"] - lines[k - 1][0]["top"]
                out.extend([""] * max(0, round(gap / self.pitch) - 1))
            out.append(self._line(sorted(line, key=lambda w: w["x0"])))
        return "\n".join(out)

    def _line(self, words) -> str:
        """Words apart by about a space are joined by one; a wider gap (a column) goes by position."""
        text, right = "", float("-inf")
        for w in words:
            col = round((w["x0"] - self.left) / self.width)
            near = w["x0"] - right < WIDE_GAP * self.width
            text += (" " if near else " " * max(col - len(text), 1 if text else 0)) + w["text"]
            right = w["x1"]
        return text


def _table_text(table) -> str:
    """A ruled table as a pipe table, or "" when it is a box of prose (or holds one row)."""
    rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
    keep = [c for c in range(max((len(r) for r in rows), default=0)) if any(c < len(r) and r[c] for r in rows)]
    rows = [[r[c] if c < len(r) else "" for c in keep] for r in rows if any(r)]
    if len(rows) < 2 or len(keep) < 2:
        return ""
    head, body = rows[:1], rows[1:]
    if html_tables.classify(head, body) != "grid":
        return ""
    return html_tables.render(head, body)


def _drop_page_number(text: str) -> str:
    """The page without a lone page number as its first or last line ("4", "Page 4 of 40", "- 4 -")."""
    lines = text.split("\n")
    for k in (-1, 0):
        if lines and _PAGE_NUMBER.match(lines[k]):
            lines.pop(k)
    return "\n".join(lines).strip("\n")
