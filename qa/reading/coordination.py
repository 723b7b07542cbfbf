"""Run a span read from a list in prose over the whole list, by the list's punctuation.

A reader asked for several things often returns one item of a list printed inside a
sentence: "corporate bonds" of "…in corporate bonds, securities issued by…, and other fixed
income securities", or the last of "Bridge City Capital, LLC; …; and Tieton Capital
Management, LLC".  The parser's conjuncts (:func:`qa.reading.phrases.coordinated`) miss such
lists when they are long or their items hold clauses; this module reads them by their
separators instead.  :func:`listed` widens a span that stands at the start or the end of a list
whose items are set off by commas or semicolons and whose last item follows "and" or "or".

- Forward: from a span followed by a separator, over the items up to the one after the
  final "and"/"or", which ends at the sentence's end or before a clause ("…LLC *as
  subadvisers*", "…, which…").
- Backward: from a span that follows "and"/"or", back over the items to the first, which
  starts after the verb, the preposition on a verb, or the colon that introduces the list.

Not handled: lists whose items hold the separator themselves outside brackets ("Dallas,
Texas; Boston, Massachusetts" is read with semicolons only when a semicolon follows the
span), a span in the middle of a list (it is widened only from an end), lists that run over
a sentence's end, and lists of more than 15 items or with an item of more than 40 words.
"""
from __future__ import annotations

import re

from qa.runtime import models

_MAX_ITEMS = 15
_MAX_WORDS = 40
_LEAD_SEP = re.compile(r"(?:\s*\([^()]{1,80}\))?[ \t]*([;,])\s+")     # "X (at least BBB-), …"
_CONJ = re.compile(r"(?:and/or|and|or)\s+", re.IGNORECASE)
_BEFORE_CONJ = re.compile(r"(?:([;,])\s+)?(?:and/or|and|or)\s+$", re.IGNORECASE)
# a clause or phrase after the last item that is not part of it
_AFTER_LAST = re.compile(r",?\s+(?:as|that|which|who|whom|whose|where|when|while|because|if|unless|although|"
                         r"so that|in order to)\b|\s+[\u2014\u2013]\s+|\s*[:;]", re.IGNORECASE)
_STOP_POS = {"VERB", "AUX", "SCONJ"}
_FINITE = {"VBZ", "VBP", "VBD", "MD"}
_INNER_CONJ = re.compile(r"\s(?:and|or)\s+", re.IGNORECASE)
_WHOLE_LIST = re.compile(r"[,;]\s.*\s(?:and|or)\s", re.IGNORECASE | re.DOTALL)


