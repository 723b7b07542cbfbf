"""Answer scoring: SQuAD exact match and token F1, with the project's number normalisation.

``normalize_answer`` follows the official SQuAD v1.1 script (lower-case, strip
punctuation and articles, collapse whitespace) after mapping numbers to one form,
so ``(8.87)%`` matches ``-8.87%`` and ``$1,159`` matches ``1159``.
"""
from __future__ import annotations

import collections
import re
import string

from qa.text.numbers import canonical_numbers

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = set(string.punctuation)


def normalize_answer(text: str, numbers: bool = True) -> str:
    """SQuAD normalisation; with ``numbers`` also canonicalise numeric tokens."""
    if numbers:
        text = canonical_numbers(text)
    text = text.lower()
    text = "".join(ch for ch in text if ch not in _PUNCT)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def exact_match(prediction: str, gold: str, numbers: bool = True) -> float:
    """1.0 when the normalised strings are equal."""
    return float(normalize_answer(prediction, numbers) == normalize_answer(gold, numbers))


def f1(prediction: str, gold: str, numbers: bool = True) -> float:
    """Token-overlap F1 of the normalised strings (SQuAD definition)."""
    pred = normalize_answer(prediction, numbers).split()
    ref = normalize_answer(gold, numbers).split()
    if not pred or not ref:
        return float(pred == ref)
    common = collections.Counter(pred) & collections.Counter(ref)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(ref)
    return 2 * precision * recall / (precision + recall)


def best_score(metric, prediction: str, golds, numbers: bool = True) -> float:
    """The metric against the best-matching gold answer (0.0 when there is none)."""
    return max((metric(prediction, g, numbers) for g in golds), default=0.0)
