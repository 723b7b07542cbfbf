"""Answering from a table cell when the question names its row and its column.

The tables considered are those with a cell (or the whole table) among the
retrieved passages.  Row and column labels are matched fuzzily
(:mod:`qa.headers`); an axis counts as named when its best label clearly beats
the runner-up, or when it has a single label.  The answer is the cell as
printed, with the cell's offsets.

Not handled: questions that need two cells (differences, sums) and tables
whose labels sit in the body rather than the first column.
"""
from __future__ import annotations

from collections import defaultdict

from qa.headers import label_scores
from qa.indexing import IndexData
from qa.questions import Question
from qa.readers.base import Candidate, ReadPassage

MIN_LABEL = 0.4
MIN_MARGIN = 0.2


def _pick(scores: list[float]) -> tuple[int, float] | None:
    """Index and strength of the clearly-best label, or None when none is named."""
    if len(scores) == 1:
        return 0, 1.0
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    best, second = scores[order[0]], scores[order[1]]
    if best < MIN_LABEL or best - second < MIN_MARGIN:
        return None
    return order[0], best


class TableReader:
    """Cell lookup by row and column labels (see module docstring)."""

    name = "table"
    threshold = 0.5
    structural = True      # reads every retrieved passage, not only the top read_k

    def __init__(self, data: IndexData):
        self.data = data
        self.cells: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i, chunk in enumerate(data.chunks):
            if chunk.kind == "cell":
                self.cells[(chunk.doc_id, chunk.meta["table"])].append(i)

    def _tables(self, passages: list[ReadPassage]) -> list[tuple[tuple[str, int], int]]:
        """Tables touched by the passages, with the rank of their best passage."""
        seen: dict[tuple[str, int], int] = {}
        for p_idx, p in enumerate(passages):
            meta = p.chunk.meta or {}
            if p.chunk.kind in ("cell", "table") and "table" in meta:
                seen.setdefault((p.chunk.doc_id, meta["table"]), p_idx)
        return list(seen.items())

    def _cell(self, question: Question, key: tuple[str, int]):
        """(chunk index, row strength, column strength) of the named cell, or None."""
        cells = [self.data.chunks[i] for i in self.cells.get(key, [])]
        if not cells:
            return None
        rows = sorted({c.meta["row_label"] for c in cells})
        cols = sorted({c.meta["col_label"] for c in cells})
        row = _pick(label_scores(question.text, rows))
        col = _pick(label_scores(question.text, cols))
        if row is None:
            return None
        in_row = [i for i in self.cells[key] if self.data.chunks[i].meta["row_label"] == rows[row[0]]]
        if col is None:
            values = {self.data.chunks[i].text.rsplit(": ", 1)[-1] for i in in_row}
            if len(values) != 1:          # the row differs by column and none is named
                return None
            return in_row[0], row[1], 0.7
        match = [i for i in in_row if self.data.chunks[i].meta["col_label"] == cols[col[0]]]
        return (match[0], row[1], col[1]) if match else None

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        out = []
        for key, p_idx in self._tables(passages):
            found = self._cell(question, key)
            if found is None:
                continue
            chunk_idx, row_s, col_s = found
            chunk = self.data.chunks[chunk_idx]
            rank = passages[p_idx].rank
            score = (0.55 + 0.4 * min(row_s, col_s)) / (1.0 + 0.1 * rank)
            out.append(Candidate(chunk.doc_id, chunk.start, chunk.end, float(score), p_idx, self.name,
                                 {"row": row_s, "col": col_s}, chunk=chunk_idx))
        out.sort(key=lambda c: -c.score)
        return out
