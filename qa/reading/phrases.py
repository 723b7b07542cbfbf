"""Complete a reader's span to the phrase it stops inside.

A SQuAD-trained reader often stops one word short of the phrase a person would
quote: "S&P 500" for "S&P 500 Index", "emerging growth" for "emerging growth
companies", "CAM North America" for "CAM North America, LLC".  Given a span of a
source text, :func:`complete` widens it, within its sentence, to

- the end of the noun phrase whose head noun lies to the right of the span,
- the edges of a named entity the span cuts through,
- a company suffix that follows a name (", LLC", "Inc.", "L.P.").

and, when asked (``complements=True``, for questions that do not ask for a date or
an amount), over the complement the span's last words govern: "the performance
*of those companies*", "greater risk *than investments in…*", "It is not possible
*to invest directly in an index*".

For a question asking for an explanation, :func:`explanation` runs the span on to the end of
its sentence ("release of the valuation allowance *associated with prior credits*"), and
:func:`qa.reading.parts.value_parts` splits a span that lists values into them.

It never shortens a span and never moves its start to take in a determiner.
Not handled: participle clauses after the head ("the year *ended December 31,
2005*"), complements the parser attaches elsewhere or that run past the 100
characters parsed on each side, sentence ends the segmenter misses ("the U.S. Currency…"); spans over table cells (callers keep those as printed).
"""
from __future__ import annotations

import re

from qa.reading import coordination, parts
from qa.runtime import models
from qa.text import lexical
from qa.text.numbers import parse_number
from qa.understanding.questions import Question

_WINDOW = 100          # characters of context parsed on each side of the span (whole words)
_SUFFIX = re.compile(r",?\s+(?:LLC|L\.L\.C\.|Inc\.|Inc\b|Corp\.|Corporation\b|Ltd\.|L\.P\.|LP\b|"
                     r"plc\b|N\.A\.)")
_SPACES = re.compile(r"\s+")
_DETERMINER = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_QUANTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
_COMPLEMENTS = {"prep", "agent", "xcomp", "acomp", "pobj", "dobj", "attr", "oprd", "dative"}


def _squashed(text: str) -> tuple[str, list[int]]:
    """``text`` with each whitespace run as one space, and each output character's source index."""
    out, index, pos = [], [], 0
    for m in _SPACES.finditer(text):
        out.append(text[pos:m.start()])
        index.extend(range(pos, m.start()))
        out.append(" ")
        index.append(m.start())
        pos = m.end()
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index


def _joins(ent, start: int) -> bool:
    """Whether the part of ``ent`` before ``start`` modifies the span rather than being a name of
    its own ("Board of Trustees of | Met Investors Series Trust" is two names, not one)."""
    return not any(t.pos_ in {"ADP", "CCONJ", "PUNCT", "VERB"} for t in ent if t.idx < start)


def _widened(doc, start: int, end: int) -> tuple[int, int]:
    """The widest completion of [start, end) in the parsed ``doc`` (squashed coordinates)."""
    new_start, new_end = start, end
    for ent in doc.ents:
        if ent.start_char < end < ent.end_char:
            new_end = max(new_end, ent.end_char)
        if ent.start_char < start < ent.end_char and _joins(ent, start):
            new_start = min(new_start, ent.start_char)
    for chunk in doc.noun_chunks:
        if chunk.start_char < end < chunk.end_char and chunk.root.idx >= end and chunk.start_char < end:
            new_end = max(new_end, chunk.end_char)
    suffix = _SUFFIX.match(doc.text, new_end)
    if suffix and doc.text[new_end - 1:new_end].isalpha() and doc.text[start:start + 1].isupper():
        new_end = suffix.end()
    return new_start, new_end


