"""The best and worst quarterly return beside a fund's bar chart: "Best quarter for Class I?".

Every fund prospectus prints, under its bar chart of calendar-year returns, the highest and
lowest return for a quarter, in prose or in a small layout table —

    During the period shown, the highest return for a quarter was 34.58% for the quarter ended
    December 31, 2020, and the lowest return was -37.02% for the quarter ended March 31, 2020.

    | Best Quarter: | Q1/2017: | 6.22% | Worst Quarter: | Q2/2017: | 3.62% |

The question analysis says which one is asked (``Intents.quarter``: "high" or "low").  This
reader takes, in the retrieved passages in their order and then in the whole filing, the first percentage printed after
the words for that side ("best", "highest" … "quarter") and before the other side's words,
and answers with it as printed ("(4.95%)", "-37.02%").

Not handled: a quarter's return printed before its label ("34.58% was the highest…"), and bar
charts of several share classes whose passages name no class (the first retrieved is taken).
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, FilingFactReader, ReadPassage, retrieved_then_filing
from qa.understanding.questions import Question
from qa.understanding.share_classes import classes_named, other_class_named

SCORE = 0.92
_SIDES = {"high": r"(?:best|highest|largest)", "low": r"(?:worst|lowest|smallest)"}
_REACH = 150          # characters from the label to its percentage, at most
_PERCENT = re.compile(r"\(?[-\u2013\u2212+]?\d{1,3}(?:\.\d+)?\s?%\)?")


def _label(side: str) -> re.Pattern:
    word = _SIDES[side]
    return re.compile(rf"\b{word}\b[^%.;\n]{{0,60}}?\bquarter|\bquarter\w*\b[^%.\n]{{0,40}}?\b{word}\b", re.IGNORECASE)


_LABELS = {side: _label(side) for side in _SIDES}


class QuarterReader(FilingFactReader):
    """The highest or lowest quarterly return the question asks for (see module docstring)."""

    name = "quarter"

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        side = question.intents.quarter
        if not side or not passages:
            return []
        other = _SIDES["low" if side == "high" else "high"]
        doc, source = self.filing(passages)
        for k, (lo, hi, p_idx, score) in enumerate(retrieved_then_filing(passages, source, SCORE)):
            if k < len(passages) and other_class_named(question.classes,
                                                       classes_named(passages[k].chunk.heading + " " + source[lo:hi])):
                continue
            found = _percentage(source, lo, hi, _LABELS[side], other)
            if found is not None:
                return [Candidate(doc, *found, score, p_idx, self.name, {"quarter": side})]
        return []


def _percentage(source: str, lo: int, hi: int, label: re.Pattern, other: str) -> tuple[int, int] | None:
    """The first percentage after a ``label`` match in [lo, hi) that no word of ``other`` precedes."""
    for match in label.finditer(source, lo, hi):
        value = _PERCENT.search(source, match.end(), min(hi, match.end() + _REACH))
        if value is None or re.search(rf"\b{other}\b", source[match.end():value.start()], re.IGNORECASE):
            continue
        start, end = value.span()
        if source[start] == "(" and source[end - 1] != ")":
            start += 1
        elif source[end - 1] == ")" and source[start] != "(":
            end -= 1
        return start, end
    return None
