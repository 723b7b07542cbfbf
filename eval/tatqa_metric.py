"""TAT-QA exact match and F1 (Zhu et al., ACL 2021), our own implementation.

A prediction is a list of answer strings plus a scale ("", "thousand", "million",
"billion", "percent"); the gold is the question's ``answer`` plus its ``scale``.

What follows the official script (``tatqa_metric.py`` / ``tatqa_utils.py`` in
NExTplusplus/TAT-QA, built on DROP's evaluator):

- normalisation per answer: lower-case, punctuation removed except inside numbers,
  articles (a/an/the) removed, whitespace collapsed;
- a number is compared by value, so ``$1,496.5`` == ``1496.5`` and ``(5.2)`` == ``-5.2``;
- an answer that is one number is multiplied by its scale (``1,496.5`` with scale
  "million" == ``1,496,500,000``), so a right number with the wrong scale scores 0
  in EM *and* F1; the gold uses the question's scale, the prediction the predicted one;
- an empty prediction scores 0 (empty spans are dropped from both sides; one dev gold has
  a stray ""); token F1 compares token *sets*, as DROP does.

Our reading of the paper (the official script differs here):

- multi-span answers are an unordered bag of spans: EM = 1 iff the sorted lists of
  normalised spans are equal; F1 is DROP's bag alignment (per-pair token F1, optimal
  one-to-one assignment with ``linear_sum_assignment``, averaged over
  max(len(pred), len(gold)) spans).  The official script instead sorts the spans,
  joins them into one string and scores that single bag;
- DROP's number rule is kept (a pair scores 0 when the gold span has numbers and
  the two share none); the official script comments it out;
- a percentage keeps its value and is marked as a percentage (``36%`` == ``36`` with
  scale "percent", but != ``0.36``); the official script lets a bare ``0.36`` match too;
- a scale word inside the answer ("$1.2 billion") wins over the given scale; values
  are not rounded to 2 decimals before scaling (span answers are printed numbers);
- the scale is applied only when the whole answer is one number; the official script
  also appends the scale word to text answers (so there a text answer whose predicted
  scale differs from the gold's loses the scale token).

Not handled: numbers written as words ("two billion" is two tokens, not 2e9), dates
(no date normalisation), and several gold alternatives beyond what
:func:`best_em_f1` is given (TAT-QA has one gold answer per question).
"""
from __future__ import annotations

import re
import string
from typing import Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from qa.text.numbers import NUMBER_RE, parse_number

SCALES = {"": 1, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "percent": 1}
_ARTICLES = {"a", "an", "the"}
_PUNCT = re.compile(f"[{re.escape(string.punctuation)}\u2018\u2019\u201c\u201d\u2013\u2014]")
_NUMBER_TOKEN = re.compile(r"-?\d+(?:\.\d+)?%?")


def _prepare(text: str) -> str:
    """Unify what the number pattern does not: unicode minus, ``$(9,982)``, runs of space."""
    text = text.replace("\u2212", "-")
    text = re.sub(r"\$\s*\(", "($", text)
    return " ".join(text.split()).lower()


def _number_token(match: re.Match, scale: str) -> str:
    """A canonical float string for one number; ``scale`` applies unless the text has its own."""
    number = parse_number(match.group())
    value = number.value if number is not None else float(match.group("num").replace(",", ""))
    percent = bool(number and number.percent) or (scale == "percent" and not match.group("scale"))
    if not percent and not match.group("scale"):
        value *= SCALES.get(scale, 1)
    text = f"{round(value, 6):.6f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    return text + ("%" if percent else "")


def _words(text: str) -> list[str]:
    """Lower-cased words without punctuation or articles."""
    return [w for w in _PUNCT.sub("", text).split() if w not in _ARTICLES]


def tokens(answer: str, scale: str = "") -> list[str]:
    """The normalised tokens of one answer string; numbers become canonical float strings.

    ``scale`` is used only when the whole answer is one number.
    """
    text = _prepare(str(answer))
    whole = NUMBER_RE.fullmatch(text)
    if whole:
        return [_number_token(whole, scale)]
    out, pos = [], 0
    for match in NUMBER_RE.finditer(text):
        out += _words(text[pos:match.start()])
        out.append(_number_token(match, ""))
        pos = match.end()
    return out + _words(text[pos:])


def is_number(answer: str) -> bool:
    """Whether the whole answer is one number (``$(9,982)``, ``\u2212298``, ``5.2%`` are)."""
    return NUMBER_RE.fullmatch(_prepare(str(answer))) is not None


def normalize(answer: str, scale: str = "") -> str:
    """One answer string in the form EM compares."""
    return " ".join(tokens(answer, scale))


def _token_f1(pred: set[str], gold: set[str]) -> float:
    same = len(pred & gold)
    if same == 0:
        return float(not pred and not gold)
    precision, recall = same / len(pred), same / len(gold)
    return 2 * precision * recall / (precision + recall)


def _numbers_agree(pred: set[str], gold: set[str]) -> bool:
    """DROP's rule: when the gold has numbers, the prediction must share one."""
    gold_numbers = {t for t in gold if _NUMBER_TOKEN.fullmatch(t)}
    return not gold_numbers or bool(gold_numbers & pred)


def _bag_f1(pred: list[set[str]], gold: list[set[str]]) -> float:
    """DROP's alignment: best one-to-one pairing, averaged over the longer side."""
    scores = np.zeros((len(gold), len(pred)))
    for g, gold_bag in enumerate(gold):
        for p, pred_bag in enumerate(pred):
            if _numbers_agree(pred_bag, gold_bag):
                scores[g, p] = _token_f1(pred_bag, gold_bag)
    rows, cols = linear_sum_assignment(-scores)
    return float(scores[rows, cols].sum() / max(len(gold), len(pred)))


def gold_answers(question: dict) -> list[str]:
    """The gold spans of a TAT-QA question: the list as is, a number or string as one span."""
    answer = question["answer"]
    if isinstance(answer, list):
        return [str(a) for a in answer]
    if question.get("answer_type") == "count":
        return [str(int(float(answer)))]
    return [str(answer)]


def em_f1(predicted: Sequence[str], gold: Sequence[str], pred_scale: str = "",
          gold_scale: str = "") -> tuple[float, float]:
    """Exact match and F1 (each 0..1) of a predicted bag of spans against one gold bag."""
    pred = [tokens(p, pred_scale) for p in predicted]
    ref = [tokens(g, gold_scale) for g in gold]
    pred, ref = [t for t in pred if t], [t for t in ref if t]     # the gold has stray "" spans
    if not pred or not ref:
        return 0.0, 0.0
    em = float(sorted(" ".join(t) for t in pred) == sorted(" ".join(t) for t in ref))
    return em, _bag_f1([set(t) for t in pred], [set(t) for t in ref])


def best_em_f1(predicted: Sequence[str], golds: Sequence[Sequence[str]], pred_scale: str = "",
               gold_scale: str = "") -> tuple[float, float]:
    """:func:`em_f1` against the best of several gold bags (each maximised separately)."""
    scores = [em_f1(predicted, g, pred_scale, gold_scale) for g in golds]
    return (max(s[0] for s in scores), max(s[1] for s in scores)) if scores else (0.0, 0.0)
