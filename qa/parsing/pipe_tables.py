"""Markdown pipe tables (and HTML tables, which reach us as pipe tables) as :class:`qa.parsing.tables.Table`.

The first column labels rows (unless the header labels it and every row fills it with an
amount: then it is a column of values); the rows above the ``|---|`` rule are the column header.  A
header repeated inside the body starts a section whose rows take its column labels; a heading
of a repeated pattern spreads over the blank cells its sub-labels fill.

A body cell that is only underscores (a blank of a filing that is not yet complete) holds
no value.

Not handled: ``rowspan``, a header whose first cell differs from the one it repeats, and
headings centred over their columns (they stay over one column).
"""
from __future__ import annotations

import re

from qa.parsing import edgar
from qa.parsing.table_model import Piece, Row, Table, split_marker
from qa.text.numbers import YEAR as _YEAR
from qa.text.numbers import parse_number

_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b,?",
                  re.IGNORECASE)      # "Dec 30," of a date heading
_BLANK = re.compile(r"[_\s]+")        # "_____": a form's blank, to be filled in a later filing


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
    table, section = Table(start, end), None
    header_rows: list[list[Piece | None]] = []
    run: list[list[Piece | None]] = []
    header_done, lead = False, set()
    for line in edgar.split_lines(source[start:end]):
        line = edgar.Line(line.start + start, line.end + start, line.text)
        if edgar.PIPE_SEP.match(line.text):
            header_done = True
            table.columns = _header_columns(header_rows)
            lead = {r[0].text for r in header_rows if r and r[0] is not None}
            continue
        cells = _pipe_cells(line)
        if not cells:
            continue                              # a blank or bar-less line
        if not header_done:
            header_rows.append([split_marker(p)[0] if p is not None else None for p in cells])
            continue
        if cells and cells[0] is not None and cells[0].text in lead:
            cells = [None, *cells[1:]]       # "(In Millions)" again: the header, repeated
        header = _header_like(cells)
        if header or _year_label(cells):
            run.append(cells)
            if header:
                continue
        elif run:
            section, run = _section(section or table.columns, run), []
        label, marker = split_marker(cells[0]) if cells and cells[0] else (None, "")
        row = Row(label=[label] if label else [], marker=marker)      # "Other items(1)": "Other items"
        row.cells = {c: p for c, p in enumerate(cells) if c > 0 and p is not None and not _BLANK.fullmatch(p.text)}
        row.columns = section
        table.rows.append(row)
    table.columns = _spanned(table.columns if header_done else _header_columns(header_rows), header_rows)
    _unlabel_amounts(table)
    return table


def _unlabel_amounts(table: Table) -> None:
    """A first column the header labels ("1 year") and every body row fills with an amount
    ("$17") holds values, not row labels: its cells join the row's cells and the rows keep no
    label (an expense example printed as "| 1 year | 3 years | … |" over "| $17 | $61 | … |")."""
    if not table.rows or not table.columns.get(0) or _YEAR.fullmatch(table.column_label(0).strip()):
        return
    if not all(len(row.label) == 1 and parse_number(row.label[0].text) is not None
               and not _YEAR.fullmatch(row.label[0].text.strip()) for row in table.rows):
        return                                   # "| 2008 | 903.25 |": a year labels its row
    for row in table.rows:
        row.cells = {0: row.label[0], **row.cells}
        row.label = []


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
                year = cells[0]
                assert year is not None          # _year_label: the label cell holds the year
                labels[col] = [year, *kept]
    return labels


def _pipe_cells(line: edgar.Line) -> list[Piece | None]:
    bars = [m.start() for m in re.finditer(r"(?<!\\)\|", line.text)]
    cells = []
    for a, b in zip(bars, bars[1:]):
        m = re.search(r"\S(?:.*\S)?", line.text[a + 1:b])
        cells.append(Piece(" ".join(m.group().split()), line.start + a + 1 + m.start(),
                           line.start + a + 1 + m.end()) if m else None)
    return cells
