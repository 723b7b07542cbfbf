"""When a share class began: "What is the Class R6 inception date?", "When did Class II shares
commence operations?".

A fund filing gives a class's inception date in prose, in a returns table's row label, in a
column of dates, or in a "since inception" column's label —

    Class II shares of the Fund commenced operations on December 19, 2019.
    | Class I (Inception date: August 1, 2016) |  |  |
    | Class R6 | 10.69% | 7.03% | 11/24/2015 |          (under a "Fund Inception Date" column)
    | … | Since Inception 11/1/2015(1) |                (the date of the classes with values under it)

The question analysis says when a class's start is asked (``Intents.inception``).  This reader
finds every such date with the class it belongs to and answers with the one of the class the
question names (for a question naming none, the fund's own: "The Fund commenced operations on…").
A "since inception" label's date belongs to the classes whose rows have a value under it,
and is taken only when that is one class.

Not handled: dates the filing gives only in a footnote away from its label, dates printed
otherwise than "11/1/2015" or "November 1, 2015", and a predecessor fund's inception.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, FilingFactReader, ReadPassage
from qa.text.numbers import MONTH
from qa.understanding.questions import Question
from qa.understanding.share_classes import classes_named, same_class

SCORE = 0.9
_DATE = rf"(?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{MONTH}\s+\d{{1,2}},\s+\d{{4}})"
_BEGAN = r"(?:commenced operations|began operations|inception date|inception|incepted|launched|was first offered)"
_PROSE = re.compile(rf"(?P<who>[^.|\n]{{0,80}}?)\b{_BEGAN}\b(?:\s+(?:on|date|of|:))*[:\s]*(?P<date>{_DATE})", re.IGNORECASE)
_NO_VALUE = {"", "—", "–", "-", "n/a", "na", "none"}

Found = tuple[frozenset[str] | None, int, int]        # (class, or None for the fund; date span)


class InceptionReader(FilingFactReader):
    """The inception date of the share class the question names (see module docstring)."""

    name = "inception"

    def __init__(self, sources: dict[str, str]):
        super().__init__(sources)
        self._found: dict[str, list[Found]] = {}

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.intents.inception or not passages:
            return []
        doc = passages[0].chunk.doc_id
        if doc not in self._found:
            source = self.sources[doc]
            self._found[doc] = _stated(source) + _labelled(source)
        asked = question.classes
        found = self._found[doc]
        if asked:       # the class as named first ("Class I", not "Class II" that "I" may abbreviate)
            found = [f for f in found if f[0] in asked] + [f for f in found if f[0] is not None and f[0] not in asked
                                                             and any(same_class(a, f[0]) for a in asked)]
        else:
            found = [f for f in found if f[0] is None]
        return [Candidate(doc, found[0][1], found[0][2], SCORE, 0, self.name, {"inception": True})] if found else []


def _stated(source: str) -> list[Found]:
    """Dates stated in prose or a row label, with the class named just before them (None: "the Fund")."""
    out: list[Found] = []
    for m in _PROSE.finditer(source):
        named = classes_named(m.group("who"))
        if named:
            out.append((named[-1], m.start("date"), m.end("date")))
        elif re.search(r"\b(?:the|this) (?:fund|portfolio)\b", m.group("who"), re.IGNORECASE):
            out.append((None, m.start("date"), m.end("date")))
    return out


def _labelled(source: str) -> list[Found]:
    """Dates in a pipe table under or in an "Inception" column label."""
    out: list[Found] = []
    for table in re.finditer(r"(?:^\|[^\n]*\n?)+", source, re.MULTILINE):
        out.extend(_table_dates(source, table.start(), table.group()))
    return out


def _cells(line: str, at: int) -> list[tuple[str, int]]:
    """A pipe-table line's cells as (stripped text, source offset of the text)."""
    out, pos = [], at + 1
    for piece in line.strip().strip("|").split("|"):
        lead = len(piece) - len(piece.lstrip())
        out.append((piece.strip(), pos + lead))
        pos += len(piece) + 1
    return out


def _table_dates(source: str, at: int, text: str) -> list[Found]:
    lines, offsets, pos = text.split("\n"), [], at
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    rule = next((i for i, line in enumerate(lines) if re.fullmatch(r"\|(?:\s*:?-+:?\s*\|)+\s*", line)), None)
    if rule is None:
        return []
    header = [_cells(lines[i], offsets[i]) for i in range(rule)]
    body = [_cells(lines[i], offsets[i]) for i in range(rule + 1, len(lines)) if lines[i].strip()]
    out: list[Found] = []
    for col in range(1, max((len(r) for r in header), default=0)):
        label = [row[col] for row in header if col < len(row)]
        if not any(re.search(r"\binception\b", t, re.IGNORECASE) for t, _ in label):
            continue
        dated = [(t, o, re.search(_DATE, t)) for t, o in label]
        in_label = next(((o + d.start(), o + d.end(), t) for t, o, d in dated if d), None)
        out.extend(_column(body, col, in_label, " ".join(t for t, _ in label)))
    return out


def _column(body: list[list[tuple[str, int]]], col: int, in_label, label: str) -> list[Found]:
    """The classes' dates of an inception column: each row's own date, or the label's date for
    the one class whose rows have a value under it (or the class the label names)."""
    current: frozenset[str] | None = None
    holders: list[frozenset[str]] = []
    out: list[Found] = []
    for row in body:
        named = classes_named(row[0][0]) if row else []
        if named or (row and all(not t for t, _ in row[1:])):
            current = named[-1] if named else None
        if col >= len(row) or row[col][0].lower() in _NO_VALUE or current is None:
            continue
        text, offset = row[col]
        own = re.search(_DATE, text)
        if own and in_label is None:
            out.append((current, offset + own.start(), offset + own.end()))
        elif not any(same_class(current, h) for h in holders):
            holders.append(current)
    if in_label is not None:
        named = classes_named(label)
        owner = named[-1] if named else (holders[0] if len(holders) == 1 else None)
        if owner is not None:
            out.append((owner, in_label[0], in_label[1]))
    return out
