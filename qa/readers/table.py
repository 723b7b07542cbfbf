"""Answering from a table cell when the question names its row and its column.

The tables considered are those with a cell (or the whole table) among the
retrieved passages.  Row and column labels are matched fuzzily
(:mod:`qa.headers`); an axis counts as named when its best label clearly beats
the runner-up, or when it has a single label.  The answer is the cell as
printed, with the cell's offsets.

"In which year was X larger?" compares the row's numbers across its year columns
and answers with the year as printed in the header ("Fiscal 2019" gives "2019");
"in which years was X less than 100?" (or "exceeded", "negative") answers with
every year whose number passes, compared in the table's own unit; "which years
does the table cover?" gets every year header.

Not handled: questions that need arithmetic over cells (differences, sums), a
threshold in another unit than the table's ("less than 0.1 billion" of a table in
millions), and
tables whose labels sit in the body rather than the first column.
"""
from __future__ import annotations

import re
from collections import defaultdict

from qa.headers import label_scores
from qa.numbers import parse_numbers
from qa.indexing import IndexData
from qa.questions import Question
from qa.questions import NAME as _NAME, proper_names as _names
from qa.readers.base import Candidate, ReadPassage

MIN_LABEL = 0.4
_PERIODS = re.compile(r"\b(which|what)\s+((fiscal|financial)\s+)?(years|periods)\b|\bin which years\b",
                      re.IGNORECASE)
_LOW = {"lower", "lowest", "smaller", "smallest", "less", "least", "fewer"}
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_COMPARE = re.compile(r"\b(which|what)\b.{0,20}\b(year|years|fy|period|quarter)\b.*\b(?P<dir>larger|largest|"
                      r"higher|highest|greater|greatest|more|most|bigger|biggest|lower|lowest|smaller|"
                      r"smallest|less|least|fewer)\b", re.IGNORECASE)
_ASKS_PERIOD = re.compile(r"\b(which|what)\b.{0,20}\b(years?|fy|periods?|quarters?)\b", re.IGNORECASE)
_THRESHOLD = re.compile(
    r"\b(?P<op>(?:less|lower|smaller|fewer|greater|more|higher|larger|bigger) than|below|under|above|over|"
    r"exceed(?:s|ed|ing)?|at least|at most)\s+(?P<num>[-−(]?\s?[$£€]?\s?\(?-?\d[\d,]*(?:\.\d+)?\)?\s?%?)"
    r"|\b(?P<sign>negative|positive)\b", re.IGNORECASE)
_ABOVE = ("greater", "more", "higher", "larger", "bigger", "above", "over", "exceed", "at least", "positive")
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


