"""Answering from a table cell when the question names its row and its column.

The tables considered are those with a cell (or the whole table) among the
retrieved passages.  Row and column labels are matched fuzzily
(:mod:`qa.headers`); an axis counts as named when its best label clearly beats
the runner-up, or when it has a single label.  The answer is the cell as
printed, with the cell's offsets.

"In which year was X larger?" compares the row's numbers across its year columns
and answers with the year as printed in the header; "which years does the table
cover?" gets every year header.

Not handled: questions that need arithmetic over cells (differences, sums) and
tables whose labels sit in the body rather than the first column.
"""
from __future__ import annotations

import re
from collections import defaultdict

from qa.headers import label_scores
from qa.numbers import parse_number
from qa.indexing import IndexData
from qa.questions import Question
from qa.questions import NAME as _NAME, proper_names as _names
from qa.readers.base import Candidate, ReadPassage

MIN_LABEL = 0.4
_PERIODS = re.compile(r"\b(which|what)\s+(fiscal\s+)?(years|periods)\b|\bin which years\b", re.IGNORECASE)
_LOW = {"lower", "lowest", "smaller", "smallest", "less", "least", "fewer"}
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_COMPARE = re.compile(r"\b(which|what)\b.{0,20}\b(year|years|fy|period|quarter)\b.*\b(?P<dir>larger|largest|"
                      r"higher|highest|greater|greatest|more|most|bigger|biggest|lower|lowest|smaller|"
                      r"smallest|less|least|fewer)\b", re.IGNORECASE)
MIN_MARGIN = 0.2
_LEAD_IN = 300          # characters before a table that count as its caption
_COVER = 300            # characters at the top of a filing that name what it is about


def _unspace(label: str) -> str:
    """Digits printed one by one ("2 0 1 8") joined; "31 2019" stays apart."""
    return re.sub(r"\b(\d) (?=\d\b)", r"\1", label)


def _pick(scores: list[float], labels: list[str] | None = None) -> tuple[list[int], float] | None:
    """The named labels and their strength: every label quoted verbatim when the question
    quotes several ("in 2019 and 2018"), else the clearly-best one; None when none is named.
    Years quoted beside another quoted label are context ("% change between 2018 and 2019")."""
    if len(scores) == 1:
        return [0], 1.0
    verbatim = [i for i, s in enumerate(scores) if s >= 0.95]
    if labels is not None and len(verbatim) > 1:
        other = [i for i in verbatim if not _YEAR.search(_unspace(labels[i]))]
        if other and len(other) < len(verbatim):
            verbatim = other
    if len(verbatim) > 1:
        return verbatim, 1.0
    exact = [i for i, s in enumerate(scores) if s == 1.0]
    if len(exact) == 1:                 # the only label the question quotes word for word
        return exact, 1.0
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    best, second = scores[order[0]], scores[order[1]]
    if best < MIN_LABEL or best - second < MIN_MARGIN:
        return None
    return [order[0]], best


