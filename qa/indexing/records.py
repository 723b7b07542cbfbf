"""The records the index holds: a :class:`Chunk` is one retrievable passage with its source
offsets, and its ``meta`` a record per kind: :class:`CellMeta`, :class:`TableMeta` or
:class:`ProseMeta` (lists and footnotes).  Offsets are source offsets, as ``(start, end)``.

Not handled: metadata of kinds other than these three (the store refuses an unknown kind).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Union

from qa.text.views import View, ViewBuilder

Span = tuple[int, int]


@dataclass(frozen=True)
class CellMeta:
    """Where a cell fact stands in its table: its row and column, and their labels as printed."""

    table: int                     # the table's source offset, its key with the doc_id
    row: int
    col: int
    title: str
    row_label: str
    col_label: str
    col_spans: tuple[Span, ...] = ()   # the pieces of the column label, outermost first
    marker: str = ""               # the row's footnote marker ("(1)"), and its footnote
    footnote: str = ""


@dataclass(frozen=True)
class TableMeta:
    """A whole table: its title, column labels, and per row its label, label span and cell count."""

    title: str
    columns: dict[str, str]
    rows: tuple[str, ...]
    table: int
    row_spans: tuple[Span | None, ...] = ()
    row_cells: tuple[int, ...] = ()


@dataclass(frozen=True)
class ListSpan:
    """A bullet list or an enumeration in prose: the sentence that leads into it, and its items."""

    lead: Span | None
    items: tuple[Span, ...]


@dataclass(frozen=True)
class ProseMeta:
    """The lists a prose chunk holds, and the marker of the footnote it is (or "")."""

    lists: tuple[ListSpan, ...] = ()
    footnote: str = ""


Meta = Union[CellMeta, TableMeta, ProseMeta]


def _spans(rows: Any) -> tuple:
    return tuple(tuple(r) if r is not None else None for r in rows or ())


def meta_from_dict(kind: str, row: dict | None) -> Meta | None:
    """The typed record of a chunk's saved ``meta`` (``dataclasses.asdict`` of it)."""
    if row is None:
        return None
    if kind == "cell":
        return CellMeta(**{**row, "col_spans": _spans(row.get("col_spans"))})
    if kind == "table":
        return TableMeta(**{**row, "rows": tuple(row["rows"]), "row_spans": _spans(row.get("row_spans")),
                            "row_cells": tuple(row.get("row_cells") or ())})
    if kind == "prose":
        lists = tuple(ListSpan(tuple(x["lead"]) if x.get("lead") else None, _spans(x["items"]))
                      for x in row.get("lists", ()))
        return ProseMeta(lists, row.get("footnote", ""))
    raise ValueError(f"no metadata record for chunk kind {kind!r}")


def meta_dict(meta: Meta | None) -> dict:
    """A JSON-ready dict of a chunk's ``meta`` ({} for none)."""
    return dataclasses.asdict(meta) if meta is not None else {}


def table_key(chunk: "Chunk") -> tuple[str, int] | None:
    """(doc_id, table offset) of a cell or table chunk, else None."""
    meta = chunk.meta
    return (chunk.doc_id, meta.table) if isinstance(meta, (CellMeta, TableMeta)) else None


def lists_of(chunk: "Chunk") -> tuple[ListSpan, ...]:
    """The lists a prose chunk holds (none for other kinds)."""
    return chunk.meta.lists if isinstance(chunk.meta, ProseMeta) else ()


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: source range, kind, heading, and its text."""

    doc_id: str
    kind: str                                 # "prose" | "table" | "cell"
    start: int
    end: int
    heading: str
    text: str
    pieces: tuple = ()                        # (start, end) source runs and synthetic strings
    units: tuple[tuple[int, int], ...] = ()   # sentence/bullet source spans
    meta: Meta | None = None                  # per kind: CellMeta, TableMeta, ProseMeta

    def view(self, source: str, lead: str = "") -> View:
        """The chunk's text with a map back to ``source`` (rebuilt from ``pieces``); ``lead`` is
        synthetic text put first (it maps to no source offset)."""
        builder = ViewBuilder()
        if lead:
            builder.add_synthetic(lead)
        for piece in self.pieces or ((self.start, self.end),):
            if isinstance(piece, str):
                builder.add_synthetic(piece)
            else:
                builder.add_source(source, piece[0], piece[1])
        return builder.build()

    def embed_text(self) -> str:
        """What the retrievers see: the heading, then the text."""
        return f"{self.heading}. {self.text}" if self.heading and self.kind == "prose" else self.text
