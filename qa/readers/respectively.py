"""Sentences that pair two lists with "respectively": "…for the Class A and Class B shares
… will not exceed 0.90% and 1.15%, respectively" answers "the cap for Class B?" with 1.15%.

The values are the typed items (percentages, amounts, dates) listed just before
"respectively"; the labels are a coordinated phrase earlier in the sentence
with as many parts, whose parts differ only in their last word ("Class A and
Class B", "the first and second years").  The question must name one part and
share more than half of its other terms with the sentence.  When the sentence states a
bound ("will not exceed 0.90% and 1.15%"), the value is a stronger answer to a question
about the bound ("the maximum…", "the cap…") and a weaker one to a question that asks for
no bound (a table cell for the quantity itself should win).

Not handled: lists of more than four parts, and labels that differ in more than
their last word ("Fund X and the Index").
"""
from __future__ import annotations

import re

from qa import lexical
from qa.entities import PATTERNS
from qa.headers import label_scores
from qa.questions import Question
from qa.readers.base import Candidate, ReadPassage
from qa.readers.typed import sentence_ranges

_VALUE = re.compile("|".join(f"(?:{PATTERNS[k].pattern})" for k in ("percent", "money", "date")))
_JOIN = r"(?:,\s*(?:and\s+)?|\s+and\s+)"
_BOUND = re.compile(r"\b(?:not\s+(?:to\s+)?exceed|no\s+more\s+than|limited\s+to|up\s+to|at\s+most|"
                    r"capped\s+at|maximum\s+of)\b", re.IGNORECASE)
_ASKS_BOUND = re.compile(r"\b(?:caps?|capped|limit\w*|exceeds?|max\w*|ceiling|at most|up to)\b",
                         re.IGNORECASE)
BOUND_FACTOR = {True: 1.1, False: 0.8}     # a stated bound, asked about or not


def _values(sentence: str) -> list[tuple[int, int]]:
    """The run of values joined by commas/"and" that ends just before "respectively"."""
    cut = sentence.lower().rfind("respectively")
    if cut < 0:
        return []
    items = list(_VALUE.finditer(sentence[:cut]))
    run: list[re.Match] = []
    for m in reversed(items):
        if run and not re.fullmatch(_JOIN, sentence[m.end():run[0].start()]):
            break
        run.insert(0, m)
    tail = sentence[run[-1].end():cut] if run else ""
    return [m.span() for m in run] if len(run) >= 2 and re.fullmatch(r"[\s,]*", tail) else []


def _parts(words: list[re.Match], i: int, n: int, w: int) -> list[tuple[int, int]] | None:
    """``n`` parts of ``w`` words each, the last of them ending at word ``i`` (exclusive),
    joined by "," and/or "and", alike in all but their last word."""
    parts, end = [], i
    for k in range(n):
        part = words[end - w:end]
        if len(part) < w or any(m.group() in (",", "and") for m in part):
            return None
        parts.insert(0, part)
        if k < n - 1:
            joins = []
            end -= w
            while end > 0 and words[end - 1].group() in (",", "and"):
                end -= 1
                joins.append(words[end].group())
            if not joins:
                return None
    stems = {tuple(m.group().lower() for m in p[:-1]) for p in parts}
    lasts = {p[-1].group().lower() for p in parts}
    if len(stems) != 1 or len(lasts) != n:
        return None
    return [(p[0].start(), p[-1].end()) for p in parts]


def _labels(sentence: str, n: int, before: int) -> list[tuple[int, int]]:
    """The last coordinated phrase of ``n`` parts before offset ``before`` (see module doc)."""
    words = list(re.finditer(r"[A-Za-z0-9][\w.-]*|,", sentence[:before]))
    for i in range(len(words), 0, -1):
        for w in (3, 2, 1):
            found = _parts(words, i, n, w)
            if found:
                return found
    return []


def _about(question: Question, sentence: str, label: str) -> bool:
    """The question asks what the sentence says of the label: more than half of its terms
    beyond the label's ("CDSC" in "the CDSC on Class B?") occur in the sentence.  A word for a
    bound ("cap", "limit") counts as said when the sentence states one ("will not exceed")."""
    extra = set(question.terms) - set(lexical.terms(label))
    if _BOUND.search(sentence):
        extra -= set(lexical.terms(" ".join(_ASKS_BOUND.findall(question.text))))
    return not extra or lexical.mostly_in(extra, sentence)


class RespectivelyReader:
    """Maps the part of a coordinated phrase the question names to its value."""

    name = "respectively"
    threshold = 0.5
    structural = True

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        out = []
        for p_idx, passage in enumerate(passages):
            text = passage.view.text
            for vs, ve in sentence_ranges(passage):
                sentence = text[vs:ve]
                if "respectively" not in sentence.lower():
                    continue
                values = _values(sentence)
                labels = _labels(sentence, len(values), values[0][0]) if 1 < len(values) <= 4 else []
                if not labels:
                    continue
                scores = label_scores(question.text, [sentence[s:e] for s, e in labels])
                best = max(range(len(scores)), key=lambda i: scores[i])
                if scores[best] < 0.8 or sorted(scores)[-2] >= scores[best] or \
                        not _about(question, sentence, sentence[slice(*labels[best])]):
                    continue
                src = passage.view.to_source(vs + values[best][0], vs + values[best][1])
                score = 0.9 / (1.0 + 0.02 * passage.rank)
                if _BOUND.search(sentence[labels[-1][1]:values[0][0]]):
                    score = min(0.99, score * BOUND_FACTOR[bool(_ASKS_BOUND.search(question.text))])
                if src:
                    out.append(Candidate(passage.chunk.doc_id, src[0], src[1], score, p_idx, self.name,
                                         {"label": sentence[slice(*labels[best])]}))
        return sorted(out, key=lambda c: -c.score)