def _complemented(doc, start: int, end: int) -> int:
    """The end of [start, end) taken over the complement that follows it, when the span ends on a
    word that governs one: a preposition's object or a comparison ("the performance *of those
    companies…*", "greater risk *than investments in…*", "It is not possible *to invest directly
    in an index*").  Coordinated, appositive and relative parts are left out."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside or inside[-1].ent_type_ in _QUANTITIES:     # "September 22, 2006" is whole
        return end
    after = next((t for t in doc if t.idx >= end), None)
    if after is None or after.is_punct:
        return end
    for head in reversed(inside):
        for child in head.rights:
            if child.left_edge.i == after.i and child.dep_ in _COMPLEMENTS:
                last = child.right_edge
                return max(end, last.idx + len(last.text))
    return end


_AFTER_SIGN = re.compile(r"\s?(?:[\u2014\u2013-]|\d[\d,]*(?:\.\d+)?)")


def tidy(text: str, start: int, end: int, period: bool = False) -> tuple[int, int]:
    """Cut an unclosed bracket or quote (and what follows it) off the end of a span, and
    take in the opening quote of a quoted word the span starts on: 'X, LLC ("X' -> 'X, LLC';
    take in the opening bracket of a bracketed number it closes ("0.03)%" -> "(0.03)%") and the
    value after a lone currency sign ("$" -> "$—"); with ``period``, also a sentence's closing
    full stop."""
    piece, first = text[start:end], start
    if ")" in piece and "(" not in piece[:piece.index(")")] and text[start - 1:start] == "(" and \
            any(c.isdigit() for c in piece[:piece.index(")")]):
        piece, first, start = text[start - 1:end], start - 1, start - 1     # "0.03)%" -> "(0.03)%"
    if piece in ("$", "€", "£"):
        value = _AFTER_SIGN.match(text, end)
        if value:
            piece, end = text[start:value.end()], value.end()              # "$" -> "$—"
    for opener, closer in (("(", ")"), ("[", "]")):
        cut = piece.rfind(opener)
        if cut > 0 and closer not in piece[cut:]:
            piece = piece[:cut]
    if piece.count('"') % 2 and piece.startswith('"'):
        if text[start + len(piece):start + len(piece) + 1] == '"':
            piece += '"'
        else:
            piece, first = piece[1:], start + 1
            start += 1
    elif piece.count('"') % 2:
        if text[start - 1:start] == '"':
            first = start - 1
        else:
            piece = piece[:piece.rfind('"')]
    stripped = piece.rstrip(" \t\n,;:(|" + ("." if period else ""))     # "|": a pipe table's cell border
    return (first, start + len(stripped)) if stripped else (start, end)


def complete(text: str, start: int, end: int, complements: bool = False,
             limit: int | None = None) -> tuple[int, int]:
    """Source offsets of the span [start, end) of ``text`` completed to its phrase (see module),
    with ``complements`` also over the complement it governs (:func:`_complemented`), never past
    ``limit`` (the end of the sentence as the index split it), then tidied (:func:`tidy`)."""
    if not 0 <= start < end <= len(text):
        return start, end
    new_start, new_end = _completed(text, start, end, complements)
    if limit is not None:
        new_end = max(end, min(new_end, limit))
    return tidy(text, new_start, new_end)


_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b")
_NEGATION = re.compile(r"(?:not|no|never|none)\b", re.IGNORECASE)


def explanation(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """The span [start, end) run on to the end of its ``sentence`` (source offsets), for a question
    asking for an explanation: "release of the tax valuation allowance *associated with…*".  Not
    over a clause set off by ", which"/", who", and not at all when the span opens the sentence and a
    comma follows it (a fronted clause: "In order to X, performance is shown")."""
    first, last = sentence
    if end >= last:
        return start, end
    if text[end:end + 1] == "," and not text[first:start].strip():
        return start, end
    relative = _RELATIVE.search(text, end, last)
    return tidy(text, start, relative.start() if relative else last, period=True)


_UNITS = frozenset(lexical.terms("years months weeks days hours percent per cent basis points times"))


def _names_echo(text: str, read: tuple[int, int], end: int, question: Question) -> bool:
    """Whether an amount was completed to the noun it counts and the question names that noun
    ("50 *franchise restaurants*" for "How many franchise restaurants…?").  A unit ("2.5 *years*")
    is part of the amount, and a lone digit may be a footnote marker ("1 Adjustment of…")."""
    tail, amount = lexical.terms(text[read[1]:end]), text[read[0]:read[1]].strip()
    return bool(tail) and tail[0] not in _UNITS and parse_number(amount) is not None and \
        not re.fullmatch(r"\d", amount) and tail[0] in question.terms


def _echoes(span: str, question: Question) -> bool:
    """Whether the question names most of the span's words: then it picks that item out of a
    list ("which short-term debt obligations…?" of "High Quality Short-Term Debt Obligations")
    rather than asking for the whole list."""
    words = set(lexical.terms(span))
    return bool(words) and 2 * len(words & set(question.terms)) > len(words)


def shape(text: str, start: int, end: int, sentence: tuple[int, int] | None, question: Question | None,
          complements: bool) -> list[tuple[int, int]]:
    """A read span as it answers ``question``: :func:`complete`, then for an explanation
    question :func:`explanation`, then split by :mod:`qa.reading.parts`; one span or
    several parts.
    Without the question or the span's sentence, only :func:`complete`."""
    read = (start, end)
    start, end = complete(text, start, end, complements=complements, limit=sentence[1] if sentence else None)
    if question is None or sentence is None:
        return [(start, end)]
    if _names_echo(text, read, end, question):
        start, end = read                     # "$872 million" of "…the $872 million charge?"
    if question.intents.yes_no and _NEGATION.match(text, start):
        # "not offered directly to the public" answers with what is not: "Shares … are not offered…"
        end = sentence[1] if not text[start:end].strip(" .").count(" ") else end
        return [tidy(text, sentence[0], end, period=True)]
    if question.intents.explains:
        start, end = explanation(text, start, end, sentence)
    elif (question.intents.several or question.kind == "list") and not _echoes(text[start:end], question):
        start, listed_end = coordination.listed(text, start, end, sentence)
        end = max(listed_end, coordinated(text, start, end, sentence))
    return parts.value_parts(text, start, end, sentence, question) or parts.name_parts(text, start, end, question) \
        or [(start, end)]


