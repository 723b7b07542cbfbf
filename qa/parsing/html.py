"""HTML filings to plain text, with tables kept as markdown pipe tables.

Block elements (p, div, li, headings, br) become line breaks; each ``<table>``
becomes a pipe table whose first row is the header, so :mod:`qa.tables` can
read its cells.  Offsets then point into this text, which is what the index
stores as the filing's source.

Not handled: ``rowspan``/``colspan`` (cells are placed left to right), nested
tables (flattened into their cell's text), CSS-hidden content, PDF.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
          "section", "article", "header", "footer", "blockquote", "pre", "hr", "title"}
_SKIP = {"script", "style", "head", "noscript", "template"}


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def _table(table: Tag) -> str:
    rows = []
    for tr in table.find_all("tr"):
        cells = [_text(c).replace("|", "/") for c in tr.find_all(["td", "th"])]
        if any(cells):
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n\n" + "\n".join(lines) + "\n\n"


def _walk(node, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                continue
            out.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in _SKIP:
                continue
            if name == "table":
                out.append(_table(child))
                continue
            if name in _BLOCK:
                out.append("\n")
            _walk(child, out)
            if name in _BLOCK and name != "br":
                out.append("\n")


def html_to_text(html: str) -> str:
    """Visible text of an HTML document, paragraphs separated by blank lines."""
    soup = BeautifulSoup(html, "html.parser")
    out: list[str] = []
    _walk(soup, out)
    text = "".join(out)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