class TableReader:
    """Cell lookup by row and column labels (see module docstring)."""

    name = "table"
    threshold = 0.5
    structural = True      # reads every retrieved passage, not only the top read_k

    def __init__(self, data: IndexData):
        self.data = data
        self.cells: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.tables: dict[tuple[str, int], int] = {}
        self.words: dict[tuple[str, int], set[str]] = {}        # filled as tables are asked about
        for i, chunk in enumerate(data.chunks):
            if chunk.kind == "cell":
                self.cells[(chunk.doc_id, chunk.meta["table"])].append(i)
            elif chunk.kind == "table" and "table" in (chunk.meta or {}):
                self.tables[(chunk.doc_id, chunk.meta["table"])] = i

    def _context_words(self, key: tuple[str, int]) -> set[str] | None:
        """Words of a table, its caption and title, and the top of its filing (lower-cased)."""
        if key not in self.words and key in self.tables:
            table = self.data.chunks[self.tables[key]]
            source = self.data.sources[table.doc_id]
            text = " ".join((source[:_COVER], source[max(0, table.start - _LEAD_IN):table.end], table.text))
            self.words[key] = {w.lower().rstrip(".") for w in _NAME.findall(text)}
        return self.words.get(key)

    def _foreign(self, question: Question, key: tuple[str, int]) -> bool:
        """Whether the question names something its table never mentions (the S&P 500's return
        asked of a table that holds a fund and the Russell 3000): then no cell answers it."""
        words = self._context_words(key)
        return words is not None and bool(_names(question.text) - words)

    def _tables(self, passages: list[ReadPassage]) -> list[tuple[tuple[str, int], int]]:
        """Tables touched by the passages, with the rank of their best passage."""
        seen: dict[tuple[str, int], int] = {}
        for p_idx, p in enumerate(passages):
            meta = p.chunk.meta or {}
            if p.chunk.kind in ("cell", "table") and "table" in meta:
                seen.setdefault((p.chunk.doc_id, meta["table"]), p_idx)
        return list(seen.items())

    def _cells(self, question: Question, key: tuple[str, int]):
        """(chunk indices, row strength, column strength) of the named cells, or None."""
        chunk_ids = self.cells.get(key, [])
        if not chunk_ids:
            return None
        meta = {i: self.data.chunks[i].meta for i in chunk_ids}
        rows = sorted({m["row_label"] for m in meta.values()})
        cols = sorted({m["col_label"] for m in meta.values()})
        row = _pick(label_scores(question.text, rows))
        col = _pick(label_scores(question.text, cols), cols)
        if row is None:
            return None
        named_rows = {rows[i] for i in row[0]}
        in_rows = [i for i in chunk_ids if meta[i]["row_label"] in named_rows]
        if col is None:
            values = {self.data.chunks[i].text.rsplit(": ", 1)[-1] for i in in_rows}
            if len(values) != 1 or len(named_rows) != 1 or row[1] < 0.95:
                return None      # it differs by column and none is named, or the row is a guess
            return in_rows[:1], row[1], 0.5
        named_cols = {cols[i] for i in col[0]}
        match = [i for i in in_rows if meta[i]["col_label"] in named_cols]
        return (match, row[1], col[1]) if match else None

    def _compare(self, question: Question, key: tuple[str, int]):
        """For "in which year was X larger?": (cell chunk, (start, end) of its year, row strength)."""
        wanted = _COMPARE.search(question.text)
        chunk_ids = self.cells.get(key, [])
        if wanted is None or not chunk_ids:
            return None
        meta = {i: self.data.chunks[i].meta for i in chunk_ids}
        rows = sorted({m["row_label"] for m in meta.values()})
        row = _pick(label_scores(question.text, rows))
        if row is None or len(row[0]) != 1:
            return None
        values = []
        for i in chunk_ids:
            number = parse_number(self.data.chunks[i].text.rsplit(": ", 1)[-1])
            years = [sp for sp in meta[i].get("col_spans", [])
                     if _YEAR.fullmatch(self.data.sources[key[0]][sp[0]:sp[1]].strip())]
            if meta[i]["row_label"] == rows[row[0][0]] and number is not None and years:
                values.append((number.value, i, years[-1]))
        if len(values) < 2:
            return None
        low = wanted.group("dir").lower() in _LOW
        value, chunk_id, span = (min if low else max)(values)
        return chunk_id, tuple(span), row[1]

    def _periods(self, question: Question, key: tuple[str, int]):
        """For "which years does the table show X for?": the year headers, as printed."""
        chunk_ids = self.cells.get(key, [])
        if not _PERIODS.search(question.text) or not chunk_ids:
            return None
        source, spans = self.data.sources[key[0]], {}
        for i in chunk_ids:
            for s, e in self.data.chunks[i].meta.get("col_spans", []):
                if _YEAR.fullmatch(re.sub(r"\s", "", source[s:e])):
                    spans.setdefault(self.data.chunks[i].meta["col"], (s, e, i))
        if len(spans) < 2:
            return None
        return [spans[c] for c in sorted(spans)]

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        out = []
        for key, p_idx in self._tables(passages):
            if self._foreign(question, key):
                continue
            periods = self._periods(question, key)
            if periods is not None:
                parts = tuple((s, e) for s, e, _ in periods)
                score = 0.9 / (1.0 + 0.03 * passages[p_idx].rank)
                out.append(Candidate(key[0], parts[0][0], parts[-1][1], score, p_idx, self.name,
                                     {"periods": True}, parts, chunk=periods[0][2]))
                continue
            compared = self._compare(question, key)
            if compared is not None:
                chunk_id, (s, e), row_s = compared
                score = (0.55 + 0.4 * row_s) / (1.0 + 0.03 * passages[p_idx].rank)
                out.append(Candidate(key[0], s, e, float(score), p_idx, self.name,
                                     {"row": row_s, "compare": True}, chunk=chunk_id))
                continue
            found = self._cells(question, key)
            if found is None:
                continue
            chunk_ids, row_s, col_s = found
            chunks = sorted((self.data.chunks[i] for i in chunk_ids), key=lambda c: c.start)
            score = (0.55 + 0.4 * min(row_s, col_s)) / (1.0 + 0.03 * passages[p_idx].rank)
            parts = tuple((c.start, c.end) for c in chunks) if len(chunks) > 1 else ()
            first = min(chunk_ids, key=lambda i: self.data.chunks[i].start)
            out.append(Candidate(chunks[0].doc_id, chunks[0].start, chunks[-1].end, float(score),
                                 p_idx, self.name, {"row": row_s, "col": col_s}, parts, chunk=first))
        out.sort(key=lambda c: -c.score)
        return out
