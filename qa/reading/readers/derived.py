"""Answers that need arithmetic over a table's cells, with every operand quoted.

The question analysis names the operation (:data:`qa.understanding.lexicon.OPERATIONS`).  In
each retrieved table the operands are the cells of one named row under two or more named
columns ("Revenues" in 2019 and 2018), or of two or more named rows under one named column
("Class B" and "Class A" total expenses); row and column labels are matched as the table
reader matches them.  A change is the later year's value minus the earlier one's, or
without years the first-named minus the second-named; a share is the first-named as a
percentage of the second.  The computation is :func:`qa.reading.arithmetic.compute`.  A count
counts the years a row's numbers pass a threshold in, or the rows a group holds, each counted
label quoted as an operand.

A number the table prints is quoted, not recomputed: a table whose own cell answers the
question (a "% of total" column, a "Change" column, an "Average" row) is left to the table
reader, or quoted alone when the table reader lists it beside its operands ("$2,296" of
"$39,005; $36,709; $2,296; 6%").  Without every operand found and printed as a number, it
proposes nothing.

When no table gives the operands, a sentence pairing values with labels the question names
("$60.3 million and $80.5 million in 2018 and 2019, respectively") gives them
(:mod:`qa.reading.readers.prose_operands`).

Not handled: operands from two tables, or from a table and prose; tables whose labels sit in the body;
questions naming an operand by a figure's position ("the largest segment"); counts of rows
that pass a threshold (only years are counted against one) and of items listed in prose.
"""
from __future__ import annotations

import re

from qa.answer import Derivation, Span
from qa.reading.arithmetic import OVER_LISTED, PAIRWISE, Operand, compute, operand
from qa.reading.readers.base import Candidate, ReadPassage, cell_value
from qa.reading.readers.prose_operands import operand_spans
from qa.reading.readers.table import TableReader, amount_columns
from qa.reading.readers.table_rows import pick
from qa.text.numbers import stated_scale
from qa.understanding.headers import every_year, label_scores, normalise, spelled_years
from qa.understanding.questions import Question

_YEAR = re.compile(r"(?:19|20)\d\d")
_TOTAL = re.compile(r"\btotal\b", re.IGNORECASE)
SCALE_LEAD_IN = 300      # characters before a table where its caption states a scale ("in thousands")
OPERAND = 0.85          # a label named this strongly is an operand, beside another named as strongly
_PERCENT = re.compile(r"%|\bpercent", re.IGNORECASE)
_AVERAGE_LABEL = re.compile(r"\baverage\b|\bmean\b", re.IGNORECASE)
_CHANGE_LABEL = r"\b(?:change[ds]?|increase[ds]?|decrease[ds]?|variance|vs\.?|versus|difference|movement)\b"
_YIELDS = {   # what a printed cell's labels say when it is the operation's result
    "change": re.compile(_CHANGE_LABEL, re.IGNORECASE), "difference": re.compile(_CHANGE_LABEL, re.IGNORECASE),
    "percent_change": re.compile(r"%|\bpercent|" + _CHANGE_LABEL, re.IGNORECASE),
    "share": re.compile(r"%|\bpercent|\bshare\b", re.IGNORECASE), "ratio": re.compile(r"\bratio\b|%", re.IGNORECASE),
    "average": _AVERAGE_LABEL, "sum": re.compile(r"\btotal\b|\bcombined\b", re.IGNORECASE),
}


def _mention(question: str, label: str) -> int:
    """Where the question names ``label``: the position of its words, else of its first word."""
    q, norm = normalise(question), normalise(label)
    at = q.find(norm) if norm else -1
    if at < 0:
        at = min((q.find(w) for w in norm.split() if len(w) > 1 and q.find(w) >= 0), default=len(q))
    return at


