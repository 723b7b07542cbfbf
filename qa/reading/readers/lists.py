"""Answering "what are the…" questions with every item of a list.

Lists come from the chunker: bullets with the sentence that introduces them,
and "…the following: A; B; C" enumerations.  A list answers when the question
asks for several things and shares terms with the list's lead-in sentence or
its section heading.  A "how…?" or "why…?" question gets a whole list or none, never
the items it happens to name.

Not handled: lists spread over two chunks (the chunker keeps a list whole unless
it alone exceeds the chunk size), and nested lists.
"""
from __future__ import annotations

import numpy as np

from qa.indexing.records import ListSpan, lists_of
from qa.reading.readers.base import Candidate, ReadPassage
from qa.text import lexical
from qa.understanding.fund_asks import ASKS_WHETHER
from qa.understanding.questions import Question


class ListReader:
    """Returns the items of the best-matching list as one multi-part answer."""

    name = "list"

    def __init__(self, sources: dict[str, str]):
        self.sources = sources
    threshold = 0.5
    structural = True      # reads every retrieved passage, not only the top read_k

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if question.kind not in ("list", "other") or not question.terms or ASKS_WHETHER.match(question.text):
            return []                     # "Does the fund hedge…?" asks whether, not for list items
        out = []
        for p_idx, passage in enumerate(passages):
            for found in lists_of(passage.chunk):
                cand = self._candidate(question, passage, p_idx, found)
                if cand is not None:
                    out.append(cand)
        out.sort(key=lambda c: -c.score)
        return out

    def _candidate(self, question: Question, passage: ReadPassage, p_idx: int,
                   found: ListSpan) -> Candidate | None:
        """The whole list (a "list" question) or the items the question names."""
        source = self._source(passage)
        lead = set(lexical.terms(self._lead_text(passage, found)))
        context = lead | set(lexical.terms(passage.chunk.heading))
        wanted = set(question.terms)
        overlap = len(wanted & context) / len(wanted)
        items = list(found.items)
        if not items:
            return None
        extra = wanted - context          # what the question adds beyond the lead-in
        item_terms = {i: set(lexical.terms(source[i[0]:i[1]])) for i in items}
        hits = {i: len(extra & item_terms[i]) for i in items}
        named = [i for i in items if hits[i]]
        if overlap == 0 and max(hits.values()) < 2:
            return None
        if question.intents.manner:
            named = []                    # "how/why…" asks for no items by name
        if question.kind != "list" and not self._names_focus(question, context, named, source):
            return None
        if named and len(named) < len(items) and (question.kind == "list" or wanted & lead):
            items, kind_bonus = named, 0.1
        elif question.kind == "list":
            kind_bonus = 0.0
        else:
            return None
        base = 0.6 + 0.35 * overlap if question.kind == "list" else 0.45 + 0.5 * overlap
        score = min(0.99, (base + kind_bonus) / (1.0 + 0.05 * passage.rank))
        return Candidate(passage.chunk.doc_id, items[0][0], items[-1][1], float(score), p_idx,
                         self.name, {"overlap": overlap, "items": len(items)}, tuple(items))

    @staticmethod
    def _names_focus(question: Question, context: set, named: list, source: str) -> bool:
        """A "which board…?" question is answered only by a list about boards: the asked-for
        noun must be in the lead-in, the heading or the picked items."""
        focus = question.focus
        if not focus:
            return True
        item_terms = {t for s, e in named for t in lexical.terms(source[s:e])}
        return bool(focus & (context | item_terms))

    def _source(self, passage: ReadPassage) -> str:
        return self.sources[passage.chunk.doc_id]

    @staticmethod
    def _lead_text(passage: ReadPassage, found: ListSpan) -> str:
        if not found.lead:
            return ""
        s, e = found.lead
        inside = np.flatnonzero((passage.view.offsets >= s) & (passage.view.offsets < e))
        return passage.view.text[inside[0]:inside[-1] + 1] if len(inside) else ""
