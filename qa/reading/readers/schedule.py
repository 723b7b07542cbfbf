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
from qa.text.numbers import asset_amounts as _amounts
from qa.understanding.questions import Question

_PCT = re.compile(r"\d*\.?\d+\s?%")
_AMOUNT = re.compile(r"\$\s?\d[\d,.]*\s*(?:thousand|million|billion)?", re.IGNORECASE)


@dataclass(frozen=True)
class Tier:
    rate_start: int        # view offsets of the rate
    rate_end: int
    low: float
    high: float
    rate: float = 0.0      # the rate's value in percent


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


def _matches(tier: Tier, want: tuple[float, float]) -> bool:
    low, high = want
    if low == high:                                   # a point: the tier that holds it
        return tier.low <= low < tier.high or (tier.low < low <= tier.high and tier.high < math.inf)
    return np.isclose(tier.low, low) and (np.isclose(tier.high, high) or high == math.inf == tier.high)


def _extreme(found: list[Tier], direction: str) -> list[Tier]:
    """The tier with the lowest ("low") or the highest ("high") rate of a schedule."""
    if not found:
        return []
    low = direction == "low"
    return [min(found, key=lambda t: t.rate) if low else max(found, key=lambda t: t.rate)]


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
        asks = question.intents
        want, extreme = asks.asset_range, asks.extreme
        whole = want is None and not extreme and asks.whole_schedule
        if (want is None and not extreme and not whole) or not asks.rate:
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
