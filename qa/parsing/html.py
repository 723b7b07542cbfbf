"""HTML filings (plain HTML and inline XBRL) to readable text, tables kept as pipe tables.

Parsed with lxml's HTML parser (see the README for the measurement behind the choice).
Headings, paragraphs and list items become blocks separated by blank lines (list items
start with ``•``); each data ``<table>`` becomes a pipe table (:mod:`qa.parsing.html_tables`)
that :mod:`qa.parsing.tables` reads cell by cell; a layout table is read as prose.  Offsets
then point into this text, which the index stores as the filing's source.

Dropped: ``script``, ``style``, ``head``, content styled ``display:none``, the inline-XBRL
``ix:header`` (hidden facts), comments, and page furniture (lone page numbers, "Table of
Contents" links).  Entities and non-breaking spaces are decoded.  A superscript footnote
marker is written ``(1)``; other superscripts (SM, ®) stay as printed.

Not handled: running heads repeated on every page, text placed by CSS positioning out of
source order, and images (an image-only filing has no text: the caller says so).
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from qa.parsing import html_tables

_BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "header", "footer", "blockquote", "pre", "hr", "dl", "dt", "dd", "center", "address",
          "caption", "form", "fieldset", "main", "nav", "aside", "figure", "figcaption"}
_SKIP = {"script", "style", "head", "noscript", "template", "title", "ix:header", "xbrli:context",
         "iframe", "object", "svg", "img"}
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MARKER = re.compile(r"^\(?(?:\d{1,2}|[*\u2020\u2021\u00a7]{1,3})(?:\s*,\s*(?:\d{1,2}|[*\u2020\u2021\u00a7]{1,3}))*\)?,?$")
_FURNITURE = re.compile(r"^(?:\d{1,4}|[ivxlc]{1,6}|page \d{1,4}(?: of \d{1,4})?|-\s*\d{1,4}\s*-|"
                        r"(?:back to |return to )?table of contents|"
                        r"[^|]{1,60}(?:\|[^|]{1,40}){1,3}\|\s*\d{1,4})$", re.IGNORECASE)   # "Apple Inc. | 2024 Form 10-K | 21"
_MAX_DEPTH = 300
_RAISED = re.compile(r"vertical-align\s*:\s*(?:super|[1-9]\d*(?:\.\d+)?(?:pt|px|em|%))|"
                     r"position\s*:\s*relative\s*;(?:[^;]*;)*?\s*top\s*:\s*-\s*\d")   # "position:relative;top:-3.25pt"


def _name(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _hidden(el) -> bool:
    name = _name(el)
    return name in _SKIP or (name.startswith("ix:") and name.endswith("header")) or \
        bool(_HIDDEN.search(el.get("style") or "")) or el.get("hidden") is not None


class _Writer:
    """Collects blocks: each a list of inline strings, or a finished table string."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.prefix = ""
        self.last_head: list[list[str]] = []     # the header rows of the last data table written

    def text(self, s: str | None) -> None:
        if s:
            self.line.append(s)

    def close(self) -> None:
        text = _SPACE.sub(" ", _ZERO_WIDTH.sub("", "".join(self.line))).strip()
        self.line = []
        if text and not _FURNITURE.match(text):
            if not self.prefix and self._continues(text):
                self.blocks[-1] += " " + text      # a sentence a page break cut in two
            else:
                self.blocks.append(self.prefix + text if self.prefix else text)
        self.prefix = ""

    def _continues(self, text: str) -> bool:
        """Whether ``text`` goes on with the sentence the last block left open: it starts with a
        lower-case word and the last block is a paragraph of eight words or more ending without a
        stop ("... The minimum investment amount" | page break | "required to open ...").  Not
        handled: a running head printed between the two halves (the halves stay apart)."""
        first = text.split(maxsplit=1)[0]
        if not (first.isalpha() and first.islower() and self.blocks):
            return False
        last = self.blocks[-1]
        return (not last.startswith(("|", "\u2022")) and len(last.split()) >= 8
                and last[-1:] not in ".:;?!)\u201d\"'")

    def table(self, text: str) -> None:
        self.close()
        self.blocks.append(text)

    def just_tabled(self) -> bool:
        """Whether the last block written is a table (no prose since): a next table may go on it."""
        return bool(self.blocks) and self.blocks[-1].startswith("|") and not "".join(self.line).strip()


