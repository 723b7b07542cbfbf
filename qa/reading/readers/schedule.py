"""Fee schedules with breakpoints: "0.65% for the first $500 million … plus 0.50% of such
assets over $2 billion".  A question about the rate at some asset level lands on its tier.

A sentence with two or more percentages and asset amounts is split at each
percentage into tiers; each tier's words ("first $500 million", "over $500
million up to $1 billion", "next $250 million", "in excess of $2 billion",
"thereafter") give its bounds.  The question's amount and wording ("over",
"above", "first", "up to", "between … and …", or a plain amount) pick the tier; a
question about the schedule itself ("what is the fee schedule?") gets all of it.

Not handled: schedules spread over several sentences or set out as a table
(the table reader answers those), and rates stated in basis points.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from qa.reading.readers.base import Candidate, ReadPassage
from qa.reading.readers.typed import sentence_ranges
from qa.text.numbers import NUMBER_RE, _to_number, _words_to_digits
from qa.understanding.questions import Question

_PCT = re.compile(r"\d*\.?\d+\s?%")
_AMOUNT = re.compile(r"\$\s?\d[\d,.]*\s*(?:thousand|million|billion)?", re.IGNORECASE)
_RATE_WORDS = re.compile(r"\b(rate|fee|fees|percent|percentage|charge|charged|pay|%)", re.IGNORECASE)


@dataclass(frozen=True)
class Tier:
    rate_start: int        # view offsets of the rate
    rate_end: int
    low: float
    high: float
    rate: float = 0.0      # the rate's value in percent


def _amounts(text: str) -> list[float]:
    out = []
    for m in NUMBER_RE.finditer(_words_to_digits(text)):
        n = _to_number(m)
        if not n.percent and (n.money or m.group("scale")) and n.value >= 1000:
            out.append(n.value)
    return out


def tiers(sentence: str) -> list[Tier]:
    """The tiers of a schedule sentence (empty when it is not one)."""
    rates = list(_PCT.finditer(sentence))
    if len(rates) < 2 or len(_AMOUNT.findall(sentence)) < 2:
        return []
    out: list[Tier] = []
    for k, rate in enumerate(rates):
        words = sentence[rate.end(): rates[k + 1].start() if k + 1 < len(rates) else len(sentence)]
        low, high = _bounds(words.lower(), out[-1].high if out else 0.0)
        out.append(Tier(rate.start(), rate.end(), low, high, float(rate.group().rstrip("% "))))
    return out


def _bounds(words: str, previous_high: float) -> tuple[float, float]:
    amounts = _amounts(words)
    if "thereafter" in words or not amounts:
        return previous_high, math.inf
    if re.search(r"\bnext\b", words):
        return previous_high, previous_high + amounts[0]
    if re.search(r"\bfirst\b|\bup to\b|\bbelow\b|\bless than\b", words) and not re.search(
            r"\bover\b|\bexcess\b|\babove\b|\bexceeding\b", words):
        return 0.0, amounts[0]
    if len(amounts) >= 2:
        return amounts[0], amounts[1]
    return amounts[0], math.inf


_SHORTHAND = [(re.compile(p), r) for p, r in [
    (r"\b(bn|bil+ion|billon)\b", "billion"), (r"\b(mn|mm|mil+ion|millon)\b", "million"),
    (r"(?<=\d)\s?(bn|b)\b", " billion"), (r"(?<=\d)\s?(mn|mm|m)\b", " million"),
    # "from 1 to 2 billion": the scale word serves both numbers
    (r"(\d+(?:\.\d+)?)(\s*(?:to|and|-)\s*\$?\s*\d+(?:\.\d+)?\s*(million|billion))", r"\1 \3\2"),
]]


def _expand(question: str) -> str:
    text = question.lower()
    for pattern, repl in _SHORTHAND:
        text = pattern.sub(repl, text)
    return text


def asked_range(question: str) -> tuple[float, float] | None:
    """The asset range a question asks about, or None when it names no amount."""
    q = _expand(question)
    amounts = _amounts(q)
    if not amounts:
        return None
    if re.search(r"\b(second|next)\b", q):
        return amounts[0], 2 * amounts[0]
    if len(amounts) >= 2 and re.search(r"\bbetween\b|\bfrom\b|\bup to\b", q):
        return amounts[0], amounts[1]
    if re.search(r"\bover\b|\babove\b|\bexcess\b|\bmore than\b|\bexceeding\b|\bbeyond\b", q):
        return amounts[0], math.inf
    if re.search(r"\bfirst\b|\bunder\b|\bbelow\b|\bup to\b|\bless than\b", q):
        return 0.0, amounts[0]
    return amounts[0], amounts[0]


def _matches(tier: Tier, want: tuple[float, float]) -> bool:
    low, high = want
    if low == high:                                   # a point: the tier that holds it
        return tier.low <= low < tier.high or (tier.low < low <= tier.high and tier.high < math.inf)
    return np.isclose(tier.low, low) and (np.isclose(tier.high, high) or high == math.inf == tier.high)


_EXTREME = re.compile(r"\b(lowest|minimum|smallest|highest|maximum|largest|top|bottom)\b.*"
                      r"\b(rate|fee|breakpoint|tier)", re.IGNORECASE)


def _extreme(found: list[Tier], match: re.Match) -> list[Tier]:
    """The tier with the lowest or the highest rate of a schedule."""
    if not found:
        return []
    low = match.group(1).lower() in ("lowest", "minimum", "smallest", "bottom")
    return [min(found, key=lambda t: t.rate) if low else max(found, key=lambda t: t.rate)]


_WHOLE = re.compile(r"\b(schedules?|breakpoints|tiers)\b", re.IGNORECASE)


def _whole(found: list[Tier], sentence: str) -> tuple[int, int] | None:
    """(start, end) in ``sentence`` of the schedule from its first rate to its last tier's words."""
    if not found:
        return None
    return found[0].rate_start, len(sentence.rstrip().rstrip(".;,").rstrip())


class ScheduleReader:
    """Answers "what rate applies to assets over $X" from breakpoint schedules."""

    name = "schedule"
    threshold = 0.5
    structural = True

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        want = asked_range(question.text)
        extreme = _EXTREME.search(question.text)
        whole = want is None and extreme is None and _WHOLE.search(question.text)
        if (want is None and extreme is None and not whole) or not _RATE_WORDS.search(question.text):
            return []
        out = []
        for p_idx, passage in enumerate(passages):
            for vs, ve in sentence_ranges(passage):
                sentence = passage.view.text[vs:ve]
                found = tiers(sentence)
                if whole:
                    span, facts = _whole(found, sentence), {"schedule": len(found)}
                else:
                    hits = [t for t in found if _matches(t, want)] if want else _extreme(found, extreme)
                    span = (hits[0].rate_start, hits[0].rate_end) if len(hits) == 1 else None
                    facts = {"tier": [hits[0].low, hits[0].high]} if span else {}
                src = passage.view.to_source(vs + span[0], vs + span[1]) if span else None
                if src:
                    out.append(Candidate(passage.chunk.doc_id, src[0], src[1], 0.92 / (1.0 + 0.1 * passage.rank),
                                         p_idx, self.name, facts))
        return sorted(out, key=lambda c: -c.score)