def _ordered(question: Question, labels: list[str]) -> list[str]:
    """Operand labels in the order the operation takes them: the later year first when every
    label holds one year, else in the order the question names them, the last-named first for
    a change "from X to Y"."""
    years = [_YEAR.findall(label) for label in labels]
    if all(len(y) == 1 for y in years) and len({y[0] for y in years}) == len(labels):
        return [label for _, label in sorted(zip(years, labels), reverse=True)]
    named = sorted(labels, key=lambda label: _mention(question.label_text, label))
    moving = question.operation in ("change", "percent_change") and question.intents.from_to
    return named[::-1] if moving else named


def _years_text(question: Question) -> str:
    """The question's years as a column is matched to them: every year of a span for a sum or
    an average (:func:`every_year`), else as :func:`spelled_years` writes them."""
    return every_year(question.text) if question.operation in ("sum", "average") else spelled_years(question.text)


def _named(scores: list[float], labels: list[str]) -> tuple[list[int], float] | None:
    """The labels a question names as operands: every one it names nearly word for word
    ("the Aggressive Growth Fund's ... the Russell 3000 Growth Index's") when there are
    several, else the table reader's choice."""
    strong = [i for i, score in enumerate(scores) if score >= OPERAND]
    if len(strong) >= 2:
        return strong, min(scores[i] for i in strong)
    return pick(scores, labels)


COMPUTED_BONUS = 0.06   # an arithmetic question's computed answer beats its operands listed by the table reader


