"""Split EDGAR plain text into blocks: headings, paragraphs, bullets and tables.

Every block carries ``start``/``end`` character offsets into the untouched
source.  Tables are found three ways: ``<TABLE>`` … ``</TABLE>`` (an unclosed
tag ends where prose resumes), grids of dashed rules without tags, and markdown
pipe tables.  Their cells are read by :mod:`qa.parsing.tables`.

Not handled: headings that share a line with body text ("Foreign Investments.
The Portfolio may…" stays one paragraph), multi-column page layouts, and
``<TABLE>`` blocks nested inside each other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_RULE = re.compile(r"^[\s\-=_+|:]*[-=_]{5,}[\s\-=_+|:]*$")
_MARKER = re.compile(r"^\s*(?:</?[A-Za-z]{1,10}>\s*)+$")
_TABLE_OPEN = re.compile(r"^\s*<TABLE>", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BULLET = re.compile(r"^\s*(?:o|\u2022|\u00b7|\*|-|\d{1,2}[.)])\s+(?=\S)")
_PAGE_BREAK = re.compile(r"^\s*(?:<PAGE>.*|\f.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Block:
    """A run of source text of one kind; ``heading`` is the section it falls under.

    A bullet block starts after its marker (``o``, ``•``, ``1.``), so its text is the item.
    """

    kind: str          # "heading" | "paragraph" | "bullet" | "table"
    start: int
    end: int
    heading: str = ""


def split_lines(text: str) -> list[Line]:
    """Lines with their offsets (the newline itself is not part of a line)."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def is_rule(line: Line) -> bool:
    return bool(_RULE.match(line.text))


def _is_table_line(line: Line) -> bool:
    return is_rule(line) or bool(_MARKER.match(line.text)) or line.blank


def _tagged_end(lines: list[Line], i: int) -> int:
    """Index of the last line of the ``<TABLE>`` opened at line ``i``."""
    last, seen_rule = i, False
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if _TABLE_CLOSE.match(line.text):
            return j
        if _TABLE_OPEN.match(line.text):
            return last
        if is_rule(line) or _MARKER.match(line.text):
            seen_rule, last = True, j
            continue
        prose = len(line.text.strip()) > 60 and not re.search(r"\S {4,}\S", line.text.strip())
        if seen_rule and prose and lines[j - 1].blank and len(line.text) - len(line.text.lstrip()) < 8:
            return last
        if not line.blank:
            last = j
    return last


def _grid_end(lines: list[Line], i: int) -> int | None:
    """Last line of a dashed-rule grid starting at rule line ``i``, or None if not a grid."""
    rules, content, last_rule, j = 1, 0, i, i + 1
    while j < len(lines):
        line = lines[j]
        if line.blank:
            nxt = lines[j + 1] if j + 1 < len(lines) else None
            if nxt is None or nxt.blank or not (is_rule(nxt) or re.search(r"\S {3,}\S", nxt.text)):
                break
        elif is_rule(line):
            rules, last_rule = rules + 1, j
        else:
            content += 1
        j += 1
    return last_rule if rules >= 2 and content >= 1 and last_rule > i + 1 else None


def _pipe_end(lines: list[Line], i: int) -> int | None:
    j = i
    while j + 1 < len(lines) and _PIPE_ROW.match(lines[j + 1].text):
        j += 1
    has_sep = any(PIPE_SEP.match(lines[k].text) for k in range(i, j + 1))
    return j if j > i and has_sep else None


def table_spans(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) line indices of every table, in order."""
    spans, i = [], 0
    while i < len(lines):
        end = None
        if _TABLE_OPEN.match(lines[i].text):
            end = _tagged_end(lines, i)
        elif is_rule(lines[i]):
            end = _grid_end(lines, i)
        elif _PIPE_ROW.match(lines[i].text):
            end = _pipe_end(lines, i)
        if end is not None:
            spans.append((i, end))
            i = end + 1
        else:
            i += 1
    return spans


_SHORT_HEADING = 6      # words of a line standing alone that make it a heading in any case
_WORDS_ONLY = re.compile(r"[A-Z][A-Za-z'’&/ -]*[A-Za-z]")
_TRAILING = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})


def _is_heading(para: list[Line]) -> bool:
    if len(para) != 1:
        return False
    text = para[0].text.strip()
    if len(text) > 90 or _BULLET.match(para[0].text) or not text[0].isalnum():
        return False
    if text.endswith(":"):
        return True
    if re.match(r"[^:\d]+:\s+[A-Z][a-z]", text):
        return False        # "Investment Adviser: Grantham, Mayo, Van Otterloo & Co. LLC" states a fact
    if text[-1] in ".;,)\"'" or text[0].islower():
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    if bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
        return True
    # a short line of words alone, in sentence case: "Investment objective", "Fees and expenses"
    # (not a cell's broken line, "President (since", "Affiliation with", nor "Yes ☒ No ☐")
    words = text.split()
    return bool(_WORDS_ONLY.fullmatch(text)) and 2 <= len(words) <= _SHORT_HEADING and \
        words[-1].lower() not in _TRAILING


def _prose_blocks(lines: list[Line], heading: str) -> tuple[list[Block], str]:
    """Blocks of a run of non-table lines; returns them and the heading in force after.  A
    heading line between the two halves of a sentence is a page's running head: no heading."""
    paras: list[list[Line]] = [[]]
    for line in lines:
        if line.blank or _PAGE_BREAK.match(line.text) or _MARKER.match(line.text):
            paras.append([])
        else:
            paras[-1].append(line)
    paras = [p for p in paras if p]
    blocks: list[Block] = []
    for k, para in enumerate(paras):
        if _is_heading(para):
            if _interrupts(paras[k - 1] if k else None, paras[k + 1] if k + 1 < len(paras) else None):
                continue
            heading = para[0].text.strip().rstrip(":").strip()
            blocks.append(Block("heading", para[0].start + _indent(para[0]), para[0].end, heading))
        else:
            blocks.extend(_split_bullets(para, heading))
    return blocks, heading


def _interrupts(before: list[Line] | None, after: list[Line] | None) -> bool:
    """Whether a line stands between a sentence's start and its lower-case rest."""
    if not before or not after:
        return False
    last, first = before[-1].text.rstrip(), after[0].text.lstrip()
    return bool(last) and last[-1].isalpha() and first[:1].islower()


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _split_bullets(para: list[Line], heading: str) -> list[Block]:
    """A paragraph, or one bullet block per bullet line (with its continuation lines)."""
    groups: list[list[Line]] = []
    for line in para:
        if _BULLET.match(line.text) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    out = []
    for group in groups:
        marker = _BULLET.match(group[0].text)
        kind = "bullet" if marker else "paragraph"
        skip = marker.end() if marker else _indent(group[0])
        out.append(Block(kind, group[0].start + skip, group[-1].end, heading))
    return out


def parse(text: str) -> list[Block]:
    """All blocks of a filing, in document order."""
    lines = split_lines(text)
    blocks: list[Block] = []
    heading, pos = "", 0
    for first, last in table_spans(lines) + [(len(lines), len(lines))]:
        prose, heading = _prose_blocks(lines[pos:first], heading)
        blocks.extend(prose)
        if first < len(lines):
            blocks.append(Block("table", lines[first].start, lines[last].end, heading))
        pos = last + 1
    return blocks