def listed(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """[start, end) widened over the list it opens or closes (see module); unchanged otherwise."""
    first, last = sentence
    if not first <= start < end <= last:
        return start, end
    new_end = _forward(text, start, end, last)
    new_start = _backward(text, start, first) if new_end == end else start
    return new_start, new_end


def _pieces(text: str, lo: int, hi: int, sep: str) -> list[tuple[int, int]]:
    """[lo, hi) split at ``sep`` outside brackets and quotes, as (start, end) of each piece."""
    out, depth, begin = [], 0, lo
    for i in range(lo, hi):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == sep and depth == 0:
            out.append((begin, i))
            begin = i + 1
    out.append((begin, hi))
    return out


def _words(text: str, lo: int, hi: int) -> int:
    return len(text[lo:hi].split())


def _forward(text: str, start: int, end: int, last: int) -> int:
    """The end of the last item of a list whose first item is [start, end); ``end`` if none."""
    lead = _LEAD_SEP.match(text, end, last)
    if not lead or _WHOLE_LIST.search(text, start, end):
        return end                                          # no separator follows, or the span is a list
    pieces = []
    for lo, hi in _pieces(text, lead.start(1), last, lead.group(1))[1:_MAX_ITEMS + 1]:
        item = text[lo:hi].lstrip()
        pieces.append((hi - len(item), hi))
    final = next((n for n, (lo, hi) in enumerate(pieces) if _CONJ.match(text, lo, hi)
                  and _phrase_follows(text, _CONJ.match(text, lo, hi).end(), hi)), None)
    if final is not None:                                   # ", and Z" / "; or Z"
        lo, hi = pieces[final]
        ok = final > 0 and all(_item(text, *piece) for piece in pieces[:final])
        found = _last_item_end(text, _CONJ.match(text, lo, hi).end(), hi) if ok else None
        return end if found is None else found
    for lo, hi in pieces:                                   # "…, Y and Z"
        if not _item(text, lo, hi):
            return end
        inner = _INNER_CONJ.search(text, lo, hi)
        if inner:
            found = _last_item_end(text, inner.end(), hi)
            return end if found is None else found
    return end


def _item(text: str, lo: int, hi: int) -> bool:
    """Whether the piece [lo, hi) can be a list's item: short, and not a clause."""
    return 0 < _words(text, lo, hi) <= _MAX_WORDS and _phrase_follows(text, lo, hi)


def _phrase_follows(text: str, lo: int, hi: int) -> bool:
    """Whether [lo, hi) opens with a phrase an item can be, not a verb or a pronoun ("…, or *are*
    determined by the Adviser…", "…, and *it* may…")."""
    doc = models.phrase_parser()(text[lo:min(hi, lo + 80)])
    return bool(len(doc)) and doc[0].pos_ not in _STOP_POS and not (doc[0].pos_ == "PRON" and doc[0].tag_ != "PRP$")


def _last_item_end(text: str, lo: int, hi: int) -> int | None:
    """Where the list's last item, starting at ``lo``, ends: before a clause or a finite verb that
    follows it ("…LLC *are the Subadvisers*"), or before the sentence's closing stop."""
    stop = _AFTER_LAST.search(text, lo, hi)
    cut = stop.start() if stop and stop.start() > lo else hi
    verb = next((t for t in models.phrase_parser()(text[lo:cut]) if t.tag_ in _FINITE and t.i > 0), None)
    cut = lo + verb.idx if verb is not None else cut
    item = text[lo:cut].rstrip(" \t\n.,;")
    if not item or _words(text, lo, lo + len(item)) > _MAX_WORDS:
        return None
    return lo + len(item)


def _backward(text: str, start: int, first: int) -> int:
    """The start of the first item of a list whose last item starts at ``start``; ``start`` if none."""
    before = _BEFORE_CONJ.search(text, first, start)
    if not before or before.end() != start or not before.group(1) and "," not in text[first:before.start()]:
        return start                                        # "A and B": the parser's conjuncts serve
    pieces = _pieces(text, first, before.start(), before.group(1) or ",")
    for n, (lo, hi) in enumerate(reversed(pieces[-_MAX_ITEMS:])):
        if _words(text, lo, hi) > _MAX_WORDS or not text[lo:hi].strip():
            return start
        opening = _first_item_start(text, lo, hi)
        if opening is None:
            return start
        if text[opening:hi].strip() != text[lo:hi].strip():   # the piece that introduces the list
            return opening if n else start
    return opening if len(pieces) > 1 and len(pieces) <= _MAX_ITEMS else start   # the list opens the sentence


def _first_item_start(text: str, lo: int, hi: int) -> int | None:
    """The start of the noun phrase that ends the piece [lo, hi): the words after its last verb,
    preposition on a verb, or colon, or the whole piece when it holds none of them; None when
    the piece ends in one."""
    doc = models.phrase_parser()(text[lo:hi])
    tokens = [t for t in doc if not t.is_space]
    for i in range(len(tokens) - 1, -1, -1):
        t = tokens[i]
        if t.pos_ in _STOP_POS or t.text in (":", ";", ".") or \
                (t.dep_ in ("prep", "agent") and t.head.pos_ in ("VERB", "AUX")):
            return None if i == len(tokens) - 1 else lo + tokens[i + 1].idx
    return lo + tokens[0].idx if tokens else None