_SENTENCE_PARSED = 600     # characters of a sentence parsed for its coordination, at most
_CLAUSES = {"relcl", "acl", "advcl", "punct", "cc"}      # never part of a coordination's words
_OWN_EDGE = _CLAUSES | {"conj", "appos"}                 # not part of one conjunct's own words


def _edge(token) -> int:
    """The index of the last word of ``token``'s own phrase: its right subtree without clauses,
    appositions, punctuation or further conjuncts ("Corentin Tarlier", not "…Tarlier, who are…")."""
    ends = [_edge(c) for c in token.rights if c.dep_ not in _OWN_EDGE]
    return max([token.i, *ends])


def coordinated(text: str, start: int, end: int, sentence: tuple[int, int]) -> int:
    """The end of [start, end) run on over the conjuncts that follow the word heading it, for a
    question asking for several things: "April" -> "April, July, October and January",
    "futures" -> "futures, options and swap agreements", "Software & Services 11.58%" -> the five
    groups of "…were: Software & Services 11.58%; …; and Financial Services 8.17%".  The span's
    end when its head has no conjunct after it.
    Not handled: coordinations the parser attaches to another word than the span's head, and
    sentences longer than 600 characters (parsed only that far from the span's start)."""
    lo, hi = _word_edges(text, max(sentence[0], start - 100), min(sentence[1], start + _SENTENCE_PARSED))
    lo, hi = min(lo, start), max(hi, end)
    squashed, index = _squashed(text[lo:hi])
    at = {src: i for i, src in enumerate(index)}
    s, e = at.get(start - lo), at.get(end - 1 - lo)
    if s is None or e is None:
        return end
    doc = models.phrase_parser()(squashed)
    inside = [t for t in doc if s <= t.idx <= e]
    heads = [t for t in inside if t.head not in inside or t.head == t]
    if len(heads) != 1:
        return end
    head = heads[0]
    later = [c for c in head.conjuncts if c.i > inside[-1].i]
    if not later:
        return end
    last = max(_edge(c) for c in later)
    while last + 1 < len(doc) and head in doc[last + 1].ancestors and doc[last + 1].dep_ not in _CLAUSES \
            and (not doc[last + 1].is_punct or doc[last + 1].text == "%"):
        last += 1                               # "… and Financial Services *8.17%*"
    token = doc[last]
    return max(end, lo + index[token.idx + len(token.text) - 1] + 1)


def _word_edges(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``lo`` moved forward and ``hi`` back to whitespace, so no word is parsed in part."""
    if lo > 0 and not text[lo - 1].isspace():
        cut = _SPACES.search(text, lo)
        lo = cut.end() if cut else lo
    if hi < len(text) and not text[hi].isspace():
        cut = max(text.rfind(" ", lo, hi), text.rfind("\n", lo, hi))
        hi = cut if cut > lo else hi
    return lo, hi


def _completed(text: str, start: int, end: int, complements: bool) -> tuple[int, int]:
    """:func:`_widened` on the parse of the span's neighbourhood, kept inside its sentence."""
    lo, hi = _word_edges(text, max(0, start - _WINDOW), min(len(text), end + _WINDOW))
    lo, hi = min(lo, start), max(hi, end)
    squashed, index = _squashed(text[lo:hi])
    at = {src: i for i, src in enumerate(index)}
    s = at.get(start - lo)
    e = at.get(end - 1 - lo)
    if s is None or e is None:
        return start, end
    doc = models.phrase_parser()(squashed)
    sentence = next((sent for sent in doc.sents if sent.start_char <= s < sent.end_char), None)
    new_s, new_e = _widened(doc, s, e + 1)
    if complements:
        new_e = _complemented(doc, new_s, new_e)
    if sentence is not None:
        new_s, new_e = max(new_s, sentence.start_char), min(new_e, sentence.end_char)
    new_s, new_e = min(new_s, s), max(new_e, e + 1)
    if new_s < s:
        det = _DETERMINER.match(squashed, new_s)
        new_s = min(det.end(), s) if det else new_s
    return lo + index[new_s], lo + index[new_e - 1] + 1

