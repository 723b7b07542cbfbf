"""Answering "what are the…" questions with every item of a list.

Lists come from the chunker: bullets with the sentence that introduces them,
and "…the following: A; B; C" enumerations.  A list answers when the question
asks for several things and shares terms with the list's lead-in sentence or
its section heading.

Not handled: lists spread over two chunks (the chunker keeps a list whole unless
it alone exceeds the chunk size), and nested lists.
"""
from __future__ import annotations

import numpy as np

from qa import lexical
from qa.questions import Question
from qa.readers.base import Candidate, ReadPassage


class ListReader:
    """Returns the items of the best-matching list as one multi-part answer."""

    name = "list"
    threshold = 0.5
    structural = True      # reads every retrieved passage, not only the top read_k

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if question.kind != "list" or not question.terms:
            return []
        out = []
        wanted = set(question.terms)
        for p_idx, passage in enumerate(passages):
            chunk = passage.chunk
            for found in (chunk.meta or {}).get("lists", []):
                lead = self._lead_text(passage, found)
                have = set(lexical.terms(lead + " " + chunk.heading))
                overlap = len(wanted & have) / len(wanted)
                if overlap == 0 or not found["items"]:
                    continue
                score = (0.45 + 0.5 * overlap) / (1.0 + 0.15 * passage.rank)
                items = tuple((s, e) for s, e in found["items"])
                out.append(Candidate(chunk.doc_id, items[0][0], items[-1][1], float(score), p_idx,
                                     self.name, {"overlap": overlap}, items))
        out.sort(key=lambda c: -c.score)
        return out

    @staticmethod
    def _lead_text(passage: ReadPassage, found: dict) -> str:
        if not found.get("lead"):
            return ""
        s, e = found["lead"]
        inside = np.flatnonzero((passage.view.offsets >= s) & (passage.view.offsets < e))
        return passage.view.text[inside[0]:inside[-1] + 1] if len(inside) else ""
