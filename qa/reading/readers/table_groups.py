"""Table cells under group headings: the group a question names, and the row of a group.

A returns table prints one row label under several group headings ("Class A Shares" / "Return
Before Taxes", "Based on NAV" / "Returns Before Taxes"), a tax table "Current:" / "Federal" and
"Deferred:" / "Federal".  :class:`TableGroups` (a mixin of the table reader) tells the cells of
such rows apart by the heading the question names, finds the row a named group holds when the
question names no row, and of rows named alike keeps those whose cells are of the kind asked.

Not handled: headings nested two deep (the nearest heading above a row is its group), and groups
the question names only by a ticker it does not write as a class.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import cell_value
from qa.reading.readers.table_context import group_of, spells
from qa.reading.readers.table_rows import pick
from qa.understanding import kinds
from qa.understanding.headers import label_scores, label_tokens, normalise
from qa.understanding.questions import Question

_TOTAL = re.compile(r"\btotal\b", re.IGNORECASE)
NAMED_ROW = 0.5     # a row is named by two of its words, or all of them (headers.label_scores gives one of several 0.45)


def _least_named(question: Question, labels: list[str]) -> str | None:
    """Of group headings each longer than the shortest by words the question does not say
    ("… Institutional Plus Shares" beside "… Institutional Shares"), the shortest, when the
    question names a word of it beyond "shares" or "class" ("VTMNX", read as "Institutional
    Shares"); None otherwise."""
    words = [set(label_tokens(label)) for label in labels]
    base = min(range(len(labels)), key=lambda i: len(words[i]))
    asked = set(label_tokens(question.label_text))
    if not words[base] & asked - {"shares", "share", "class", "classes", "fund"}:
        return None
    if all(i == base or (words[base] < w and not (w - words[base]) & asked) for i, w in enumerate(words)):
        return labels[base]
    return None


class TableGroups:
    """Group headings and alike rows for the table reader (needs ``data``, ``tables``)."""

    def _typed_row(self, question: Question, chunk_ids: list[int], rows: list[str]):
        """Of rows named alike ("Filed As Of Date", "Sec File Number" for "what date was it filed
        with the SEC?"), the one named best among those whose cells are of the kind asked."""
        typed = [label for label in rows if all(kinds.agrees(question.kind, cell_value(self.data.chunks, self.data.sources, i))
                                                for i in chunk_ids if self.data.chunks[i].meta.row_label == label)]
        if not typed or len(typed) == len(rows):
            return None
        row = pick(label_scores(question.label_text, typed), typed)
        return ([rows.index(typed[i]) for i in row[0]], row[1]) if row else None

    @staticmethod
    def _part_row(question: Question, scores: list[float], rows: list[str]):
        """Of two rows named alike, the one that is no total when the question does not ask a
        total ("expense reimbursement": the "Less: … Reimbursement" row, not "Total Annual Fund
        Operating Expenses After … Reimbursement")."""
        best = max(scores, default=0.0)
        tied = [i for i, s in enumerate(scores) if s == best]
        if best < NAMED_ROW or len(tied) != 2 or _TOTAL.search(question.label_text):
            return None
        parts = [i for i in tied if not _TOTAL.search(rows[i])]
        return (parts, best) if len(parts) == 1 else None

    def _group_row(self, question: Question, key: tuple[str, int], chunk_ids: list[int]):
        """When no row label is named: the cells under the group heading the question names, and
        their row when that group holds one ("Class I 5-year return?" of a returns table whose
        "Class I Shares" heading holds one "Return Before Taxes" row); else (``chunk_ids``, None)."""
        if key not in self.tables:
            return chunk_ids, None
        table = self.data.chunks[self.tables[key]].meta
        groups = {i: group_of(table, self.data.chunks[i].meta.row) for i in chunk_ids}
        labels = sorted({g for g in groups.values() if g})
        chosen = pick(label_scores(question.label_text, labels), labels) if len(labels) > 1 else None
        if chosen is None or len(chosen[0]) != 1 or chosen[1] < NAMED_ROW:
            return chunk_ids, None
        inside = [i for i in chunk_ids if groups[i] == labels[chosen[0][0]]]
        rows = sorted({self.data.chunks[i].meta.row_label for i in inside})
        if len(rows) > 1:          # of the group's rows, the one the question names best ("returned": "Return before taxes")
            row = pick(label_scores(question.label_text, rows), rows)
            if row is None or len(row[0]) != 1:
                return chunk_ids, None
            inside = [i for i in inside if self.data.chunks[i].meta.row_label == rows[row[0][0]]]
        return inside, ([0], chosen[1])

    def _of_group(self, question: Question, key: tuple[str, int], match: list[int]) -> list[int]:
        """Of cells that repeat one row and column label (as stemmed: "Returns Before Taxes" is
        "Return Before Taxes") under several group headings ("Current: Federal", "Deferred:
        Federal"; "Based on NAV", "Based on Market Price"), those under the heading the question names; all of them
        when it names none (a heading whose initials the question writes in capitals counts as named)."""
        metas = [self.data.chunks[i].meta for i in match]
        if len({(normalise(m.row_label), normalise(m.col_label)) for m in metas}) == len(match) or key not in self.tables:
            return match
        table = self.data.chunks[self.tables[key]].meta
        groups = [group_of(table, m.row) for m in metas]
        labels = sorted(set(groups))
        chosen = pick(label_scores(question.label_text, labels), labels) if len(labels) > 1 else None
        if chosen is None:
            spelled = [g for g in labels if spells(question, g)]      # "EPS": "Earnings per share:"
            least = _least_named(question, labels)
            spelled = spelled if len(spelled) == 1 or least is None else [least]
            return [i for i, g in zip(match, groups) if g in spelled] if len(spelled) == 1 else match
        keep = {labels[j] for j in chosen[0]}
        return [i for i, g in zip(match, groups) if g in keep]
