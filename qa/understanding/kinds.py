"""Whether a structural reader's answer is of the kind the question asks for, by its form alone.

A table cell is a number, a date or words.  "Who manages the fund?" is not answered by
"2.15%"; "What is the 12b-1 fee?" is not answered by "Class A"; "When…?" needs a digit.
:func:`agrees` says so without a model (the neural reader checks named entities instead).

Not handled: words that state an amount ("nil", "one-half"), and kinds without a check
("other", "list", "duration"), which always agree.
"""
from __future__ import annotations

import re

from qa.text.numbers import NONE_WORDS

_VALUE = re.compile(r"^[\s$\u20ac\u00a3%().,:\-\u2212\u2013\u2014+*\d/]+$")
_DATE = re.compile(r"^(?:\d{1,2}[QH]\s*\d{4}|(?:[1-4](?:st|nd|rd|th)\s+quarter\s+)?\d{4}|"
                   r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
                   r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}/\d{2,4}|(?:q[1-4]|quarter)\s*\d{4}|"
                   r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))$", re.IGNORECASE)   # EDGAR's "20240418"
_COUNT = re.compile(r"^\(?-?(?:\d{1,3}(?:,\d{3})+|\d{4,})\)?$")     # "900,000", "1031": a count, sum or code, no percentage
_AMOUNTS = {"percent", "money", "quantity", "number"}


def _parts(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


def is_amount(text: str) -> bool:
    """Every part is a printed number ("0.25%", "$1,159", "(8.87)%") or a stand-in for none
    ("None", "—", "$—")."""
    parts = _parts(text)
    return bool(parts) and all(p.lower().lstrip("$\u20ac\u00a3 ") in NONE_WORDS or (_VALUE.match(p) and any(c.isdigit() for c in p))
                               for p in parts)


def is_date(text: str) -> bool:
    parts = _parts(text)
    return bool(parts) and all(_DATE.match(p) for p in parts)


def is_rate(text: str) -> bool:
    """Whether ``text`` ends as a rate does, in a percent sign ("1.00%", "(0.35)%", "0.25%*"):
    what an investor would pay is no rate."""
    return text.rstrip(")* ").endswith("%")


def expects_amount(kind: str) -> bool:
    """Whether a question of ``kind`` asks for an amount (a percentage, money, a number)."""
    return kind in _AMOUNTS


def agrees(kind: str, text: str) -> bool:
    """False when ``text`` cannot answer a question expecting ``kind``."""
    if kind in ("entity", "location"):
        return not (is_amount(text) or is_date(text))
    if kind == "percent" and is_amount(text) and all(p.lstrip("(-").startswith("$") or _COUNT.match(p) for p in _parts(text)):
        return False                         # "the 5-year return" is not "$915", a share of assets not "900,000"
    if kind in _AMOUNTS:
        if is_date(text) and (not is_amount(text) or all(p.count("/") == 2 for p in _parts(text))):
            return False                     # "the highest quarterly return" is not "June 30, 2020", nor "11/07/2017"
        return any(c.isdigit() for c in text) or is_amount(text)
    if kind in ("date", "year"):              # "When did Class I commence?" is not "1.06%"
        return any(c.isdigit() for c in text) and (is_date(text) or not is_amount(text))
    return True
