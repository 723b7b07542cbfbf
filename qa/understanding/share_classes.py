"""The share classes a text names, and whether a question names a class its filing has.

A class is named as "Class C", "Class R6", "R6", "Institutional Class", "Investor Shares" or
"Admiral Shares" (:data:`qa.understanding.lexicon.SHARE_CLASS`), and stands as its own words
({"c"}, {"institutional"}).  "Class I" and "Institutional Class" may be one class.

Not handled: classes a filing names only in capitals of another form ("INSTITUTIONAL SHARES" is
read; "I-SHARES" is not), and classes named only by ticker.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from qa.understanding.lexicon import SHARE_CLASS, class_words

_LETTERED = re.compile(r"\b[Cc]lass\s+[A-Z0-9]{1,3}\b(?![-–])")     # not the "1" of "Investor Class 1-year"
# words a share-class pattern takes in before a class's own ("the Fund Investor Shares")
NOT_CLASS = re.compile(r"^(?:the|this|which|what|each|all|its|fund|share)\b\s*", re.IGNORECASE)


# "Earnings Per Share", "Common Shares", "Treasury Shares" are no share class of a fund
_NOT_A_CLASS = frozenset({"per", "common", "ordinary", "preferred", "preference", "treasury", "restricted",
                          "outstanding", "issued", "diluted", "basic", "weighted", "average", "trust", "fund", "total"})


def classes_named(text: str) -> list[frozenset[str]]:
    """The share classes a text names, each as its own words ("Class C" -> {"c"}, "Fund Investor
    Shares" -> {"investor"}); "Fund Shares" and "Which Class" name none."""
    text = re.sub(r"\b(?:\d{1,2}|one|five|ten)[-– ](?:years?|yrs?)\b", " ", text)   # "Class 1-year": no Class 1
    masked = _LETTERED.sub(lambda m: "#" * len(m.group()), text)     # "Growth Fund Class A": "Class A" only
    named = [class_words(m.group()) for m in _LETTERED.finditer(text)]
    named += [class_words(NOT_CLASS.sub("", m.group())) for m in SHARE_CLASS.finditer(masked)]
    return [words for words in named if words and not words & _NOT_A_CLASS]


def same_class(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two class names can be one class: one's words hold the other's, or one is a
    letter that begins the other's only word ("Class I", "Institutional Class"; not "Class R",
    "Class R6")."""
    if a <= b or b <= a:
        return True
    if len(a) != 1 or len(b) != 1:
        return False
    letter, word = sorted((next(iter(a)), next(iter(b))), key=len)
    return len(letter) == 1 and word.isalpha() and word.startswith(letter)


def other_class_named(asked: Sequence[frozenset[str]], named: Sequence[frozenset[str]]) -> bool:
    """Whether a text naming the classes ``named`` is about other classes than the ``asked`` ones:
    it names some, none of them asked (a text naming no class may be about any)."""
    return bool(asked) and bool(named) and not any(same_class(a, n) for a in asked for n in named)


def unknown_class(asked: Sequence[frozenset[str]], held: Sequence[frozenset[str]]) -> bool:
    """Whether a question naming the share classes ``asked`` (``Question.classes``) names one
    that is none of ``held``, the classes its filing names (:func:`filing_classes`): "the 12b-1
    fee for Class R shares" of a filing with Classes A, C, I and R6.  Then the filing does not
    say.  False when the question names no class, or the filing names none."""
    return bool(asked) and bool(held) and any(not any(same_class(a, h) for h in held) for a in asked)


# a table header naming classes by code alone: "| Expenses ($) | A | C | I | R2 | R6 |"
_CODE_HEADER = re.compile(r"^\|[^|\n]*\|((?:\s*[A-Z]{1,2}\d?\s*\|){2,})\s*$", re.MULTILINE)


def filing_classes(source: str) -> list[frozenset[str]]:
    """The distinct share classes a filing names anywhere (its capitals read as words), and those
    a table's header row names by code alone ("A", "C", "R6")."""
    text = re.sub(r"\b(CLASS|SHARES?)\b", lambda m: m.group().title(), source)
    coded = [frozenset({c.strip().lower()}) for m in _CODE_HEADER.finditer(source) for c in m.group(1).split("|") if c.strip()]
    return list(dict.fromkeys(classes_named(text) + coded))
