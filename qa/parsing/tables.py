"""A cell model of filing tables: title, column labels, rows with labels, cells, footnotes.

Reads fixed-width EDGAR tables (columns from the widest dashed rule, or from the
``<S>``/``<C>`` markers, or from runs of blank columns) and markdown pipe tables
(:mod:`qa.parsing.pipe_tables`; HTML tables reach us as pipe tables, see :mod:`qa.parsing.html`).  Every label, cell and
footnote is a :class:`Piece` with source offsets.

Not handled: cells that wrap onto a second line in a value column (only row
labels may wrap), row groups with sub-headings (kept as rows without cells),
column labels for the first (label) column, footnote markers on column labels (dropped
from the label), and sections of fixed-width tables (only pipe
tables get per-section column labels).
"""
from __future__ import annotations

import re

from qa.parsing import edgar
from qa.parsing.pipe_tables import parse_pipe
from qa.parsing.table_model import Piece, Row, Table, split_marker

__all__ = ["Piece", "Row", "Table", "parse_table", "parse_fixed_width"]

_TOKEN = re.compile(r"\S+(?: \S+)*")           # runs separated by 2+ spaces
_FOOTNOTE = re.compile(r"^\s*(\*{1,3}|\(\d{1,2}\)|\u2020{1,2})\s+\S")
_MARKER_TAG = re.compile(r"<[SC]>", re.IGNORECASE)


def _tokens(line: edgar.Line) -> list[Piece]:
    return [Piece(m.group(), line.start + m.start(), line.start + m.end())
            for m in _TOKEN.finditer(line.text)]


def _columns_from_rules(lines: list[edgar.Line]) -> list[tuple[int, int]]:
    best: list[tuple[int, int]] = []
    for line in lines:
        if edgar.is_rule(line):
            runs = [m.span() for m in re.finditer(r"[-=_]{3,}", line.text)]
            if len(runs) > len(best):
                best = runs
    if len(best) >= 2:
        return best
    for line in lines:
        tags = [m.start() for m in _MARKER_TAG.finditer(line.text)]
        if len(tags) >= 2:
            return [(a, b - 1) for a, b in zip(tags, tags[1:] + [10**6])]
    return _columns_from_gaps([ln for ln in lines if not edgar.is_rule(ln)])


def _columns_from_gaps(lines: list[edgar.Line]) -> list[tuple[int, int]]:
    """Columns where some line has text, split at gaps of 2+ blank columns in every line."""
    width = max((len(ln.text) for ln in lines), default=0)
    used = [False] * width
    for line in lines:
        for m in _TOKEN.finditer(line.text):
            for k in range(m.start(), m.end()):
                used[k] = True
    spans, k = [], 0
    while k < width:
        if used[k]:
            j = k
            while j < width and (used[j] or (j + 1 < width and used[j + 1] and j > k)):
                j += 1
            spans.append((k, j))
            k = j
        k += 1
    return spans or [(0, 10**6)]


def _column_of(piece: Piece, line: edgar.Line, cols: list[tuple[int, int]]) -> tuple[int, bool]:
    """Best column for a token, and whether it spans more than one column."""
    a, b = piece.start - line.start, piece.end - line.start
    overlaps = [max(0, min(b, hi) - max(a, lo)) for lo, hi in cols]
    best = max(range(len(cols)), key=lambda c: overlaps[c])
    if overlaps[best] == 0:
        best = max([c for c, (lo, _) in enumerate(cols) if lo <= a] or [0])
    spanning = sum(1 for o in overlaps if o > 0) > 1 and overlaps[best] < (b - a)
    return best, spanning


def parse_fixed_width(source: str, start: int, end: int) -> Table:
    """Parse one EDGAR fixed-width table occupying ``source[start:end]``."""
    lines = [edgar.Line(ln.start + start, ln.end + start, ln.text)
             for ln in edgar.split_lines(source[start:end])]
    table = Table(start, end)
    cols = _columns_from_rules(lines)
    has_s = any(re.match(r"^\s*<S>", ln.text, re.IGNORECASE) for ln in lines)
    in_header, in_notes, separated, note = True, False, True, ""
    for line in lines:
        if line.blank or edgar.is_rule(line) or re.match(r"^\s*(</?[A-Za-z]+>\s*)+$", line.text):
            separated = True
            if re.match(r"^\s*<S>", line.text, re.IGNORECASE):
                in_header = False
            continue
        fn = _FOOTNOTE.match(line.text)
        if fn or in_notes:
            in_notes, note = True, fn.group(1) if fn else note
            pieces = _tokens(line)
            if fn and pieces and pieces[0].text.startswith(note):
                head = pieces[0]
                cut = len(note) + len(head.text[len(note):]) - len(head.text[len(note):].lstrip())
                rest = Piece(head.text[cut:], head.start + cut, head.end)
                pieces = ([rest] if rest.text else []) + pieces[1:]
            table.footnotes.setdefault(note, []).extend(pieces)
            continue
        placed = [(p, *_column_of(p, line, cols)) for p in _tokens(line)]
        if in_header and not has_s and any(c == 0 and not span for _, c, span in placed):
            in_header = False
        if in_header:
            _add_header(table, placed)
        else:
            _add_body_line(table, placed, separated)
        separated = False
    return table


def _add_header(table: Table, placed) -> None:
    for piece, col, spanning in placed:
        if spanning or (col == 0 and table.title is None):
            table.title = table.title or piece
        else:
            table.columns.setdefault(col, []).append(piece)


def _add_body_line(table: Table, placed, separated: bool) -> None:
    label = [p for p, c, _ in placed if c == 0]
    values = [(p, c) for p, c, _ in placed if c > 0]
    if table.rows and not values and not separated:
        table.rows[-1].label.extend(label)
    else:
        table.rows.append(Row(label=label))
        for piece, col in values:
            table.rows[-1].cells[col] = piece
    row = table.rows[-1]
    for k, piece in enumerate(row.label):
        row.label[k], mark = split_marker(piece)
        row.marker = row.marker or mark


def parse_table(source: str, start: int, end: int) -> Table:
    """Parse the table at ``source[start:end]`` (fixed-width or pipe); never raises on odd input."""
    first = source[start:end].lstrip().split("\n", 1)[0]
    if first.startswith("|"):
        return parse_pipe(source, start, end)
    return parse_fixed_width(source, start, end)
