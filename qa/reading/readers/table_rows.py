"""Questions about a table's rows and year columns, and how a question names a label.

:func:`pick` decides which labels a question names.  :class:`RowQuestions` (mixed into
:class:`qa.reading.readers.table.TableReader`) answers "in which year was X larger?", "in which
years was X less than 100?" (or "exceeded", "negative"), "which years does the table
cover?" and "what are the components of X?".

Not handled: a threshold in another unit than the table's ("less than 0.1 billion" of a
table in millions), years printed as words, and groups nested in groups.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import cell_value
from qa.text.numbers import NONE_WORDS, parse_numbers
from qa.text.numbers import YEAR as _YEAR
from qa.understanding import lexicon
from qa.understanding.headers import label_scores
from qa.understanding.questions import Question, Threshold

MIN_LABEL = 0.4         # the weakest label match that names a label
MIN_MARGIN = 0.2        # ...and by how much it must beat the runner-up
_TOTAL = re.compile(r"\s*(total|subtotal|net)\b", re.IGNORECASE)


def _unspace(label: str) -> str:
    """Digits printed one by one ("2 0 1 8") joined; "31 2019" stays apart."""
    return re.sub(r"\b(\d) (?=\d\b)", r"\1", label)


def of_year(asked: tuple[str, ...], labels: set[str]) -> set[str]:
    """Of several named labels, those holding the one year the question names ("revenue in the
    fiscal 2019 third quarter" of "Fiscal 2019 Third Quarter" and "Fiscal 2018 Third Quarter");
    all of them when the question names no year, several, or one that none holds."""
    years = set(asked)
    if len(labels) < 2 or len(years) != 1:
        return labels
    year = years.pop()
    return {label for label in labels if year in _unspace(label)} or labels


def pick(scores: list[float], labels: list[str] | None = None) -> tuple[list[int], float] | None:
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


def latest(scores: list[float], labels: list[str]) -> tuple[list[int], float] | None:
    """For a question that names no year: of the best labels, tied, that differ only by their
    year ("2019 Third", "2018 Third" for "the third quarter"), the latest; else None."""
    best = max(scores, default=0.0)
    tied = [i for i, sc in enumerate(scores) if sc == best]
    if best < MIN_LABEL or len(tied) < 2:
        return None
    years = [_YEAR.findall(_unspace(labels[i])) for i in tied]
    rest = {_YEAR.sub("", _unspace(labels[i])).strip() for i in tied}
    if len(rest) != 1 or any(len(y) != 1 for y in years):
        return None
    return [max(zip(years, tied))[1]], best


def _passes(value: float, limit: Threshold) -> bool:
    """Whether ``value`` meets the question's threshold ("less than 100", "exceeded $20,000",
    "negative")."""
    if limit.sign:
        return value < 0 if limit.sign.lower() == "negative" else value > 0
    numbers = parse_numbers(limit.number.replace("\u2212", "-"))
    if not numbers:
        return False
    op, bound = limit.op.lower(), numbers[0].value
    if op in ("at least", "at most"):
        return value >= bound if op == "at least" else value <= bound
    return value > bound if op.startswith(lexicon.ABOVE_WORDS) else value < bound


def _member(labels: list[str], spans: list, counts: list[int], k: int) -> bool:
    """Whether row ``k`` is an item: labelled, with numbers, not a total."""
    return spans[k] is not None and counts[k] > 0 and not _TOTAL.match(labels[k])


def _grouped_rows(labels: list[str], spans: list, counts: list[int], r: int) -> list[int]:
    """The item rows under label-only row ``r``, or above row ``r`` when it has numbers."""
    step = 1 if counts[r] == 0 else -1
    rows, k = [], r + step
    while 0 <= k < len(labels) and _member(labels, spans, counts, k):
        rows.append(k)
        k += step
    return sorted(rows)


class RowQuestions:
    """Row and year questions over the tables of ``self.data`` (``self.cells``: cell chunk ids by
    table, ``self.tables``: the table chunk by table)."""

    def _year_span(self, doc_id: str, span) -> tuple[int, int] | None:
        """The year a column header names, as printed: the whole header when it is a year
        ("2019", "2 0 1 9"), else the one year inside it ("Fiscal 2019", "December 31, 2019");
        None when it names no year or several ("2019 vs 2018")."""
        source, (s, e) = self.data.sources[doc_id], span
        if _YEAR.fullmatch(re.sub(r"\s", "", source[s:e])):
            return s, e
        found = list(_YEAR.finditer(source, s, e))
        return found[0].span() if len(found) == 1 else None

    def _column_year(self, doc_id: str, col_spans) -> tuple[str, tuple[int, int]] | None:
        """(the year as digits, its span) of the last header part of a column that names one."""
        years = [y for y in (self._year_span(doc_id, sp) for sp in col_spans) if y]
        if not years:
            return None
        return self._year_text(doc_id, years[-1]), years[-1]

    def _year_text(self, doc_id: str, span: tuple[int, int]) -> str:
        """A year as digits from its printed span ("2 0 1 9" -> "2019")."""
        return re.sub(r"\s", "", self.data.sources[doc_id][span[0]:span[1]])

    def _row_values(self, question: Question, key: tuple[str, int]):
        """(row strength, [(number, cell chunk, year span)]) for the one row the question names,
        over its columns headed by a year (a year heading two columns counts once); None when
        fewer than two such cells."""
        chunk_ids = self.cells.get(key, [])
        meta = {i: self.data.chunks[i].meta for i in chunk_ids}
        rows = sorted({m.row_label for m in meta.values()})
        row = pick(label_scores(question.text, rows)) if rows else None
        if row is None or len(row[0]) != 1:
            return None
        values, seen = [], set()
        for i in sorted(chunk_ids, key=lambda i: meta[i].col):
            if meta[i].row_label != rows[row[0][0]]:
                continue
            numbers = parse_numbers(cell_value(self.data.chunks, self.data.sources, i))
            year = self._column_year(key[0], meta[i].col_spans)
            if len(numbers) == 1 and year and year[0] not in seen:
                seen.add(year[0])
                values.append((numbers[0].value, i, year[1]))
        return (row[1], values) if len(values) >= 2 else None

    def _compare(self, question: Question, key: tuple[str, int]):
        """For "in which year was X larger?" the year of the row's largest (or smallest) number;
        for "in which years was X less than 100?" (or "negative") every year whose number passes:
        ([(cell chunk, year span)], row strength), or None.  The threshold is compared as printed
        in the table's own unit ("less than 100.0 million" against cells in millions)."""
        if not question.intents.asks_period:
            return None
        limit, wanted = question.intents.threshold, question.intents.period_direction
        found = self._row_values(question, key) if (limit or wanted) else None
        if found is None:
            return None
        row_s, values = found
        if limit is not None:
            keep = [(i, span) for value, i, span in values if _passes(value, limit)]
            return (keep, row_s) if keep else None
        value, chunk_id, span = (min if wanted == "low" else max)(values, key=lambda v: v[0])
        return [(chunk_id, span)], row_s

    def _components(self, question: Question, key: tuple[str, int]):
        """For "what are the components of X?": the labels of the rows X groups, as printed -- the
        rows under X when X is a label-only row, else (X is a total) the rows above it, in both
        cases up to a label-only, unlabelled or total row.  For "what items are listed in the
        table?" (no group named): every labelled row with numbers that is not a total.
        ([(start, end)], row strength) or None."""
        asks = question.intents
        listed = asks.listed
        if not (listed or asks.parts) or key not in self.tables or question.years or asks.superlative or asks.periods:
            return None     # "…components in 2019?" asks for a cell, "…the most?" compares, "which years…"
        meta = self.data.chunks[self.tables[key]].meta
        labels, spans, counts = meta.rows, meta.row_spans, meta.row_cells
        if not spans or len(labels) <= 2:
            return None
        picked = pick(label_scores(question.text, labels))
        group = picked is not None and len(picked[0]) == 1 and (not listed or counts[picked[0][0]] == 0)
        if not group and not listed:
            return None
        rows = _grouped_rows(labels, spans, counts, picked[0][0]) if group else \
            [k for k in range(len(labels)) if _member(labels, spans, counts, k)]
        strength = picked[1] if group else 0.6
        return ([tuple(spans[k]) for k in rows], strength) if len(rows) >= 2 else None

    def _ranked(self, question: Question, key: tuple[str, int]):
        """For "which X has the highest Y?": the label of the item row (labelled, with numbers,
        not a total) whose number is largest (or smallest) in the one column the question names,
        or in the table's only column; "the second highest" takes the next one.  ((start, end),
        column strength) or None.  Not handled: columns in different units, ties."""
        wanted, place = question.intents.rank, question.intents.ordinal
        if not wanted or question.intents.asks_period or key not in self.tables:
            return None
        chunk_ids = self.cells.get(key, [])
        meta = {i: self.data.chunks[i].meta for i in chunk_ids}
        col = self._named_column(question, sorted({m.col_label for m in meta.values()}))
        table = self.data.chunks[self.tables[key]].meta
        labels, spans, counts = table.rows, table.row_spans, table.row_cells
        if col is None or not spans:
            return None
        values = []
        for i in chunk_ids:
            numbers = parse_numbers(cell_value(self.data.chunks, self.data.sources, i))
            if meta[i].col_label == col[0] and len(numbers) == 1 and _member(labels, spans, counts, meta[i].row):
                values.append((numbers[0].value, meta[i].row))
        if len(values) < max(2, place + 1):
            return None
        values.sort(reverse=wanted != "low")
        return tuple(spans[values[place][1]]), col[1]

    def _ranked_column(self, question: Question, key: tuple[str, int]):
        """For "which segment has a higher percentage change?" asked of one row: the label of the
        column (not a year) whose number in the row the question names is largest (or smallest).
        ((start, end), row strength) or None."""
        wanted = question.intents.rank or question.intents.higher
        if not wanted or question.intents.asks_period:
            return None
        chunk_ids = self.cells.get(key, [])
        meta = {i: self.data.chunks[i].meta for i in chunk_ids}
        rows = sorted({m.row_label for m in meta.values()})
        row = pick(label_scores(question.text, rows), rows) if rows else None
        if row is None or len(row[0]) != 1 or row[1] < 0.8:
            return None
        values = []
        for i in chunk_ids:
            printed = cell_value(self.data.chunks, self.data.sources, i)
            numbers = [n.value for n in parse_numbers(printed)] or ([0.0] if printed.lower() in NONE_WORDS else [])
            pieces = meta[i].col_spans
            if meta[i].row_label == rows[row[0][0]] and len(numbers) == 1 and pieces \
                    and not _YEAR.search(meta[i].col_label):
                values.append((numbers[0], tuple(pieces[-1])))       # "None" (no 12b-1 fee) is 0
        if len({span for _, span in values}) < 2:
            return None
        values.sort(reverse=wanted != "low")
        return values[0][1], row[1]

    @staticmethod
    def _named_column(question: Question, cols: list[str]) -> tuple[str, float] | None:
        """The one column label a question names (and its strength), or the only one there is."""
        if len(cols) == 1:
            return cols[0], 1.0
        picked = pick(label_scores(question.text, cols), cols) if cols else None
        named = of_year(question.years, {cols[i] for i in picked[0]}) if picked else set()
        return (named.pop(), picked[1]) if len(named) == 1 else None

    def _periods(self, question: Question, key: tuple[str, int]):
        """For "which years does the table show X for?": the year headers, as printed."""
        chunk_ids = self.cells.get(key, [])
        if not question.intents.periods or not chunk_ids:
            return None
        columns = {}
        for i in chunk_ids:
            meta = self.data.chunks[i].meta
            if meta.col not in columns:
                columns[meta.col] = (self._column_year(key[0], meta.col_spans), i)
        years = {}
        for col in sorted(columns):                   # a year heading two columns counts once
            year, i = columns[col]
            if year:
                years.setdefault(year[0], (*year[1], i))
        if len(years) < 2:
            years = self._heading_years(key)
        return list(years.values()) if len(years) >= 2 else None

    def _heading_years(self, key: tuple[str, int]) -> dict:
        """The years of a table stacked by row: its label-only rows that name one ("December 31,
        2019" over that year's rows), as {year: (start, end, table chunk)}."""
        meta = self.data.chunks[self.tables[key]].meta if key in self.tables else None
        years: dict = {}
        for span, count in zip(meta.row_spans if meta else (), meta.row_cells if meta else ()):
            found = self._year_span(key[0], span) if span and count == 0 else None
            if found:
                years.setdefault(self._year_text(key[0], found), (*found, self.tables[key]))
        return years
