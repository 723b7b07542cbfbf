"""The people who manage a fund, every one of them: "Who are the portfolio managers?".

A fund filing names its portfolio managers in a section of their own, one person to a
paragraph, bullet or table row, each starting with the name —

    Portfolio Managers
    Kate Fox, CFA, Partner of Baillie Gifford & Co. ... She has co-managed the Fund since 2022.
    Lee Qian, CFA, Portfolio Manager at Baillie Gifford. He has co-managed the Fund since ...

or as a run-in paragraph under "Management": ``Portfolio Managers. Stephen E. Grant has primary
responsibility for ... Liane Rosenberg has primary responsibility for ...``.

The question analysis says when every manager is asked for (``Question.managers``).  This
reader takes the section of the asked filing that a retrieved passage falls in (else its first),
and answers with each name that begins a paragraph, bullet, sentence or table row there and
that the entity tagger reads as a person, in order, once each ("Mr. Grant" repeats no one).

Not handled: managers named only inside a sentence ("… is managed by A and B"), sections headed
otherwise ("Management Team"), and the managers of one sub-adviser of several (all are given).
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, ReadPassage
from qa.runtime import models
from qa.understanding.questions import Question

SCORE = 0.9
_RUN_ON = 3       # chunks of a run-in section read, at most (its heading's)
_HEADING = re.compile(r"\bportfolio manag(?:er|ers|ement)\b", re.IGNORECASE)
_RUN_IN = re.compile(r"(?:^|\n)[ \t]*Portfolio Manag(?:ers?|ement)(?: Team)?[ \t]*[.:—–-][ \t]*", re.IGNORECASE)
# a name where a paragraph, bullet or sentence begins, before its credentials or verb
_WORD = r"[A-Z][^\W\d_A-Z][\w’'\-]*"
_STARTS = re.compile(rf"(?:^|\n|[.;]\s+)[ \t>•●◦▪\-–*]*(?P<name>{_WORD}(?:\s+[A-Z]\.)*"
                     rf"(?:\s+(?:de|van|von|da|di|del|la|le|{_WORD}|[A-Z]\.)){{1,3}}(?:,?\s+(?:Jr|Sr)\.|\s+I{{2,3}})?)"
                     r"(?=,|\s+[A-Z]{2,5}\b|\s+(?:has|have|is|was|serves|served|joined|will|became|had|co-manages|"
                     r"manages|and|\())")
_NOT_FIRST = frozenset({"The", "This", "Each", "Mr", "Ms", "Mrs", "Dr", "Portfolio", "Investment", "Fund", "Prior",
                        "Since", "Before", "After", "As", "In", "From", "Effective"})
# a credential after a name says it is a person's, whatever the entity tagger reads ("Cesar Orosco, CFA, Ph.D.")
_CREDENTIAL = re.compile(r",\s+(?:CFA|CPA|CAIA|FRM|Ph\.\s?D\.|J\.D\.|M\.B\.A\.)(?=[\s,.;])")
_NAME_ONLY = re.compile(rf"{_WORD}(?:\s+[A-Z]\.)*(?:\s+(?:{_WORD}|[A-Z]\.)){{1,3}}(?:,?\s+(?:Jr|Sr)\.)?")


class ManagerReader:
    """Every portfolio manager of the asked filing (see module docstring)."""

    name = "managers"
    threshold = 0.5
    structural = True

    def __init__(self, data):
        self.data = data
        self._runs: dict[str, list[list[tuple[int, int, bool]]]] = {}    # per filing, its managers' sections

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.managers or not passages:
            return []
        doc = passages[0].chunk.doc_id
        people = self._people(doc, self._section(doc, passages))
        if not people:
            return []
        return [Candidate(doc, people[0][0], people[-1][1], SCORE, 0, self.name, {"people": len(people)},
                          tuple(people) if len(people) > 1 else ())]

    def _section(self, doc: str, passages: list[ReadPassage]) -> list[tuple[int, int, bool]]:
        """(start, end, is a table) of the managers' section: the chunks under a "Portfolio
        Managers" heading that a retrieved passage falls in (else the first such run of chunks),
        or the run-in paragraph's text to the end of its chunk."""
        if doc not in self._runs:
            self._runs[doc] = self._headed(doc) or [self._run_in(doc)]
        runs = self._runs[doc]
        hit = {(p.chunk.start, p.chunk.end) for p in passages if p.chunk.doc_id == doc}
        return next((run for run in runs if any((s, e) in hit for s, e, _ in run)), runs[0])

    def _headed(self, doc: str) -> list[list[tuple[int, int, bool]]]:
        """The runs of chunks under a "Portfolio Managers" heading, in filing order (read once per filing)."""
        runs: list[list[tuple[int, int, bool]]] = []
        last = None
        for chunk in self.data.chunks:
            if chunk.doc_id != doc or chunk.kind == "table":
                continue
            if _HEADING.search(chunk.heading or ""):
                if last is None or chunk.heading != last.heading:
                    runs.append([])
                runs[-1].append((chunk.start, chunk.end, chunk.kind == "cell"))
                last = chunk
            else:
                last = None
        return runs

    def _run_in(self, doc: str) -> list[tuple[int, int, bool]]:
        source = self.data.sources[doc]
        m = _RUN_IN.search(source)
        if m is None:
            return []
        chunks = [c for c in self.data.chunks if c.doc_id == doc and c.kind == "prose" and c.end > m.end()]
        chunks = [c for c in chunks if c.heading == chunks[0].heading][:_RUN_ON] if chunks else []
        return [(max(m.end(), c.start), c.end, False) for c in chunks] or \
            [(m.end(), min(len(source), m.end() + 2000), False)]

    def _people(self, doc: str, section: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
        """Each person's name where it first begins a paragraph, bullet, sentence or cell."""
        source = self.data.sources[doc]
        found: list[tuple[int, int]] = []
        seen: set[str] = set()
        for start, end, cell in section:
            text = source[start:end]
            spans = [(0, len(text))] if cell and _NAME_ONLY.fullmatch(text.strip()) else \
                [m.span("name") for m in _STARTS.finditer(text)]
            for s, e in spans:
                name = text[s:e].strip()
                key = name.split()[-1].strip(".,").lower() if not name.endswith(".") else name.split()[-2].lower()
                if name.split()[0] in _NOT_FIRST or key in seen or not (_person(text, s, e) or _CREDENTIAL.match(text, e)):
                    continue
                seen.add(key)
                found.append((start + s, start + s + len(text[s:e].rstrip())))
        return found


def _person(text: str, start: int, end: int) -> bool:
    """Whether the entity tagger reads ``text[start:end]``, with the words after it, as a person."""
    doc = models.entity_tagger()(text[start:min(len(text), end + 80)])
    return any(ent.label_ == "PERSON" and ent.start_char <= 2 and ent.end_char >= end - start - 2 for ent in doc.ents)
