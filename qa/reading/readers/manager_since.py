"""Since when a named portfolio manager has managed the fund: "Since when has Andrew Susser managed
the fund?", "How long has Adam Shane been managing the fund?".

A fund summary gives each manager's start in their row of a table, after their name, or in a
sentence about them —

    | MacKay Shields LLC | Andrew Susser, Executive Managing Director | Since 2012 |
    Adam M. Shane, CFA / Senior Vice President… / Length of Service: Since July 2023
    Ms. Rosenberg has been a portfolio manager with the Adviser since 2009 and has been one of the
    Fund’s portfolio managers since 2012.

The question analysis says when it is asked (``Intents.manager_since``).  This reader finds the
person's full name (else surname) in the filing and the "since …" after it in the same table
row, or labelled ("Length of Service:") within a few lines; of two, the one that speaks of the
fund (not "with the Adviser") unless the question asks about the adviser.  It answers with
"Since" and the date as printed, or the date alone for "what year…?".  Sentences ("Ms.
Rosenberg has been…since 2012") are left to the span reader.

Not handled: a start given without "since" ("joined in 2015", "Portfolio Manager, 2012"), and
a surname two managers share.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, FilingFactReader, ReadPassage
from qa.text.numbers import MONTH
from qa.understanding.questions import Question

SCORE = 0.9
_RECORD = 250         # characters after a name where its labelled "since" may be
_SINCE = re.compile(rf"\b[Ss]ince\s+(?P<date>(?:(?:its |the Fund[’']s )?inception (?:in )?)?(?:{MONTH}\s+)?\d{{4}}\b"
                    r"|\d{1,2}/\d{2,4}\b)")
_NAME = re.compile(r"\b(?:[A-Z][\w’'é-]+\s+(?:[A-Z]\.\s+)*)+(?P<surname>[A-Z][\w’'é-]+)(?:,?\s+Jr\.)?"
                   r"|\bhas\s+(?P<alone>[A-Z][\w’'é-]+)\s+been\b")
_NOT_NAME = {"Fund", "Funds", "Class", "Trust", "Portfolio", "Shares", "Since", "When", "How", "What", "Which",
             "Index", "Adviser", "Advisor", "PM"}
_FUND_NEAR = re.compile(r"\b(?:Fund|Portfolio|Trust)\b", re.IGNORECASE)
_ADVISER = re.compile(r"\b(?:advis[eo]r|firm|company)\b", re.IGNORECASE)
_LABELLED = re.compile(r"\b(?:Length of Service|Service Date|Manager Since|Managed the Fund Since)\s*:?\s*(?P<since>[Ss]ince)\b",
                       re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\b(?:what|which)\s+year\b", re.IGNORECASE)


def person_names(question: str) -> list[str]:
    """The person the question names, as patterns to look for: the full name (middle initials
    optional), then the surname alone ("Susser" of "…Andrew Susser managed…"); [] when none."""
    for m in _NAME.finditer(question):
        name = m.group("surname") or m.group("alone")
        if not name or name in _NOT_NAME or m.group(0).split()[0] in _NOT_NAME:
            continue
        words = [w for w in m.group(0).split() if not re.fullmatch(r"[A-Z]\.|Jr\.?|has|been", w)]
        full = r"\s+(?:[A-Z]\.\s+)*".join(re.escape(w.rstrip(",")) for w in words)
        return [rf"\b{full}\b", rf"\b{re.escape(name)}\b"] if len(words) > 1 else [rf"\b{re.escape(name)}\b"]
    return []


class ManagerSinceReader(FilingFactReader):
    """The start of the named manager's service (see module docstring)."""

    name = "manager_since"

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        names = person_names(question.asked or question.text) if question.intents.manager_since else []
        if not names or not passages:
            return []
        doc, source = self.filing(passages)
        adviser = bool(_ADVISER.search(question.text))
        if len(names) > 1 and re.search(names[0], source):
            names = names[:1]                 # the full name is printed: its surname may be another's
        for pattern in names:                 # the full name, else the surname; in a table row, then a record
            for since_of in (lambda at: _in_row(source, at, adviser), lambda at: _labelled_since(source, at)):
                for at in re.finditer(pattern, source):
                    found = since_of(at.end())
                    if found is not None:
                        return [Candidate(doc, *_as_printed(source, found, question), SCORE, 0, self.name,
                                          {"person": at.group(0)})]
        return []


def _as_printed(source: str, found: re.Match, question: Question) -> tuple[int, int]:
    """"Since 2012" as a table or a record prints it (a capital, or after "|" or ":"); the date
    alone after a lower-case "since" ("(since 08/25)") or for "what year…?"."""
    before = source[max(0, found.start() - 3):found.start()]
    label = found.group(0)[0] == "S" or before.rstrip(" ").endswith(("|", ":"))
    if label and not _YEAR_ONLY.search(question.text):
        return found.start(), found.end()
    return found.start("date"), found.end()


def _labelled_since(source: str, at: int) -> re.Match | None:
    """A labelled "since" ("Length of Service: Since July 2023") within a few lines after a name
    ending at ``at`` that is not in a table row.  A "since" in a sentence is left to the span
    reader, which reads which of several the question means."""
    if source.startswith("|", source.rfind("\n", 0, at) + 1):
        return None
    labelled = _LABELLED.search(source, at, at + _RECORD)
    return _SINCE.match(source, labelled.end() - len(labelled.group("since"))) if labelled else None


def _in_row(source: str, at: int, adviser: bool) -> re.Match | None:
    """The "since" of the table row in which a name ends at ``at``; of two, the fund's."""
    if not source.startswith("|", source.rfind("\n", 0, at) + 1):
        return None
    end = source.find("\n", at)
    found = list(_SINCE.finditer(source, at, len(source) if end == -1 else end))
    if len(found) > 1 and not adviser:      # "…with the Adviser since 2009 and … the Fund's … since 2012"
        of_fund = [m for m in found if _FUND_NEAR.search(source, max(at, m.start() - 60), m.start())
                   and not _ADVISER.search(source, max(at, m.start() - 40), m.start())]
        found = of_fund or found
    return found[0] if found else None