class DerivedReader(TableReader):
    """Arithmetic over named cells (see module docstring)."""

    name = "derived"
    threshold = 0.5
    structural = True

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        found = question.intents
        if question.operation == "count":
            counted = (self._counted(question, key, p_idx, 1.0 + 0.03 * passages[p_idx].rank)
                       for key, p_idx in self._tables(question, passages) if not self._foreign(question, key))
            return sorted((c for c in counted if c is not None), key=lambda c: -c.score)
        if not question.operation or found.cause or found.respectively or found.period_direction or found.periods:
            return []        # "the respective shares", "in which year was X higher?" ask for printed values
        out = []
        for key, p_idx in self._tables(question, passages):
            if self._foreign(question, key):
                continue
            printed = self._printed(question, key, p_idx)
            if printed is None:
                cand = self._derived(question, key, p_idx, 1.0 + 0.03 * passages[p_idx].rank)
            else:
                cand = self._quoted(printed, p_idx, 1.0 + 0.03 * passages[p_idx].rank)
            if cand is not None:
                out.append(cand)
        if not out and question.operation in OVER_LISTED:
            out = [c for p_idx, p in enumerate(passages) if p.chunk.kind == "prose"
                   for c in self._from_prose(question, p, p_idx)]
        return sorted(out, key=lambda c: -c.score)

    def _from_prose(self, question: Question, passage: ReadPassage, p_idx: int) -> list[Candidate]:
        """The computation over the values a sentence pairs with what the question names
        (:mod:`qa.reading.readers.prose_operands`), when no table gives the operands."""
        out = []
        source = self.data.sources[passage.chunk.doc_id]
        for spans, names in operand_spans(question, passage):
            if question.operation in PAIRWISE and len(spans) != 2:
                continue
            order = _ordered(question, names)
            spans = [spans[names.index(name)] for name in order]
            parsed = [operand(" ".join(source[s:e].split())) for s, e in spans]
            operands = [o for o in parsed if o is not None]
            result = compute(question.operation, operands) if len(operands) == len(parsed) else None
            if result is None:
                continue
            quoted = tuple(Span(o.text, passage.chunk.doc_id, s, e) for o, (s, e) in zip(operands, spans))
            scale = "" if result.percent else operands[0].scale
            derivation = Derivation(question.operation, quoted, result.formula, result.plain, result.result,
                                    result.percent, scale)
            parts = tuple(sorted(spans))
            score = min(1.0, 0.9 / (1.0 + 0.03 * passage.rank) + COMPUTED_BONUS)
            out.append(Candidate(passage.chunk.doc_id, parts[0][0], parts[-1][1], float(score), p_idx, self.name,
                                 {"operation": question.operation, "prose": True}, parts, derivation=derivation))
        return out

    def _counted(self, question: Question, key: tuple[str, int], p_idx: int, decay: float) -> Candidate | None:
        """A count of what the table lists: the years whose number passes the question's
        threshold ("How many years did X exceed $5,000?", as the table reader picks them for
        "In which years…"), or the rows a group holds ("How many components are there under X?").
        The operands are the counted labels, as printed."""
        found = self._compare(question, key) if question.intents.threshold else None
        if found is not None:
            spans, strength = sorted({tuple(span) for _, span in found[0]}), found[1]
        else:
            grouped = self._components(question, key) if question.intents.parts else None
            if grouped is None:
                return None
            spans, strength = sorted(set(grouped[0])), grouped[1]
        source = self.data.sources[key[0]]
        operands = tuple(Span(" ".join(source[s:e].split()), key[0], s, e) for s, e in spans)
        n = str(len(operands))
        derivation = Derivation("count", operands, f"count({', '.join(o.text for o in operands)})", n, n)
        score = min(1.0, (0.55 + 0.4 * strength) / decay + COMPUTED_BONUS)
        return Candidate(key[0], spans[0][0], spans[-1][1], float(score), p_idx, self.name,
                         {"operation": "count", "strength": strength}, tuple(spans),
                         chunk=self.tables.get(key), derivation=derivation)

    def _printed(self, question: Question, key: tuple[str, int], p_idx: int) -> tuple[list[int], bool] | None:
        """The cells that print the operation's result, when the table reader names some: of
        the cells it names, those whose labels say they are what the operation yields (a "%"
        column for a share, a "Change" column for a change).  With the flag True the table
        reader names one cell and it is one (its answer stands); else they are the result among
        the cells it lists ("$2,296" beside "$39,005; $36,709"), a percentage for a percentage
        change or a share and an amount otherwise (of "$2,296; 6%" under two Change columns too)."""
        cand = self._cell(question, key, p_idx, 1.0)
        if cand is None or cand.chunk is None:
            return None
        starts = {s for s, _ in cand.parts} or {cand.start}
        cells = [i for i in self.cells.get(key, []) if self.data.chunks[i].start in starts]
        labels = {i: f"{self.data.chunks[i].meta.row_label} {self.data.chunks[i].meta.col_label}" for i in cells}
        yielding = [i for i in cells if _YIELDS[question.operation].search(labels[i])]
        if len(yielding) <= 1:
            return (yielding, len(yielding) == len(cells)) if yielding else None
        percent = question.operation in ("percent_change", "share")
        return [i for i in yielding if bool(_PERCENT.search(labels[i] + " " + cell_value(
            self.data.chunks, self.data.sources, i))) == percent], False

    def _quoted(self, printed: tuple[list[int], bool], p_idx: int, decay: float) -> Candidate | None:
        """The one printed result among listed operands, quoted as a computed answer would score."""
        ids, whole = printed
        if whole or len(ids) != 1:
            return None
        chunk = self.data.chunks[ids[0]]
        return Candidate(chunk.doc_id, chunk.start, chunk.end, float(min(1.0, 0.95 / decay + COMPUTED_BONUS)),
                         p_idx, self.name, {"printed": 1.0}, (), chunk=ids[0])

    def _operands(self, question: Question, key: tuple[str, int]) -> tuple[list[int], float] | None:
        """The operand cells, in the operation's order, and the weaker axis's match strength."""
        ids = self.cells.get(key, [])
        meta = {i: self.data.chunks[i].meta for i in ids}
        rows = sorted({m.row_label for m in meta.values()})
        cols = amount_columns(sorted({m.col_label for m in meta.values()}), share=False)
        if len(rows) < 2 and len(cols) < 2:
            return None
        row_scores, col_scores = label_scores(question.label_text, rows), label_scores(_years_text(question), cols)
        row, col = pick(row_scores, rows), pick(col_scores, cols)
        if row is None:
            return None
        if len(row[0]) == 1 and (col is None or len(col[0]) == 1):     # one cell named: are two on one axis?
            row = _named(row_scores, rows) or row
            col = col if len(row[0]) > 1 else _named(col_scores, cols)
        named_rows = [rows[i] for i in row[0]]
        named_cols = [cols[i] for i in col[0]] if col else self._periods_of(question, cols)
        if not named_cols:
            return None
        if question.operation == "average" and any(_AVERAGE_LABEL.search(r) for r in named_rows):
            return None                      # "Average Annual Total Returns" is a label
        if question.operation == "sum" and not question.intents.sums and all(_TOTAL.search(r) for r in named_rows):
            return None                      # "the total income in 2019 and 2018" of the row "Total income"
        if len(named_rows) == 1 and len(named_cols) >= 2:
            along, labels = "col", _ordered(question, named_cols)
        elif len(named_rows) >= 2 and len(named_cols) == 1:
            along, labels = "row", _ordered(question, named_rows)
        else:
            return None
        chosen = []
        for label in labels:
            cells = [i for i in ids if (meta[i].col_label if along == "col" else meta[i].row_label) == label
                     and (meta[i].row_label in named_rows if along == "col" else meta[i].col_label in named_cols)]
            if len(cells) != 1:
                return None
            chosen.append(cells[0])
        return chosen, min(row[1], col[1] if col else 1.0)

    @staticmethod
    def _periods_of(question: Question, cols: list[str]) -> list[str]:
        """The columns a question that names none means: its only one; else, when every column
        is a year's and the question names no year, each year for a sum or an average.  A
        change needs its periods named: "what was the increase in X?" mostly quotes a printed
        movement (22 of 29 such TAT-QA dev questions are span questions)."""
        if len(cols) == 1:
            return cols
        years = [_YEAR.findall(label) for label in cols]
        if question.years or not all(len(y) == 1 for y in years) or len({y[0] for y in years}) != len(cols):
            return []
        latest = [label for _, label in sorted(zip(years, cols), reverse=True)]
        return latest if question.operation in ("sum", "average") else []

    def _scale(self, key: tuple[str, int], cells: list) -> str:
        """The scale the operands' labels, else their table and its lead-in, state ("thousand")."""
        labels = " ; ".join(f"{c.meta.row_label} {c.meta.col_label}" for c in cells)
        if key not in self.tables:
            return stated_scale(labels)
        table = self.data.chunks[self.tables[key]]
        source = self.data.sources[table.doc_id]
        return stated_scale(labels) or stated_scale(source[max(0, table.start - SCALE_LEAD_IN):table.end])

    def _derived(self, question: Question, key: tuple[str, int], p_idx: int, decay: float) -> Candidate | None:
        found = self._operands(question, key)
        if found is None:
            return None
        ids, strength = found
        if question.operation in PAIRWISE and len(ids) != 2:
            return None
        chunks = [self.data.chunks[i] for i in ids]
        operands: list[Operand] = []
        for i, chunk in zip(ids, chunks):
            labels = f"{chunk.meta.row_label} {chunk.meta.col_label}"
            parsed = operand(cell_value(self.data.chunks, self.data.sources, i), "%" in labels)
            if parsed is None:
                return None
            operands.append(parsed)
        result = compute(question.operation, operands)
        if result is None:
            return None
        spans = tuple(Span(o.text, c.doc_id, c.start, c.end) for o, c in zip(operands, chunks))
        scale = "" if result.percent else self._scale(key, chunks)
        written = f"{result.result} (in {scale}s)" if scale else result.result
        derivation = Derivation(question.operation, spans, result.formula, result.plain, written, result.percent, scale)
        parts = tuple(sorted((c.start, c.end) for c in chunks))
        score = min(1.0, 0.95 / decay + COMPUTED_BONUS)     # every operand is named (OPERAND or a clear pick)
        return Candidate(key[0], parts[0][0], parts[-1][1], float(score), p_idx, self.name,
                         {"operation": question.operation, "strength": strength}, parts, chunk=ids[0],
                         derivation=derivation)
