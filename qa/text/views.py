"""Derived texts that remember where each character came from.

A :class:`View` is a string built from pieces of a source text (and, where
needed, synthetic separators), with a map from each character to its source
offset.  The reader and the retrievers work on views; answers are mapped back to
the untouched source with :meth:`View.to_source`.

Not handled: pieces that reorder the source are allowed, but a span crossing two
reordered pieces maps to the range between its ends, which may cover more text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class View:
    """``text`` plus ``offsets[i]`` = source offset of ``text[i]`` (-1 if synthetic)."""

    text: str
    offsets: np.ndarray

    def to_source(self, start: int, end: int) -> tuple[int, int] | None:
        """Source (start, end) of ``text[start:end]``, trimming synthetic edges."""
        idx = np.flatnonzero(self.offsets[start:end] >= 0)
        if len(idx) == 0:
            return None
        return int(self.offsets[start + idx[0]]), int(self.offsets[start + idx[-1]]) + 1


class ViewBuilder:
    """Accumulates pieces of source text and synthetic strings into a :class:`View`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._maps: list[np.ndarray] = []

    def add_source(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` with its whitespace collapsed to single spaces."""
        words = list(_WORD.finditer(source, start, end))
        if not words:
            return
        lengths = np.array([m.end() - m.start() for m in words], dtype=np.int64)
        starts = np.array([m.start() for m in words], dtype=np.int64)
        step = lengths + 1
        view_starts = np.concatenate([[0], np.cumsum(step)[:-1]])
        word_of = np.repeat(np.arange(len(words)), lengths)
        within = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        offsets = np.full(int(step.sum()) - 1, -1, dtype=np.int64)
        offsets[view_starts[word_of] + within] = starts[word_of] + within
        self._parts.append(" ".join(m.group() for m in words))
        self._maps.append(offsets)

    def add_synthetic(self, text: str) -> None:
        """Append text that has no place in the source (separators, labels)."""
        if text:
            self._parts.append(text)
            self._maps.append(np.full(len(text), -1, dtype=np.int64))

    def build(self) -> View:
        if not self._parts:
            return View("", np.zeros(0, dtype=np.int64))
        return View("".join(self._parts), np.concatenate(self._maps))


def collapse(source: str, start: int = 0, end: int | None = None) -> View:
    """The whitespace-collapsed view of ``source[start:end]``."""
    builder = ViewBuilder()
    builder.add_source(source, start, len(source) if end is None else end)
    return builder.build()


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())