def _inline(el, out: list[str], depth: int = 0, marks: bool = True) -> None:
    """The text of ``el``'s subtree as one run (for table cells): blocks become spaces; without
    ``marks``, superscript footnote markers are left out."""
    for child in el:
        if not isinstance(child.tag, str) or _hidden(child):
            if child.tail:
                out.append(child.tail)
            continue
        name = _name(child)
        if _is_sup(child):
            marker = _sup(child)
            out.append(marker if marks or not _MARKER.match(marker) else "")
        elif name in ("br", "p", "div", "li", "tr", "td", "th") or name in _BLOCK:
            out.append(" ")
            if depth < _MAX_DEPTH:
                out.append(child.text or "")
                _inline(child, out, depth + 1, marks)
            else:
                out.append(child.text_content())
            out.append(" ")
        else:
            out.append(child.text or "")
            if depth < _MAX_DEPTH:
                _inline(child, out, depth + 1, marks)
        if child.tail:
            out.append(child.tail)


def _is_sup(el) -> bool:
    """``<sup>``, or an inline element raised by its style (``vertical-align: super`` or a length,
    or ``position: relative`` with a negative ``top``)."""
    if _name(el) == "sup":
        return True
    if _name(el) not in ("span", "font", "a", "b", "i", "small"):
        return False
    style = (el.get("style") or "").lower()
    return bool(_RAISED.search(style))


def _sup(el) -> str:
    text = _SPACE.sub(" ", el.text_content()).strip()
    return f"({text.strip('(),')})" if _MARKER.match(text) else text      # "1," of "1,2": one marker


def _cell(td) -> html_tables.Cell:
    parts = [td.text or ""]
    _inline(td, parts)
    text = _SPACE.sub(" ", _ZERO_WIDTH.sub("", "".join(parts))).strip()
    sups = [_SPACE.sub("", s.text_content()) for s in td.iter() if isinstance(s.tag, str) and _is_sup(s)]
    sup_only = bool(sups) and _SPACE.sub("", text) in ("".join(sups), "(" + "".join(sups) + ")")
    if sup_only:
        text = "".join(sups)
    elif sups:                    # "0.40%" with its raised marker: a value's footnote stays below the table
        bare = [td.text or ""]
        _inline(td, bare, marks=False)
        plain = _SPACE.sub(" ", _ZERO_WIDTH.sub("", "".join(bare))).strip()
        text = plain if html_tables.is_value(plain) else text
    return html_tables.Cell(text, _span(td.get("colspan")), _span(td.get("rowspan")),
                            header=_name(td) == "th", sup_only=sup_only)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 200))
    except (TypeError, ValueError):
        return 1


def _rows(table) -> list:
    return [tr for tr in table.iter("tr") if _owner_table(tr) is table]


def _owner_table(el):
    parent = el.getparent()
    while parent is not None and _name(parent) != "table":
        parent = parent.getparent()
    return parent


def _table(table, out: _Writer, depth: int) -> None:
    """A data table as a pipe table; a list laid out as a table as bullets; a layout table as prose."""
    rows = [[_cell(td) for td in tr if _name(td) in ("td", "th") and not _hidden(td)]
            for tr in _rows(table) if not _hidden(tr)]
    grid = html_tables.expand([r for r in rows if r])
    if not grid:
        return
    head, body = html_tables.tidy(grid)
    kind = html_tables.classify(head, body)
    if kind == "grid":
        head = html_tables.continued(head, body, out.last_head if out.just_tabled() else None)
        out.table(html_tables.render(head, body))
        out.last_head = head
    elif kind == "bullets":
        for row in html_tables.tidy(grid, 0)[1]:       # every row an item, the first one too
            text = " ".join(t for t in row[1:] if t)
            if text:
                out.close()
                out.prefix = "\u2022 "
                out.text(text)
                out.close()
    else:
        for tr in _rows(table):
            for td in tr:
                if _name(td) in ("td", "th") and not _hidden(td):
                    out.close()
                    _walk(td, out, depth + 1)
                    out.close()


def _walk(el, out: _Writer, depth: int = 0) -> None:
    out.text(el.text)
    for child in el:
        if not isinstance(child.tag, str):           # comments, processing instructions
            out.text(child.tail)
            continue
        if _hidden(child):
            out.text(child.tail)
            continue
        name = _name(child)
        if name == "table":
            _table(child, out, depth)
        elif name == "br":
            out.close()
        elif _is_sup(child):
            out.text(_sup(child))
        elif name in _BLOCK or depth >= _MAX_DEPTH:
            out.close()
            if name == "li":
                out.prefix = "\u2022 "
            if depth >= _MAX_DEPTH:
                out.text(child.text_content())
            else:
                _walk(child, out, depth + 1)
            out.close()
        else:
            _walk(child, out, depth + 1)
        out.text(child.tail)


def html_to_text(html: str) -> str:
    """Visible text of an HTML document, blocks separated by blank lines.

    Never raises on malformed markup: lxml recovers what it can; an empty or unparseable
    document gives an empty string."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError):
        return ""
    out = _Writer()
    body = root.find("body")
    _walk(body if body is not None else root, out)
    out.close()
    text = "\n\n".join(out.blocks)
    return text + "\n" if text else ""


def _parser():
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                recover=True, huge_tree=True)
