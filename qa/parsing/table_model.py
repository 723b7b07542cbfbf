"""The table model: pieces of source text, rows of labelled cells, column labels and footnotes.

Every label, cell and footnote is a :class:`Piece` whose offsets point into the
filing's text.  Parsers of each table format (:mod:`qa.parsing.tables` for fixed-width
EDGAR tables, :mod:`qa.parsing.pipe_tables` for pipe tables) build these records.

Not handled: cells spanning rows (a parser repeats or drops them before they get here).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TRAILING_MARK = re.compile(r"\s*(\*{1,3}|\(\d{1,2}\)|\u2020{1,2})$")


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


def split_marker(piece: Piece) -> tuple[Piece, str]:
    """``piece`` without a trailing footnote marker ("Other items(1)"), and the marker ("(1)")."""
    m = _TRAILING_MARK.search(piece.text)
    if not m or m.start() == 0:
        return piece, ""
    trimmed = piece.text[:m.start()].rstrip()
    return Piece(trimmed, piece.start, piece.start + len(trimmed)), m.group(1)
