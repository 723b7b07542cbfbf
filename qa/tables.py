"""A cell model of filing tables: title, column labels, rows with labels, cells, footnotes.

Reads fixed-width EDGAR tables (columns from the widest dashed rule, or from the
``<S>``/``<C>`` markers, or from runs of blank columns) and markdown pipe tables
(HTML tables reach us as pipe tables, see :mod:`qa.html`).  Every label, cell and
footnote is a :class:`Piece` with source offsets.

Not handled: cells that wrap onto a second line in a value column (only row
labels may wrap), row groups with sub-headings (kept as rows without cells),
column labels for the first (label) column, footnote markers on column labels (dropped
from the label), and sections of fixed-width tables (only pipe
tables get per-section column labels).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa import edgar
from qa.numbers import YEAR as _YEAR

_TOKEN = re.compile(r"\S+(?: \S+)*")           # runs separated by 2+ spaces
_FOOTNOTE = re.compile(r"^\s*(\*{1,3}|\(\d{1,2}\)|\u2020{1,2})\s+\S")
_TRAILING_MARK = re.compile(r"\s*(\*{1,3}|\(\d{1,2}\)|\u2020{1,2})$")
_MARKER_TAG = re.compile(r"<[SC]>", re.IGNORECASE)


@dataclass(frozen=True)
class Piece:
    """Text from the source: ``text`` is ``source[start:end]`` with whitespace collapsed."""

    text: str
    start: int
    end: int


@dataclass
class Row:
    label: list[Piece] = field(default_factory=list)
    cells: dict[int, Piece] = field(default_factory=dict)
    marker: str = ""
    # column labels of the section the row stands in, when a header repeats inside the body
    # (stacked "2019" / "2018" blocks); None: the table's own column labels
    columns: dict[int, list[Piece]] | None = None

    @property
    def label_text(self) -> str:
        return " ".join(p.text for p in self.label)


@dataclass
class Table:
    start: int
    end: int
    title: Piece | None = None
    columns: dict[int, list[Piece]] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    footnotes: dict[str, list[Piece]] = field(default_factory=dict)

    def column_label(self, col: int, row: Row | None = None) -> str:
        return " ".join(p.text for p in self.column_pieces(col, row))

    def column_pieces(self, col: int, row: Row | None = None) -> list[Piece]:
        """The labels of column ``col``: those of the section ``row`` stands in, if any."""
        columns = row.columns if row is not None and row.columns is not None else self.columns
        return columns.get(col, [])

    def footnote_text(self, marker: str) -> str:
        return " ".join(p.text for p in self.footnotes.get(marker, []))


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


def _split_marker(piece: Piece) -> tuple[Piece, str]:
    m = _TRAILING_MARK.search(piece.text)
    if not m or m.start() == 0:
        return piece, ""
    trimmed = piece.text[:m.start()].rstrip()
    return Piece(trimmed, piece.start, piece.start + len(trimmed)), m.group(1)


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
        row.label[k], mark = _split_marker(piece)
        row.marker = row.marker or mark


_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b,?",
                  re.IGNORECASE)      # "Dec 30," of a date heading


def _header_like(cells: list[Piece | None]) -> bool:
    """A body row that repeats a header: no row label, and value cells that hold words or
    years but no amounts ("| | First | Second |", "| | | Fiscal 2018 | |")."""
    values = [_DAY.sub("", p.text).strip() for p in cells[1:] if p is not None]
    return bool(cells) and cells[0] is None and bool(values) and \
        all(re.search(r"[A-Za-z]", v) or _YEAR.fullmatch(v) for v in values) and \
        not any(re.search(r"\d", _YEAR.sub("", v)) for v in values)


def _year_label(cells: list[Piece | None]) -> bool:
    """A body row that is only a period label ("| 2018 | | |", "| Fiscal 2018 | | |")."""
    return bool(cells) and cells[0] is not None and all(p is None for p in cells[1:]) and \
        bool(_YEAR.search(cells[0].text)) and len(cells[0].text) <= 30


def _spanned(header: dict[int, list[Piece]], rows: list[list[Piece | None]]) -> dict[int, list[Piece]]:
    """Header labels with a lone year heading ("Fiscal 2019" over the quarters, printed in one
    cell, or "2019" in the label column) spread to every column it may span."""
    out = {c: list(v) for c, v in header.items()}
    for cells in rows:
        filled = [(c, p) for c, p in enumerate(cells) if p is not None]
        if len(filled) == 1 and _YEAR.search(filled[0][1].text) and len(cells) > 2:
            for c in range(1, len(cells)):
                if c != filled[0][0]:
                    out.setdefault(c, []).insert(0, filled[0][1])
    return out


def _fill_spans(rows: list[list[Piece | None]]) -> list[list[Piece | None]]:
    """Header rows with each heading of a repeated pattern ("| | Dec 31, 2019 | | Dec 31, 2018 | |")
    spread over the blank cells to its right that the row below labels ("Carrying Amount",
    "Fair Value"); a lone or centred heading ("| | | Year Ended | |") is left alone."""
    out = [list(r) for r in rows]
    for upper, lower in zip(out, out[1:]):
        heads = [c for c in range(1, len(upper)) if upper[c] is not None]
        if len(heads) < 2:
            continue
        ends = heads[1:] + [len(upper)]
        spans = [range(h + 1, e) for h, e in zip(heads, ends)]
        if not all(spans) or not all(c < len(lower) and lower[c] is not None for r in spans for c in r):
            continue
        for h, r in zip(heads, spans):
            for c in r:
                upper[c] = upper[h]
    return out


def parse_pipe(source: str, start: int, end: int) -> Table:
    """Parse a markdown pipe table occupying ``source[start:end]``; its first column labels rows.

    A header repeated inside the body (a label-less row of words or years, or a row that is
    only a year) starts a section: the rows below it take its column labels."""
    table, header_rows, section, run = Table(start, end), [], None, []
    header_done, lead = False, set()
    for line in edgar.split_lines(source[start:end]):
        line = edgar.Line(line.start + start, line.end + start, line.text)
        if edgar._PIPE_SEP.match(line.text):
            header_done = True
            table.columns = _header_columns(header_rows)
            lead = {r[0].text for r in header_rows if r and r[0] is not None}
            continue
        cells = _pipe_cells(line)
        if not header_done:
            header_rows.append([_split_marker(p)[0] if p is not None else None for p in cells])
            continue
        if cells and cells[0] is not None and cells[0].text in lead:
            cells = [None] + cells[1:]       # "(In Millions)" again: the header, repeated
        header = _header_like(cells)
        if header or _year_label(cells):
            run.append(cells)
            if header:
                continue
        elif run:
            section, run = _section(section or table.columns, run), []
        row = Row(label=[cells[0]] if cells and cells[0] else [])
        row.cells = {c: p for c, p in enumerate(cells) if c > 0 and p is not None}
        row.columns = section
        table.rows.append(row)
    table.columns = _spanned(table.columns if header_done else _header_columns(header_rows), header_rows)
    return table


def _header_columns(header_rows: list[list[Piece | None]]) -> dict[int, list[Piece]]:
    columns: dict[int, list[Piece]] = {}
    for cells in _fill_spans(header_rows):
        for col, piece in enumerate(cells):
            if piece is not None:
                columns.setdefault(col, []).append(piece)
    return columns


def _section(base: dict[int, list[Piece]], run: list[list[Piece | None]]) -> dict[int, list[Piece]]:
    """The column labels of a section from its header rows: its own labels where it repeats
    the header, else ``base`` (those of the section above); a period-only row ("2018") leads
    every label, in place of the year the labels held."""
    heads = [c for c in run if _header_like(c)]
    own = {c: v for c, v in _header_columns(heads).items() if c > 0}
    labels = _spanned(own, heads) if own else {c: list(v) for c, v in base.items()}
    for cells in run:
        if _year_label(cells):
            for col in set(labels) | {c for c in range(1, len(cells))}:
                kept = [p for p in labels.get(col, []) if not _YEAR.search(p.text)]
                labels[col] = [cells[0]] + kept
    return labels


def _pipe_cells(line: edgar.Line) -> list[Piece | None]:
    bars = [m.start() for m in re.finditer(r"(?<!\\)\|", line.text)]
    cells = []
    for a, b in zip(bars, bars[1:]):
        m = re.search(r"\S(?:.*\S)?", line.text[a + 1:b])
        cells.append(Piece(" ".join(m.group().split()), line.start + a + 1 + m.start(),
                           line.start + a + 1 + m.end()) if m else None)
    return cells


def parse_table(source: str, start: int, end: int) -> Table:
    """Parse the table at ``source[start:end]`` (fixed-width or pipe); never raises on odd input."""
    first = source[start:end].lstrip().split("\n", 1)[0]
    if first.startswith("|"):
        return parse_pipe(source, start, end)
    return parse_fixed_width(source, start, end)
