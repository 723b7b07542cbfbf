"""The records the index holds: a :class:`Chunk` is one retrievable passage with its source offsets.

Not handled: typed metadata per chunk kind; ``meta`` is still a plain dict (see issue 20).
"""
from __future__ import annotations

from dataclasses import dataclass

from qa.text.views import View, ViewBuilder


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
    meta: dict | None = None                  # table/cell details

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
