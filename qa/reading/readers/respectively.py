"""Sentences that pair two lists with "respectively": "…for the Class A and Class B shares
… will not exceed 0.90% and 1.15%, respectively" answers "the cap for Class B?" with 1.15%.

The values are the typed items (percentages, amounts, dates) listed just before
"respectively"; the labels are a coordinated phrase earlier in the sentence with as many
parts, whose parts differ only in their last word ("Class A and Class B", "the first and
second years") or, after amounts, the phrase just before "respectively" ("$2.5 million
and $2.6 million during fiscal 2019 and 2018, respectively").  A sentence with several
"respectively" answers from the clause the question speaks of ("…, of which $9,028 and
$9,189, respectively, related to software").  The question must name one part (or several
together: "in 2019 and 2018 respectively") and more than half of its other terms must occur
in the sentence; the more of them do, the higher the score.  When the sentence states a
bound ("will not exceed 0.90% and 1.15%"), the value is a stronger answer to a question
about the bound ("the maximum…", "the cap…") and a weaker one to a question that asks for
no bound (a table cell for the quantity itself should win).  "Why…?" gets no value.

Labels are parts alike in all but their last word ("Class A and Class B") or capitalised names
sharing their last word ("Institutional Shares or Institutional Plus Shares"); lists may be joined
by "or" as well as "and".

Not handled: lists of more than four parts, labels unlike in both ways ("Fund X and the Index"), and a percentage answering a question about an amount
("the revenue from the United States" read as its share of revenue).
"""
from __future__ import annotations

import re

from qa.reading.arithmetic import OVER_LISTED
from qa.reading.readers.base import Candidate, ReadPassage
from qa.reading.readers.typed import sentence_ranges
from qa.text import lexical
from qa.understanding.entities import PATTERNS
from qa.understanding.headers import label_scores
from qa.understanding.questions import Question

_VALUE = re.compile("|".join(f"(?:{PATTERNS[k].pattern})" for k in ("percent", "money", "date")))
_AMOUNT = re.compile("|".join(f"(?:{PATTERNS[k].pattern})" for k in ("percent", "money")) + r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b")
_JOIN = r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)"
_JOINS = (",", "and", "or")
_NOT_LABEL = lexical.STOP_WORDS | {"respectively", "we", "our", "us", "it", "its", "they", "their", "you", "he", "she"}
_GAP = 14               # words after trailing amounts: connector + labels ("were paid in fiscal years 2019 and 2018")
_BOUND = re.compile(r"\b(?:not\s+(?:to\s+)?exceed|no\s+more\s+than|limited\s+to|up\s+to|at\s+most|"
                    r"capped\s+at|maximum\s+of)\b", re.IGNORECASE)
_QUANTITY = frozenset(lexical.terms("amount value figure number sum"))
BOUND_FACTOR = {True: 1.1, False: 0.8}     # a stated bound, asked about or not


def _run(sentence: str, end: int, pattern: re.Pattern, gap: int) -> list[tuple[int, int]]:
    """The run of two or more values (``pattern``) joined by commas/"and" that ends before
    ``end`` with at most ``gap`` words and no other value between."""
    items = list(pattern.finditer(sentence[:end]))
    run: list[re.Match] = []
    for m in reversed(items):
        if run and not re.fullmatch(_JOIN, sentence[m.end():run[0].start()]):
            break
        run.insert(0, m)
    tail = sentence[run[-1].end():end] if run else ""
    fits = re.fullmatch(r"[\s,]*", tail) if gap == 0 else len(tail.split()) <= gap
    return [m.span() for m in run] if len(run) >= 2 and fits else []


def _values(sentence: str, cut: int | None = None) -> list[tuple[int, int]]:
    """The run of values that ends just before "respectively" (the last one, or the one at ``cut``)."""
    cut = sentence.lower().rfind("respectively") if cut is None else cut
    return _run(sentence, cut, _VALUE, 0) if cut >= 0 else []


def _trailing(sentence: str, cut: int) -> tuple[list, list]:
    """Amounts, then the labels they pair with just before "respectively": "$2.5 million and
    $2.6 million during fiscal 2019 and 2018, respectively"."""
    head = len(sentence[:cut].rstrip(" ,"))
    values = _run(sentence, head, _AMOUNT, _GAP)
    if not 1 < len(values) <= 4:
        return [], []
    words = list(re.finditer(r"[A-Za-z0-9][\w.-]*|,", sentence[values[-1][1]:head]))
    for w in (3, 2, 1):
        found = _parts(words, len(words), len(values), w)
        if found:
            return values, [(values[-1][1] + a, values[-1][1] + b) for a, b in found]
    return [], []


def groups(sentence: str) -> list[tuple[list, list, int]]:
    """Each "respectively" of the sentence with its values, their labels and its offset."""
    out = []
    for m in re.finditer(r"\brespectively\b", sentence, re.IGNORECASE):
        values = _values(sentence, m.start())
        labels = _labels(sentence, len(values), values[0][0]) if 1 < len(values) <= 4 else []
        if not labels:
            values, labels = _trailing(sentence, m.start())
        if labels:
            out.append((values, labels, m.start()))
    return out


def _parts(words: list[re.Match], i: int, n: int, w: int) -> list[tuple[int, int]] | None:
    """``n`` parts of ``w`` words each, the last of them ending at word ``i`` (exclusive),
    joined by "," and/or "and", alike in all but their last word."""
    parts, end = [], i
    for k in range(n):
        part = words[end - w:end]
        if len(part) < w or any(m.group() in _JOINS for m in part) or \
                all(m.group().lower() in _NOT_LABEL for m in part):       # "respectively, of"; "2018, we"
            return None
        parts.insert(0, part)
        if k < n - 1:
            joins = []
            end -= w
            while end > 0 and words[end - 1].group() in _JOINS:
                end -= 1
                joins.append(words[end].group())
            if not joins:
                return None
    stems = {tuple(m.group().lower() for m in p[:-1]) for p in parts}
    lasts = {p[-1].group().lower() for p in parts}
    if len(stems) != 1 or len(lasts) != n:
        return None
    return [(p[0].start(), p[-1].end()) for p in parts]


