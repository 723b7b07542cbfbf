"""Answering from a table cell when the question names its row and its column.

The tables considered are those with a cell (or the whole table) among the
retrieved passages.  Row and column labels are matched fuzzily
(:mod:`qa.understanding.headers`); an axis counts as named when its best label clearly beats
the runner-up, or when it has a single label.  The answer is the cell as
printed, with the cell's offsets.  Of several columns named, those holding the one year the
question names are kept (a year in a row label is often the period, not the row); a question asking for a reason ("why…", "what caused…")
gets no cell, nor one asking how much something moved ("the increase in X in 2019") unless a
label names the movement ("Change", "2019 vs 2018", "%").  Of row labels quoted but not listed
side by side, the longest counts; a row label repeated under two headings is told apart by the
heading (:mod:`qa.reading.readers.table_groups`); % columns answer only questions about a share; a quarter asked without a year is the
latest year's.  A question about "the table" also reads the only table of a retrieved filing.

Questions about a row across its year columns ("in which year was X larger?",
"…less than 100?"), about the years a table covers and about the rows a group
holds ("what are the components of X?") are answered first, by
:mod:`qa.reading.readers.table_rows`.

Not handled: questions that need arithmetic over cells (differences, sums) and
tables whose labels sit in the body rather than the first column.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict

from qa.indexing.build import IndexData
from qa.indexing.records import table_key
from qa.reading.readers.base import Candidate, ReadPassage, cell_value
from qa.reading.readers.table_context import (
    TableContext,
    coded_row,
    labels_of,
    marker_cut,
    other_class,
    qualifier_labels,
    side_of_repeated,
)
from qa.reading.readers.table_groups import NAMED_ROW, TableGroups
from qa.reading.readers.table_kinds import TableKinds
from qa.reading.readers.table_rows import MIN_LABEL, RowQuestions, latest, of_year, pick
from qa.text import lexical
from qa.understanding import kinds
from qa.understanding.headers import coordinated, label_scores, label_tokens, normalise, spelled_years
from qa.understanding.lexicon import MOVE_LABEL, role_named
from qa.understanding.questions import Question

TITLE_BONUS = 0.04     # a cell of a table whose title the question names beats one of a table it does not


def _specific(named: set[str], question: str) -> set[str]:
    """Of several row labels the question quotes without listing them side by side, the longest
    ("gross profit" over "sales" in "the percentage of sales represented by gross profit")."""
    if len(named) < 2 or coordinated(question, sorted(named)):
        return named
    size = {label: len(normalise(label).split()) for label in named}
    return {label for label in named if size[label] == max(size.values())}


def amount_columns(cols: list[str], share: bool) -> list[str]:
    """The column labels a question may name: the amounts, not the percentages ("2019 Amount",
    not "2019 % of total revenue"), unless it asks for a share or no column holds amounts."""
    if share:
        return cols
    return [label for label in cols if "%" not in label] or cols




VERBATIM = 0.95     # a label the question quotes (headers.label_scores)


class TableReader(RowQuestions, TableContext, TableGroups, TableKinds):
    """Cell lookup by row and column labels (see module docstring)."""

    name = "table"
    threshold = 0.5
    structural = True      # reads every retrieved passage, not only the top read_k

    def __init__(self, data: IndexData, like: TableReader | None = None):
        """``like``: a reader over the same ``data`` whose tables and caches this one shares
        (the derived reader reads the table reader's), instead of indexing them again."""
        self.data = data
        if like is not None:
            self.cells, self.tables, self.words, self.lower, self.initials, self.by_doc = (
                like.cells, like.tables, like.words, like.lower, like.initials, like.by_doc)
            self.table_tokens = like.table_tokens
            return
        self.cells: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.tables: dict[tuple[str, int], int] = {}
        self.words: dict[tuple[str, int], set[str]] = {}        # filled as tables are asked about
        self.lower: dict[str, tuple[set[str], set[str]]] = {}
        self.initials: dict[tuple[str, int], set[str]] = {}
        self.table_tokens: dict[tuple[str, int], set[str]] = {}
        for i, chunk in enumerate(data.chunks):
            key = table_key(chunk)
            if chunk.kind == "cell" and key:
                self.cells[key].append(i)
            elif chunk.kind == "table" and key:
                self.tables[key] = i
        self.by_doc: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for key in self.tables:
            self.by_doc[key[0]].append(key)

    def _tables(self, question: Question, passages: list[ReadPassage]) -> list[tuple[tuple[str, int], int]]:
        """Tables touched by the passages, with the rank of their best passage; for a question
        about "the table", also the only table of a document a passage comes from."""
        seen: dict[tuple[str, int], int] = {}
        for p_idx, p in enumerate(passages):
            key = table_key(p.chunk)
            if p.chunk.kind in ("cell", "table") and key:
                seen.setdefault(key, p_idx)
        if question.intents.names_table:
            for p_idx, p in enumerate(passages):
                only = self.by_doc.get(p.chunk.doc_id, [])
                if len(only) == 1:
                    seen.setdefault(only[0], p_idx)
        return list(seen.items())

    def _cells(self, question: Question, key: tuple[str, int], without: frozenset[str] = frozenset()):
        """(chunk indices, row strength, column strength) of the named cells, or None; ``without``:
        column labels not to consider."""
        chunk_ids = [i for i in self.cells.get(key, []) if self.data.chunks[i].meta.col_label not in without]
        if not chunk_ids:
            return None
        meta = {i: self.data.chunks[i].meta for i in chunk_ids}
        rows = sorted({m.row_label for m in meta.values()})
        cols = amount_columns(sorted({m.col_label for m in meta.values()}), question.intents.share)
        row_scores = label_scores(question.label_text, rows)
        if len(rows) == 1 and rows[0] and row_scores[0] < MIN_LABEL:
            return None          # the table's only row label, which the question does not name
        row = (pick(row_scores, rows) or coded_row(question.text, rows) or self._typed_row(question, chunk_ids, rows)
               or self._part_row(question, row_scores, rows))
        if row is None:
            chunk_ids, row = self._group_row(question, key, chunk_ids)
            meta = {i: self.data.chunks[i].meta for i in chunk_ids}
            rows = sorted({m.row_label for m in meta.values()})
        col_scores = label_scores(spelled_years(question.text), cols)
        col = pick(col_scores, cols)
        if col is None and not question.years:
            col = latest(col_scores, cols)        # "in the third quarter": the latest year's
        if row is None or (row[1] < NAMED_ROW and not self._covers(question, key)):
            return None          # one word of a longer label ("1" of "12b-1 Distribution Fee") is a guess
        named_rows = _specific({rows[i] for i in row[0]}, question.text)
        named_rows -= qualifier_labels(question, named_rows)
        in_rows = [i for i in chunk_ids if meta[i].row_label in named_rows]
        filled = amount_columns(sorted({meta[i].col_label for i in in_rows}), question.intents.share)
        if col is None and len(filled) < len(cols):    # of the columns the row fills, one is named
            cols, col = filled, pick(label_scores(spelled_years(question.text), filled), filled)
        if col is None:
            values = {cell_value(self.data.chunks, self.data.sources, i) for i in in_rows}
            if len(values) != 1 or len(named_rows) != 1 or row[1] < (0.85 if len(cols) == 1 else VERBATIM):
                return None      # it differs by column and none is named, or the row is a guess
            return in_rows[:1], row[1], 0.5
        named_cols = of_year(question.years, {cols[i] for i in col[0]})
        if question.intents.moved and not any(MOVE_LABEL.search(label) for label in named_cols | named_rows):
            return None          # "the increase in interest income in 2019" is not the 2019 amount
        match = self._of_group(question, key, [i for i in in_rows if meta[i].col_label in named_cols])
        if len(named_rows) == 1 and len(match) > 1:      # one label on two rows: before or after the waiver
            match = side_of_repeated(question, match, lambda i: meta[i].row, next(iter(named_rows)))
        if len(match) > 1 and not any(meta[i].col_label for i in match):
            match = self._of_kind(question, match)      # a row of cells under no column label
        return (match, row[1], col[1]) if match else None

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        """A candidate per retrieved table: the rows a group holds, else a year comparison, else
        its year headers, else the cell the question names."""
        out = []
        if question.intents.cause or question.operation == "count":
            return out           # a count is the derived reader's: the listed years are its operands
        for key, p_idx in self._tables(question, passages):
            if self._foreign(question, key):
                continue
            decay = 1.0 + 0.03 * passages[p_idx].rank
            cand = (self._grouped(question, key, p_idx, decay) or self._compared(question, key, p_idx, decay)
                    or self._period_list(question, key, p_idx, decay) or self._top_row(question, key, p_idx, decay)
                    or self._cell(question, key, p_idx, decay))
            if cand is not None:
                out.append(cand)
        if not out:
            out = self._unretrieved(question, passages)
        if question.role:      # "Who is the custodian?" from a cell only under a "Custodian" label
            out = [c for c in out if c.chunk is not None and role_named(question.role, labels_of(self.data.chunks[c.chunk]))]
        out.sort(key=lambda c: -c.score)
        return out

    def _unretrieved(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        """When no retrieved table answers: the cells of the top passage's filing's other tables
        whose row and column the question both names word for word ("the 10-year cost of
        $10,000 in Class A shares", when retrieval brought the fee table, not the example); else,
        for a question asking what an investor would pay, the cell named in the one table of
        dollar costs that names one (none when several do: a multi-fund filing's examples)."""
        if not passages:
            return []
        touched = {key for key, _ in self._tables(question, passages)}
        decay = 1.0 + 0.03 * len(passages)
        out = []
        examples = []
        for key in self.by_doc.get(passages[0].chunk.doc_id, []):
            if key in touched or self._foreign(question, key):
                continue
            cand = self._cell(question, key, 0, decay) if self._quotes_both(question, key) else None
            if cand is not None and not cand.parts:
                out.append(cand)
            elif cand is None and question.intents.dollars and self._costs(key):
                cand = self._cell(question, key, 0, decay)
                examples += [cand] if cand is not None and not cand.parts else []
        return out or (examples if len(examples) == 1 else [])

    def _quotes_both(self, question: Question, key: tuple[str, int]) -> bool:
        """Whether the question quotes one of a table's several row labels and one of its
        several column labels (a table of one row or column names nothing by itself)."""
        metas = [self.data.chunks[i].meta for i in self.cells.get(key, [])]
        rows = sorted({m.row_label for m in metas})
        cols = sorted({m.col_label for m in metas})
        if len(rows) < 2 or len(cols) < 2:
            return False
        return (max(label_scores(question.label_text, rows)) >= VERBATIM
                and max(label_scores(spelled_years(question.text), cols)) >= VERBATIM)

    def _compared(self, question, key, p_idx: int, decay: float) -> Candidate | None:
        compared = self._compare(question, key)
        if compared is None:
            return None
        found, row_s = compared
        parts = tuple(tuple(span) for _, span in found)
        return Candidate(key[0], parts[0][0], parts[-1][1], float((0.55 + 0.4 * row_s) / decay), p_idx,
                         self.name, {"row": row_s, "compare": True}, parts if len(parts) > 1 else (),
                         chunk=found[0][0])

    def _grouped(self, question, key, p_idx: int, decay: float) -> Candidate | None:
        found = self._components(question, key)
        if found is None:
            return None
        parts, row_s = found
        return Candidate(key[0], parts[0][0], parts[-1][1], float((0.55 + 0.4 * row_s) / decay), p_idx,
                         self.name, {"row": row_s, "components": True}, tuple(parts), chunk=self.tables[key])

    def _top_row(self, question, key, p_idx: int, decay: float) -> Candidate | None:
        found = self._ranked(question, key) or self._ranked_column(question, key)
        if found is None:
            return None
        (start, end), col_s = found
        return Candidate(key[0], start, end, float((0.55 + 0.4 * col_s) / decay), p_idx, self.name,
                         {"col": col_s, "ranked": True}, chunk=self.tables[key])

    def _period_list(self, question, key, p_idx: int, decay: float) -> Candidate | None:
        periods = self._periods(question, key)
        if periods is None:
            return None
        parts = tuple((s, e) for s, e, _ in periods)
        return Candidate(key[0], parts[0][0], parts[-1][1], 0.9 / decay, p_idx, self.name,
                         {"periods": True}, parts, chunk=periods[0][2])

    @staticmethod
    def _title_named(question: Question, chunk) -> bool:
        """Whether the question names a word of the table's title that its cell labels lack
        ("return" of "Average Annual Total Returns", asked of a row "Class I" and column "5 Years")."""
        meta = chunk.meta
        title = set(label_tokens(getattr(meta, "title", "") or ""))
        labels = set(label_tokens(f"{getattr(meta, 'row_label', '')} {getattr(meta, 'col_label', '')}"))
        return bool((title - labels) & set(label_tokens(question.text)))

    def _cell(self, question, key, p_idx: int, decay: float) -> Candidate | None:
        found = self._cells(question, key)
        if found is not None and not self._fits(question, found[0]):
            fitting = [i for i in found[0] if self._fits(question, [i])]
            if fitting and len({self.data.chunks[i].meta.col_label for i in found[0]}) > 1:
                found = (fitting, found[1], found[2])      # "Total Return" of "Total Return" and "Quarter", both named
            else:
                # the column named best holds what the question does not ask for ("Quarter" for
                # "the highest quarterly return"): the next column it names, if any
                labels = frozenset(self.data.chunks[i].meta.col_label for i in found[0])
                found = self._cells(question, key, labels) if all(labels) else None
        if found is None:
            return None
        chunk_ids, row_s, col_s = found
        chunks = sorted((self.data.chunks[i] for i in chunk_ids), key=lambda c: c.start)
        parts = tuple((c.start, c.end) for c in chunks) if len(chunks) > 1 else ()
        first = min(chunk_ids, key=lambda i: self.data.chunks[i].start)
        bonus = TITLE_BONUS if self._title_named(question, chunks[0]) else 0.0
        cand = Candidate(chunks[0].doc_id, chunks[0].start, chunks[-1].end,
                         float((0.55 + 0.4 * min(row_s, col_s)) / decay + bonus), p_idx, self.name,
                         {"row": row_s, "col": col_s}, parts, chunk=first)
        text = cand.text_in(self.data.sources[cand.doc_id])
        cut = 0 if parts else marker_cut(text)
        if cut:                                          # "–0.05%(1)": the amount without its marker
            cand, text = dataclasses.replace(cand, end=cand.end - cut), text[:-cut]
        if not kinds.agrees(question.kind, text) or other_class(question, chunks[0]) or \
                (question.intents.dollars and (kinds.is_rate(text) or self._unit(key) == "%")):    # a cost is no rate
            return None                                  # "Who…?" is not "2.15%"
        return cand if self._asked_for(question, chunks[0], text) else None

    @staticmethod
    def _asked_for(question: Question, cell, text: str) -> bool:
        """A cell of words under no column label ("Investor Class | (Ticker Symbol: VAGIX)" on a
        cover) answers only a question naming something the cell says beyond its row label: its
        row alone ("investors") does not ask for it.  A cell of numbers, or under a label, does."""
        if question.cover == "ticker" and len(text.split()) > 1:
            return False                 # "(Ticker Symbol: VAGIX)": the cover reader quotes the ticker itself
        if cell.meta.col_label or kinds.is_amount(text) or kinds.is_date(text):
            return True
        beyond = set(question.terms) - lexical.term_set(cell.meta.row_label)
        return bool(beyond & lexical.term_set(text))
