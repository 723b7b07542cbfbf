"""The trust or company a fund is a series of: "Which trust is the Fund part of?".

A fund is usually one series of a trust (or corporation) that registers it, and a filing
names that trust in one of four ways, tried in this order:

- in the text: "<Fund>, a series of <Trust>", "<Fund>, a portfolio of <Trust>" (a name of two
  or more words that says it is a trust, fund, series or company); of several, the one whose
  fund the question names best, and never a predecessor's ("formerly a series of…", "the
  successor of X, a series of…");
- on the cover: "A Portfolio of Federated Hermes Equity Funds";
- as a defined name: "THE ADVISORS’ INNER CIRCLE FUND II (the “Trust”)";
- as a cover line that is a name with "Trust" in it ("JPMORGAN TRUST IV").

Not handled: a trust named only in the SEC header of a submission (the cover reader's file
numbers and the header facts answer those questions), and names that hold a lower-case word
other than "of", "and", "for" or "the".
"""
from __future__ import annotations

import re

from qa.reading.readers.table_rows import pick
from qa.understanding.headers import label_scores

COVER_CHARS = 2500
_NAME = r"[A-Z][\w’'&.-]*(?:,? (?:(?:of|and|for|the) )?(?:[A-Z][\w’'&.-]*|[IVX]+\b|\d{1,2}\b))*"
_SERIES_OF = re.compile(rf"(?i:\b(?P<former>formerly )?(?:a|the) (?:series|portfolio) of (?:the )?)(?P<name>{_NAME})")
_DEFINED = re.compile(r"\(\s*the\s+[“\"]Trust[”\"]\s*\)")
_TRUST_LINE = re.compile(rf"^\s*(?P<name>{_NAME})\s*$", re.MULTILINE)
_ENTITY = re.compile(r"\b(?:Trust|Funds?|Series|Portfolios|Company|Corporation|Inc)\b", re.IGNORECASE)
_PREDECESSOR = re.compile(r"\b(?:successor|predecessor|formerly|acquir\w*|merged|reorganiz\w*)\b", re.IGNORECASE)
_BODY = {"Board", "Trustees", "Directors"}
_CONNECTOR = {"of", "and", "for", "the"}


def registrant(source: str, question: str) -> tuple[int, int] | None:
    """Source offsets of the name of the trust the question's fund is a series of; None when
    the filing names none (see module)."""
    return _series_of(source, question) or _defined(source) or _cover_line(source)


def _series_of(source: str, question: str) -> tuple[int, int] | None:
    found = [m for m in _SERIES_OF.finditer(source) if not m.group("former") and _ENTITY.search(m.group("name"))
             and len(m.group("name").split()) > 1 and not _PREDECESSOR.search(_context(source, m.start()))]
    if not found:
        return None
    contexts = [_context(source, m.start()) for m in found]
    chosen = pick(label_scores(question, contexts), contexts) if len(found) > 1 else None
    match = found[chosen[0][0]] if chosen is not None else found[0]
    return _trimmed(source, match.start("name"), match.end("name"))


def _context(source: str, at: int) -> str:
    """The text before ``at`` on its line or in its table cell: the fund a "series of" speaks of."""
    lo = max(source.rfind("\n", 0, at), source.rfind("|", 0, at), source.rfind(". ", 0, at)) + 1
    return source[lo:at]


def _defined(source: str) -> tuple[int, int] | None:
    found = _DEFINED.search(source, 0, COVER_CHARS * 4)
    if found is None:
        return None
    before = source[max(0, found.start() - 120):found.start()].rstrip()
    end = found.start() - (len(source[max(0, found.start() - 120):found.start()]) - len(before))
    words = before.split()
    kept: list[str] = []
    for word in reversed(words):
        bare = word.rstrip(",")
        if not (bare[:1].isupper() or bare in _CONNECTOR or bare.isdigit() and len(bare) <= 2):
            break
        kept.insert(0, word)
    while kept and kept[0].rstrip(",") in _CONNECTOR or any(w in _BODY for w in kept[:-1]):
        kept.pop(0)                     # "the Board of Trustees of Met Investors Series Trust"
    if not kept:
        return None
    start = source.rfind(kept[0], 0, end)
    return _trimmed(source, start, end)


def _cover_line(source: str) -> tuple[int, int] | None:
    for m in _TRUST_LINE.finditer(source, 0, COVER_CHARS):
        name = m.group("name")
        if re.search(r"\btrust\b", name, re.IGNORECASE) and len(name.split()) <= 10:
            return _trimmed(source, m.start("name"), m.end("name"))
    return None


def _trimmed(source: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without a trailing comma or stop, and without a trailing "(the" word."""
    while end > start and source[end - 1] in ",. ":
        end -= 1
    return (start, end) if end > start else None
