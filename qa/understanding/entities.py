"""Typed spans in a text: dates, years, percentages, money, durations, addresses, names.

Patterns cover the forms filings print (``August 10, 2006``, ``12/31/05``,
``(8.87)%``, ``$1,159``, ``$2 billion``, ``29 years``, ``399 Park Avenue, New
York, New York 10022``); names come from spaCy's ``en_core_web_sm`` NER.
Not handled: relative dates ("last year"), spelled-out amounts ("two billion"
is recognised by :mod:`qa.text.numbers`, not here).
"""
from __future__ import annotations

import re

from qa.runtime import models
from qa.text.numbers import MONTH

_MONTH = MONTH
PATTERNS = {
    "date": re.compile(rf"\b{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\b|\b{_MONTH}\s*,?\s+\d{{4}}\b|"
                       r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
    "year": re.compile(r"\b(?:19|20)\d{2}\b"),
    "percent": re.compile(r"\(\d*\.?\d+\)\s?%|-?\d*\.?\d+\s?%|\b\d*\.?\d+\s+(?:percent|per cent|basis points)\b"),
    "money": re.compile(r"\$\s?\d+(?:,\d{3})*(?:\.\d+)?(?:\s+(?:thousand|million|billion))?"),
    "duration": re.compile(r"\b(?:more than |over |about |nearly )?\d+\s+(?:years|months)\b"),
    "address": re.compile(r"\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,4}(?:Avenue|Street|Road|Boulevard|Plaza|"
                          r"Place|Drive|Lane|Way|Parkway|Center)(?:,?\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}){0,3}"
                          r"(?:,?\s+\d{5}(?:-\d{4})?)?"),
    "number": re.compile(r"\b\d[\d,]*(?:\.\d+)?\b"),
}
KIND_LABELS = {
    "entity": {"PERSON", "ORG"}, "person": {"PERSON"}, "org": {"ORG"},
    "date": {"date", "year"}, "year": {"year"}, "percent": {"percent"}, "money": {"money"},
    "quantity": {"percent", "money"}, "number": {"number"}, "duration": {"duration"},
    "location": {"address", "GPE", "FAC", "LOC"},
}
_NER_LABELS = {"PERSON", "ORG", "GPE", "FAC", "LOC"}


def pattern_spans(text: str, labels: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of every pattern match with one of ``labels``."""
    out = []
    for label in labels & PATTERNS.keys():
        out.extend((m.start(), m.end(), label) for m in PATTERNS[label].finditer(text))
    return out


def entity_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of spaCy's people, organisations and places in ``text``."""
    doc = models.entity_tagger()(text)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in _NER_LABELS]


def typed_spans(text: str, kind: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` that could answer a question of ``kind`` (empty for untyped kinds)."""
    labels = KIND_LABELS.get(kind, set())
    spans = pattern_spans(text, labels)
    if labels & _NER_LABELS:
        spans += [s for s in entity_spans(text) if s[2] in labels]
    return [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0]
                                        for o in spans)]


def matches_kind(text: str, kind: str) -> bool | None:
    """Whether ``text`` holds something of ``kind``; None when the kind has no check."""
    labels = KIND_LABELS.get(kind)
    if not labels:
        return None
    if pattern_spans(text, labels):
        return True
    if labels & _NER_LABELS:
        return any(s[2] in labels for s in entity_spans(text))
    return False