def _passes(value: float, limit: re.Match) -> bool:
    """Whether ``value`` meets the question's threshold ("less than 100", "exceeded $20,000",
    "negative")."""
    if limit.group("sign"):
        return value < 0 if limit.group("sign").lower() == "negative" else value > 0
    numbers = parse_numbers(limit.group("num").replace("\u2212", "-"))
    if not numbers:
        return False
    op, bound = limit.group("op").lower(), numbers[0].value
    if op in ("at least", "at most"):
        return value >= bound if op == "at least" else value <= bound
    return value > bound if op.startswith(_ABOVE) else value < bound


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

    def _year_span(self, doc_id: str, span) -> tuple[int, int] | None:
        """The year a column header names, as printed: the whole header when it is a year
        ("2019", "2 0 1 9"), else the one year inside it ("Fiscal 2019", "December 31, 2019");
        None when it names no year or several ("2019 vs 2018")."""
        source, (s, e) = self.data.sources[doc_id], span
        if _YEAR.fullmatch(re.sub(r"\s", "", source[s:e])):
            return s, e
        found = list(_YEAR.finditer(source, s, e))
        return found[0].span() if len(found) == 1 else None

    def _row_values(self, question: Question, key: tuple[str, int]):
        """(row strength, [(number, cell chunk, year span, column)]) for the one row the question
        names, over its columns headed by a year; None when fewer than two such cells."""
        chunk_ids = self.cells.get(key, [])
        meta = {i: self.data.chunks[i].meta for i in chunk_ids}
        rows = sorted({m["row_label"] for m in meta.values()})
        row = _pick(label_scores(question.text, rows)) if rows else None
        if row is None or len(row[0]) != 1:
            return None
        values, seen = [], set()
        for i in sorted(chunk_ids, key=lambda i: meta[i]["col"]):
            numbers = parse_numbers(self.data.chunks[i].text.rsplit(": ", 1)[-1])
            years = [y for y in (self._year_span(key[0], sp) for sp in meta[i].get("col_spans", [])) if y]
            if meta[i]["row_label"] != rows[row[0][0]] or len(numbers) != 1 or not years:
                continue
            year = re.sub(r"\s", "", self.data.sources[key[0]][years[-1][0]:years[-1][1]])
            if year not in seen:                  # a year heading two columns counts once
                seen.add(year)
                values.append((numbers[0].value, i, years[-1]))
        return (row[1], values) if len(values) >= 2 else None

    def _compare(self, question: Question, key: tuple[str, int]):
        """For "in which year was X larger?" the year of the row's largest (or smallest) number;
        for "in which years was X less than 100?" (or "negative") every year whose number passes:
        ([(cell chunk, year span)], row strength), or None.  The threshold is compared as printed
        in the table's own unit ("less than 100.0 million" against cells in millions)."""
        if not _ASKS_PERIOD.search(question.text):
            return None
        limit, wanted = _THRESHOLD.search(question.text), _COMPARE.search(question.text)
        found = self._row_values(question, key) if (limit or wanted) else None
        if found is None:
            return None
        row_s, values = found
        if limit is not None:
            keep = [(i, span) for value, i, span in values if _passes(value, limit)]
            return (keep, row_s) if keep else None
        low = wanted.group("dir").lower() in _LOW
        value, chunk_id, span = (min if low else max)(values, key=lambda v: v[0])
        return [(chunk_id, span)], row_s

    def _periods(self, question: Question, key: tuple[str, int]):
        """For "which years does the table show X for?": the year headers, as printed."""
        chunk_ids = self.cells.get(key, [])
        if not _PERIODS.search(question.text) or not chunk_ids:
            return None
        source, spans = self.data.sources[key[0]], {}
        for i in chunk_ids:
            meta = self.data.chunks[i].meta
            found = [y for y in (self._year_span(key[0], sp) for sp in meta.get("col_spans", [])) if y]
            if found:
                spans.setdefault(meta["col"], (*found[-1], i))
        years = {}
        for c in sorted(spans):                       # a year heading two columns counts once
            years.setdefault(re.sub(r"\s", "", source[spans[c][0]:spans[c][1]]), spans[c])
        return list(years.values()) if len(years) >= 2 else None

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        """A candidate per retrieved table: a year comparison, else its year headers, else the
        cell the question names."""
        out = []
        for key, p_idx in self._tables(passages):
            if self._foreign(question, key):
                continue
            decay = 1.0 + 0.03 * passages[p_idx].rank
            cand = (self._compared(question, key, p_idx, decay) or self._period_list(question, key, p_idx, decay)
                    or self._cell(question, key, p_idx, decay))
            if cand is not None:
                out.append(cand)
        out.sort(key=lambda c: -c.score)
        return out

    def _compared(self, question, key, p_idx: int, decay: float) -> Candidate | None:
        compared = self._compare(question, key)
        if compared is None:
            return None
        found, row_s = compared
        parts = tuple(tuple(span) for _, span in found)
        return Candidate(key[0], parts[0][0], parts[-1][1], float((0.55 + 0.4 * row_s) / decay), p_idx,
                         self.name, {"row": row_s, "compare": True}, parts if len(parts) > 1 else (),
                         chunk=found[0][0])

    def _period_list(self, question, key, p_idx: int, decay: float) -> Candidate | None:
        periods = self._periods(question, key)
        if periods is None:
            return None
        parts = tuple((s, e) for s, e, _ in periods)
        return Candidate(key[0], parts[0][0], parts[-1][1], 0.9 / decay, p_idx, self.name,
                         {"periods": True}, parts, chunk=periods[0][2])

    def _cell(self, question, key, p_idx: int, decay: float) -> Candidate | None:
        found = self._cells(question, key)
        if found is None:
            return None
        chunk_ids, row_s, col_s = found
        chunks = sorted((self.data.chunks[i] for i in chunk_ids), key=lambda c: c.start)
        parts = tuple((c.start, c.end) for c in chunks) if len(chunks) > 1 else ()
        first = min(chunk_ids, key=lambda i: self.data.chunks[i].start)
        return Candidate(chunks[0].doc_id, chunks[0].start, chunks[-1].end,
                         float((0.55 + 0.4 * min(row_s, col_s)) / decay), p_idx, self.name,
                         {"row": row_s, "col": col_s}, parts, chunk=first)
