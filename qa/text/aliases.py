"""The names a filing gives itself: the defined term of its own subject and its market symbol.

A filing introduces itself once, '(“SPY” or the “Trust”)', '(the “Fund”)', and may print its
symbol: 'under the market symbol “SPY”', 'Ticker: VSFAX'.  A question naming such a name
("SPY's total expenses") asks about the filing itself, not about one of its tables.

Not handled: aliases given without curly or straight quotes, and symbols printed only inside
tables (a class's ticker in a share-class table is that class's, not the filing's).
"""
from __future__ import annotations

import re

_SUBJECT = r"(?:Trust|Fund|Funds|Portfolio|Company|Registrant|Corporation|Partnership|Series)"
_ALIAS = re.compile(r"[“\"]([A-Z][\w&.\- ]{0,40}?)[”\"]\s+or\s+(?:the\s+)?[“\"]" + _SUBJECT + r"[”\"]")
_SYMBOL = re.compile(r"\b(?:market|trading|ticker|stock)\s+symbols?\s*(?:of\s+)?[:“\"]?\s*[“\"]?([A-Z]{2,6})\b")


def own_names(source: str) -> set[str]:
    """Lower-cased words of the aliases and market symbols ``source`` gives its subject."""
    found = [m.group(1) for pattern in (_ALIAS, _SYMBOL) for m in pattern.finditer(source)]
    return {w.lower().rstrip(".") for name in found for w in re.findall(r"[A-Za-z][A-Za-z0-9&.\-]*", name)}
