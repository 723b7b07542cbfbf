"""How long a fund's fee waiver or expense limitation runs: "Through what date are the expense
limits in place?", "How long does the expense limitation agreement last?".

A fee table's footnote says it at the end of a long sentence of class-by-class caps —

    …do not exceed 1.49% for Class A Shares, … and 1.19% for Class R6 Shares through May 19, 2026.
    This agreement will remain in effect until February 28, 2026, and thereafter shall renew…

The question analysis says when the term is asked (``Intents.waiver_term``).  This reader takes,
in the retrieved passages in their order and then in the whole filing, the first "through"/"until" date that a waiver's
words ("waive", "reimburse", "expense limitation", "not exceed"…) precede within a few
sentences or follow in its own, and answers with the date, or for "How long…?" with the date and its preposition as
printed ("until February 28, 2026").

Not handled: terms given as a period ("for one year"), dates printed otherwise than "May 19,
2026", and filings with several funds' agreements whose passages do not name the asked fund.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, FilingFactReader, ReadPassage, retrieved_then_filing
from qa.text.numbers import MONTH
from qa.understanding.questions import Question

SCORE = 0.9
_CONTEXT = 600        # characters before the date where the waiver's words may be
_AFTER = 300          # or after it ("Until September 5, 2027, the Adviser … agreed to waive…")
_TERM = re.compile(rf"\b(?P<prep>through|until|till)\s+(?:at least\s+)?(?P<date>{MONTH}\s+\d{{1,2}},\s+\d{{4}})",
                   re.IGNORECASE)
_WAIVER = re.compile(r"\b(?:waive\w*|reimburse\w*|expense limitation|expense cap|limit\w* (?:the )?(?:total )?"
                     r"(?:annual )?(?:fund )?(?:operating )?expenses|not exceed|expense limit\w*)\b", re.IGNORECASE)
_HOW_LONG = re.compile(r"\bhow long\b", re.IGNORECASE)


class WaiverTermReader(FilingFactReader):
    """The date a fee waiver or expense limitation runs to (see module docstring)."""

    name = "waiver_term"

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.intents.waiver_term or not passages:
            return []
        with_preposition = bool(_HOW_LONG.search(question.text))
        doc, source = self.filing(passages)
        for lo, hi, p_idx, score in retrieved_then_filing(passages, source, SCORE):
            term = _first_term(source, lo, hi)
            if term is not None:
                start = term.start() if with_preposition else term.start("date")
                return [Candidate(doc, start, term.end("date"), score, p_idx, self.name, {"term": "waiver"})]
        return []


def _first_term(source: str, lo: int, hi: int) -> re.Match | None:
    """The first "through/until <date>" in [lo, hi) with a waiver's words near it."""
    for term in _TERM.finditer(source, lo, hi):
        if _WAIVER.search(source, max(0, term.start() - _CONTEXT), min(len(source), term.end() + _AFTER)):
            return term
    return None
