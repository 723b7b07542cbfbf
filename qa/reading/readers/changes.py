"""Sentences that state a change "from X to Y": the old value answers a question about the
old or former thing, the new value one about the new or current thing.

"…the Portfolio's investment objective will slightly change from seeking long-term
growth of capital to seeking capital appreciation" answers "What is the new
investment objective?" with "capital appreciation" and "What was the objective
before?" with "long-term growth of capital" (a word both sides start with, here
"seeking", is left out).  The question must say which side it wants (new, current,
now, will… or old, previous, former, before, was…) and share more than half of its
other terms with the sentence, among them the noun it asks for when it names one.

Not handled: changes stated without "from" ("will be renamed X"), more than one
"from … to" in a sentence (the first is read), and years as the only cue ("in FY19").
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, ReadPassage
from qa.reading.readers.typed import sentence_ranges
from qa.text import lexical
from qa.understanding import lexicon
from qa.understanding.questions import Question

_CHANGE = re.compile(
    r"\b(?:chang|renam|increas|decreas|reduc|rais|lower|rose|ris|fell|fall|mov|switch|shift|"
    r"convert|replac|amend|revis|went|go)\w*\b(?:\W+\w+){0,6}?\W+from\s+(?P<old>.+?)\s+to\s+"
    r"(?P<new>.+?)\s*(?=[.;,:(]\s|[.;:]?$|\s(?:due|because|as a result|primarily|mainly|which|effective)\b)",
    re.IGNORECASE)
CUE_WORDS = set(lexical.terms(lexicon.SIDE_WORDS))


_KEPT = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "each", "all"}


def _trimmed(old: tuple[int, int], new: tuple[int, int], text: str) -> tuple[tuple, tuple]:
    """Both sides without the word they both start with ("seeking X" / "seeking Y"), unless it
    is an article or a possessive ("the Russell 1000 Index" / "the S&P 500 Index" stay whole)."""
    a, b = text[old[0]:old[1]].split(), text[new[0]:new[1]].split()
    if len(a) > 1 and len(b) > 1 and a[0].lower() == b[0].lower() and a[0].lower() not in _KEPT:
        cut = len(a[0]) + 1
        return (old[0] + cut, old[1]), (new[0] + cut, new[1])
    return old, new


def _about(question: Question, sentence: str) -> bool:
    """More than half of the question's terms (past its cue words) are in the sentence, and so is
    the thing it asks for: its focus ("which *index*…") or role ("who is the *trustee*…"); a
    change of the Trust's classification does not answer "Who is currently the trustee?"."""
    extra = set(question.terms) - CUE_WORDS
    if not lexical.mostly_in(extra, sentence):
        return False
    asked = set(question.focus) | set(lexical.terms(question.role))
    return not asked or bool(asked & lexical.term_set(sentence))


class ChangeReader:
    """Answers "new/old X?" from a sentence that says X changes from one thing to another."""

    name = "change"
    threshold = 0.5
    structural = True

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        wanted = question.intents.side
        if not wanted:
            return []
        out = []
        for p_idx, passage in enumerate(passages):
            text = passage.view.text
            for vs, ve in sentence_ranges(passage):
                found = _CHANGE.search(text, vs, ve)
                if not found or not _about(question, text[vs:ve]):
                    continue
                old, new = _trimmed(found.span("old"), found.span("new"), text)
                src = passage.view.to_source(*(new if wanted == "new" else old))
                if src:
                    out.append(Candidate(passage.chunk.doc_id, src[0], src[1],
                                         0.92 / (1.0 + 0.02 * passage.rank), p_idx, self.name,
                                         {"side": wanted}))
        return sorted(out, key=lambda c: -c.score)
