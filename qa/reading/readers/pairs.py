"""Amounts a sentence gives share class by share class, without "respectively".

    The minimum initial investment in the Fund is $1,000 to purchase Investor Class shares and
    $100,000 to purchase Institutional Class shares.

A question naming one share class ("the minimum initial investment for Institutional Class
shares?") gets the amount standing in the same part of the sentence as that class (the parts are
split at "and", ";" and ","), when every other class the sentence names has an amount of its own
and the sentence says what the question asks beyond the class.

Not handled: a class and its amount in different parts ("Institutional Class shares require a
minimum, which is $100,000"), and labels other than share classes (the respectively reader
pairs those when the sentence says "respectively").
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, ReadPassage
from qa.reading.readers.typed import sentence_ranges
from qa.text import lexical
from qa.understanding.lexicon import SHARE_CLASS, class_words
from qa.understanding.questions import Question

_AMOUNT = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|thousand))?|\b\d+(?:\.\d+)?%")
_PART = re.compile(r",?\s+and\s+|;\s*|,\s+(?=(?:and\s+)?(?:\$|\d|for\b|to\b))")
SCORE = 0.9


class PairReader:
    """Answers a question about one share class from a sentence pairing amounts with classes."""

    name = "pairs"
    threshold = 0.5
    structural = True

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        asked = {class_words(m.group()) for m in SHARE_CLASS.finditer(question.text)}
        if len(asked) != 1 or question.intents.explains:
            return []
        wanted = next(iter(asked))
        out = []
        for p_idx, passage in enumerate(passages):
            text = passage.view.text
            for vs, ve in sentence_ranges(passage):
                found = paired(text[vs:ve], wanted)
                if found is None or not _says_the_rest(question, text[vs:ve], wanted):
                    continue
                span = passage.view.to_source(vs + found[0], vs + found[1])
                if span:
                    out.append(Candidate(passage.chunk.doc_id, span[0], span[1], SCORE / (1.0 + 0.03 * passage.rank),
                                         p_idx, self.name, {"class": " ".join(sorted(wanted))}))
        return sorted(out, key=lambda c: -c.score)[:1]


def paired(sentence: str, wanted: frozenset[str]) -> tuple[int, int] | None:
    """The span of the one amount in the sentence part that names the class ``wanted``, when
    the sentence names two or more classes, each in a part with exactly one amount."""
    bounds, pos = [], 0
    for m in _PART.finditer(sentence):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(sentence)))
    pairs = []
    for lo, hi in bounds:
        part = sentence[lo:hi]
        classes = {class_words(m.group()) for m in SHARE_CLASS.finditer(part)}
        amounts = list(_AMOUNT.finditer(part))
        if classes and len(classes) == 1 and len(amounts) == 1:
            pairs.append((next(iter(classes)), (lo + amounts[0].start(), lo + amounts[0].end())))
        elif classes or len(amounts) > 1:
            return None                          # a part pairing nothing clearly: the sentence is not a list of pairs
    named = [span for cls, span in pairs if cls == wanted]
    return named[0] if len(pairs) >= 2 and len(named) == 1 else None


def _says_the_rest(question: Question, sentence: str, wanted: frozenset[str]) -> bool:
    """Whether the sentence holds most of what the question asks beyond the class."""
    rest = set(question.terms) - set(lexical.terms(" ".join(wanted) + " class share"))
    return not rest or 2 * len(rest & lexical.term_set(sentence)) > len(rest)
