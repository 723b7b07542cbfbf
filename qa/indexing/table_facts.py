"""Chunks made from a parsed table: the whole table, one fact per cell, and its footnotes.

A cell fact reads like a sentence, "Example of Portfolio Expenses — 10 Years —
Class B: $1,159" (with the group heading a row stands under before its label: "Average
Annual Total Returns — Vanguard Explorer Fund Admiral Shares — Return Before Taxes — 5 Years:
9.24%"), and every part that comes from the filing maps back to it, so a span the reader picks
on "$1,159" lands on the cell's own offsets.

Not handled: cells of the label column (they are row labels) and empty cells.
"""
from __future__ import annotations

import dataclasses

from qa.indexing.records import CellMeta, Chunk, Meta, ProseMeta, TableMeta
from qa.parsing import edgar, tables
from qa.text.views import ViewBuilder

SEP = " \u2014 "


def _title(table: tables.Table, block: edgar.Block) -> tuple[str, list]:
    """Title text and its pieces (from the table's own caption, else the section heading)."""
    if table.title is not None:
        return table.title.text, [(table.title.start, table.title.end)]
    return block.heading, [block.heading] if block.heading else []


def _label_pieces(parts: list[tables.Piece]) -> list:
    out: list = []
    for k, p in enumerate(parts):
        out.extend([" "] if k else [])
        out.append((p.start, p.end))
    return out


def _chunk(doc_id: str, source: str, kind: str, start: int, end: int, heading: str,
           pieces: list, meta: Meta | None = None) -> Chunk:
    builder = ViewBuilder()
    for piece in pieces:
        if isinstance(piece, str):
            builder.add_synthetic(piece)
        else:
            builder.add_source(source, piece[0], piece[1])
    return Chunk(doc_id, kind, start, end, heading, builder.build().text, tuple(pieces), meta=meta)


def _groups(table: tables.Table) -> list[list]:
    """For each row, the label of the group heading it stands under (the last row above it
    with a label and no cells: "Vanguard Explorer Fund Admiral Shares" over "Return Before
    Taxes"), as pieces; [] for rows under none."""
    out, current = [], []
    for row in table.rows:
        if not row.cells and row.label:
            current = row.label
        out.append(current)
    return out


def _cell_chunks(doc_id, source, table, title, title_pieces, index) -> list[Chunk]:
    out = []
    groups = _groups(table)
    for r, row in enumerate(table.rows):
        group = _label_pieces(groups[r]) + [SEP] if groups[r] else []
        for c, cell in sorted(row.cells.items()):
            col_parts = table.column_pieces(c, row)
            pieces = title_pieces + ([SEP] if title_pieces else []) + group + _label_pieces(row.label)
            pieces += [SEP] + _label_pieces(col_parts) + [": ", (cell.start, cell.end)]
            meta = CellMeta(index, r, c, title, row.label_text, table.column_label(c, row),
                            tuple((p.start, p.end) for p in col_parts), row.marker, table.footnote_text(row.marker))
            out.append(_chunk(doc_id, source, "cell", cell.start, cell.end, title, pieces, meta))
    return out


def _table_pieces(table: tables.Table, title_pieces: list) -> list:
    pieces = title_pieces + ([". "] if title_pieces else [])
    for row in table.rows:
        pieces += _label_pieces(row.label) + [": " if row.cells else ". "]
        cells = sorted(row.cells.items())
        for k, (c, cell) in enumerate(cells):
            pieces += _label_pieces(table.column_pieces(c, row)) + [" ", (cell.start, cell.end)]
            pieces.append("; " if k < len(cells) - 1 else ". ")
    return pieces


def table_chunks(doc_id: str, source: str, block: edgar.Block) -> list[Chunk]:
    """The table chunk, its cell facts and its footnotes (as prose chunks)."""
    table = tables.parse_table(source, block.start, block.end)
    title, title_pieces = _title(table, block)
    if not table.rows:
        return [_chunk(doc_id, source, "prose", block.start, block.end, block.heading,
                       [(block.start, block.end)])]
    meta = TableMeta(title, {str(c): table.column_label(c) for c in table.columns},
                     tuple(r.label_text for r in table.rows), block.start,
                     tuple((r.label[0].start, r.label[-1].end) if r.label else None for r in table.rows),
                     tuple(len(r.cells) for r in table.rows))
    out = [_chunk(doc_id, source, "table", block.start, block.end, title,
                  _table_pieces(table, title_pieces), meta)]
    out += _cell_chunks(doc_id, source, table, title, title_pieces, block.start)
    for marker, parts in table.footnotes.items():
        if parts:
            out.append(_footnote(doc_id, source, table, title, marker, parts))
    return out


def _footnote(doc_id, source, table, title, marker, parts) -> Chunk:
    """A footnote as prose, led by the labels of the rows it annotates ("Aggressive Growth
    Fund (**): Prior to April 7, 2006, known as …") so it can be found and read alone."""
    start, end = parts[0].start, parts[-1].end
    pieces: list = []
    for row in table.rows:
        if row.marker == marker and row.label:
            pieces += _label_pieces(row.label) + [f" ({marker}): "]
    pieces.append((start, end))
    chunk = _chunk(doc_id, source, "prose", start, end, title, pieces, ProseMeta(footnote=marker))
    return dataclasses.replace(chunk, units=((start, end),))
