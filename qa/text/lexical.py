"""Word tokens for BM25 and for term-overlap features: lower-cased, stop words out, stemmed.

Numbers keep their inner punctuation (``12b-1``, ``0.25``, ``1,159``) so a
question quoting a figure matches it.  Not handled: hyphenation across lines
(EDGAR rarely hyphenates) and languages other than English.
"""
from __future__ import annotations

import functools
import re

import Stemmer
from bm25s.stopwords import STOPWORDS_EN

_WORD = re.compile(r"[a-z0-9]+(?:[-.,'][a-z0-9]+)*")
_STOP = frozenset(STOPWORDS_EN) | {"s", "does", "did", "do", "what", "which", "who", "whom",
                                    "when", "where", "how", "whose", "why", "much", "many", "may",
                                    "will", "can", "would", "could", "should", "have", "has", "had",
                                    "other", "also"}
STOP_WORDS = _STOP          # the stop words :func:`terms` drops, for other modules


@functools.cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-case word tokens, stop words kept."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _parts(word: str) -> list[str]:
    """A hyphenated word and its parts ("zero-coupon" -> + "zero", "coupon"); "12b-1" stays whole."""
    if "-" in word and not any(ch.isdigit() for ch in word):
        return [word] + [p for p in word.split("-") if p and p not in _STOP]
    return [word]


def terms(text: str) -> list[str]:
    """Stemmed content terms (stop words and question words removed)."""
    kept = [p for w in words(text) if w not in _STOP for p in _parts(w.removesuffix("'s"))]
    return _stemmer().stemWords(kept)


@functools.lru_cache(maxsize=4096)
def term_set(text: str) -> frozenset[str]:
    """``terms(text)`` as a set, cached: the same passages and sentences are scored for every
    candidate an ask reads."""
    return frozenset(terms(text))


def mostly_in(wanted: set[str], text: str) -> bool:
    """Whether more than half of the terms ``wanted`` occur in ``text`` (False when none are)."""
    return 2 * len(wanted & term_set(text)) > len(wanted)