def _named_parts(words: list[re.Match], i: int, n: int) -> list[tuple[int, int]] | None:
    """``n`` capitalised names of one to four words, the last ending at word ``i``, joined by
    "," / "and" / "or" and sharing their last word ("Investor Shares and Admiral Shares",
    "Institutional Shares or Institutional Plus Shares")."""
    parts, end = [], i
    for k in range(n):
        start = end
        while start > 0 and end - start < 4 and words[start - 1].group()[:1].isupper():
            start -= 1
        if start == end:
            return None
        parts.insert(0, words[start:end])
        if k < n - 1:
            end = start
            while end > 0 and words[end - 1].group() in _JOINS:
                end -= 1
            if end == start:
                return None
    lasts = {p[-1].group().lower() for p in parts}
    names = {" ".join(m.group().lower() for m in p) for p in parts}
    if len(lasts) != 1 or len(names) != n:
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
        found = _named_parts(words, i, n)
        if found:
            return found
    return []


def _coverage(question: Question, sentence: str, label: str) -> float:
    """How much of what the question asks beyond the label the sentence says: the share of
    its other terms ("CDSC" in "the CDSC on Class B?") found in the sentence, 1 when it asks
    nothing more.  A word for a bound ("cap", "limit") counts as said when the sentence states
    one ("will not exceed"); a word for a quantity ("amount", "value") is not asked."""
    extra = set(question.terms) - set(lexical.terms(label)) - _QUANTITY
    if _BOUND.search(sentence):
        extra -= set(lexical.terms(" ".join(question.intents.bound_words)))
    return len(extra & lexical.term_set(sentence)) / len(extra) if extra else 1.0


def _windows(sentence: str, found: list[tuple[list, list, int]]) -> list[str]:
    """The clause each group speaks of: from the previous "respectively" to its own (the last
    group's to the sentence end: "…, of which $9,028 and $9,189, respectively, related to software")."""
    ends = [cut + len("respectively") for _, _, cut in found]
    starts = [0] + ends[:-1]
    ends[-1] = len(sentence)
    return [sentence[a:b] for a, b in zip(starts, ends)]


def _chosen(question: Question, sentence: str, found: list) -> tuple[list, list]:
    """The group the question is about: the last whose clause holds a question term that no
    earlier clause holds ("…, of which $9,028 and $9,189, respectively, related to software"),
    else the first."""
    if len(found) == 1:
        return found[0][:2]
    wanted, seen, pick = set(question.terms), set(), found[0]
    for group, window in zip(found, _windows(sentence, found)):
        terms = lexical.term_set(window) & wanted
        if terms - seen and seen:
            pick = group
        seen |= terms
    return pick[:2]


def _named(question: Question, labels: list[str]) -> list[int]:
    """The labels the question names: the one best named, or several it asks for together
    ("in 2019 and 2018 respectively"; not "higher in 2019 or 2018?")."""
    scores = label_scores(question.text, labels)
    best = max(range(len(scores)), key=lambda i: scores[i])
    if scores[best] < 0.8:
        return []
    named = [i for i, x in enumerate(scores) if x >= 0.8]
    if len(named) > 1 and question.intents.compares:
        return []
    if len(named) > 1:
        return named
    return [best] if sorted(scores)[-2] < scores[best] else []


class RespectivelyReader:
    """Maps the part of a coordinated phrase the question names to its value (the parts it
    names together to their values)."""

    name = "respectively"
    threshold = 0.5
    structural = True

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if question.intents.explains:       # "why…?" is not answered by a value
            return []
        out = []
        for p_idx, passage in enumerate(passages):
            for vs, ve in sentence_ranges(passage):
                if "respectively" in passage.view.text[vs:ve].lower():
                    out += self._sentence(question, passage, p_idx, vs, ve)
        return sorted(out, key=lambda c: -c.score)

    def _sentence(self, question: Question, passage: ReadPassage, p_idx: int, vs: int, ve: int) -> list[Candidate]:
        """The candidate one sentence (view range [vs, ve)) gives, if any."""
        sentence = passage.view.text[vs:ve]
        found = groups(sentence)
        if not found:
            return []
        values, labels = _chosen(question, sentence, found)
        named = _named(question, [sentence[s:e] for s, e in labels])
        if len(named) > 1 and question.operation in OVER_LISTED:
            return []                     # "the sum of X in 2018 and 2019" is computed, not listed
        cover = _coverage(question, sentence, " ".join(sentence[slice(*labels[i])] for i in named)) if named else 0.0
        if cover <= 0.5:                  # the question asks what the sentence does not say
            return []
        spans = [passage.view.to_source(vs + values[i][0], vs + values[i][1]) for i in named]
        score = (0.75 + 0.22 * cover) / (1.0 + 0.02 * passage.rank)
        if _BOUND.search(sentence[min(labels[-1][1], values[0][0]):values[0][0]]):
            score = min(0.99, score * BOUND_FACTOR[bool(question.intents.bound_words)])
        if not all(spans):
            return []
        return [Candidate(passage.chunk.doc_id, spans[0][0], spans[-1][1], score, p_idx, self.name,
                          {"label": sentence[slice(*labels[named[0]])]}, parts=tuple(spans) if len(spans) > 1 else ())]
