"""Cover facts read from the whole filing: a fund's ticker symbols and the SEC file numbers.

A summary prospectus prints its tickers on the cover ("CLASS R6 SHARES (TICKER VSFSX)",
"Institutional Shares (Ticker: MZCIX)", a class/ticker table) and a registration statement
or 10-K its file numbers ("Investment Company Act File No. 811-06125", "Commission File
Number: 001-36743").  The question analysis says which fact is asked (``Question.cover``);
this reader finds every ticker or file number of the filing and picks the one whose line the
question names best (the class, the act), by the same label matching as table headers.

Not handled: tickers printed without a "Ticker"/"Symbol" word nearby that do not end in X
(ETF tickers in running text), and file numbers of other registrants named in the filing.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, ReadPassage
from qa.reading.readers.table_rows import pick
from qa.understanding.headers import label_scores
from qa.understanding.questions import Question

_TICKER = re.compile(r"(?:\b(?:ticker|symbol)s?\b(?: symbols?)?[\s:(/|-]{0,4}(?P<a>[A-Z]{2,5})\b)|(?P<b>\b[A-Z]{4}X\b)",
                     re.IGNORECASE)
_FILE_NO = re.compile(r"\b(?P<n>(?:811|033|333|002|001|000|005|814|022|024|028)-\d{4,6})\b")
_ACTS = {"811": "Investment Company Act", "814": "Investment Company Act", "033": "Securities Act registration",
         "333": "Securities Act registration", "002": "Securities Act registration",
         "001": "Exchange Act Commission", "000": "Exchange Act Commission", "005": "Exchange Act Commission"}
_NOT_TICKER = {"THE", "AND", "FUND", "CLASS", "SHARE", "TRUST", "ETF", "INC", "LLC", "NONE", "FOR"}


class CoverReader:
    """Answers "What is the ticker for Class R6?" and "What is the Investment Company Act file number?"."""

    name = "cover"
    threshold = 0.5
    structural = True

    def __init__(self, sources: dict[str, str]):
        self.sources = sources
        self._found: dict[tuple[str, str], list[tuple[int, int, str]]] = {}   # (doc, fact): found once

    def _facts(self, doc_id: str, fact: str) -> list[tuple[int, int, str]]:
        """Every ticker or file number of a filing with its line, scanned once per filing."""
        key = (doc_id, fact)
        if key not in self._found:
            self._found[key] = (_tickers if fact == "ticker" else _file_numbers)(self.sources[doc_id])
        return self._found[key]

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.cover or not passages:
            return []
        doc_id = passages[0].chunk.doc_id
        found = self._facts(doc_id, question.cover)
        if not found:
            return []
        contexts = [context for _, _, context in found]
        chosen = pick(label_scores(question.text, contexts), contexts)
        if chosen is None:
            return []
        named, strength = chosen
        spans = sorted({found[i][:2] for i in named})
        values = {self.sources[doc_id][s:e] for s, e in spans}
        if len(values) > 1 and strength < 0.95:
            return []                            # several, and the question names none of them
        start, end = spans[0]
        return [Candidate(doc_id, start, end, 0.75 + 0.24 * strength, 0, self.name, {"cover": question.cover})]


def _line(source: str, start: int, end: int) -> str:
    lo = source.rfind("\n", 0, start) + 1
    hi = source.find("\n", end)
    return source[max(lo, start - 120):hi if hi >= 0 else len(source)]


def _tickers(source: str) -> list[tuple[int, int, str]]:
    out, seen = [], set()
    for m in _TICKER.finditer(source):
        group = "a" if m.group("a") else "b"
        token = m.group(group)
        if not token.isupper() or token in _NOT_TICKER:
            continue
        span = m.span(group)
        if span not in seen:
            seen.add(span)
            out.append((span[0], span[1], _line(source, *span)))
    return out


def _file_numbers(source: str) -> list[tuple[int, int, str]]:
    return [(m.start("n"), m.end("n"), f"{_line(source, m.start(), m.end())} {_ACTS.get(m.group('n')[:3], '')}")
            for m in _FILE_NO.finditer(source)]
