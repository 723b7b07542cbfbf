"""Cover facts read from the whole filing: a fund's ticker symbols, the SEC file numbers, and
the share classes and funds a filing is about.

A summary prospectus prints its tickers on the cover ("CLASS R6 SHARES (TICKER VSFSX)",
"Institutional Shares (Ticker: MZCIX)", a class/ticker table) and a registration statement
or 10-K its file numbers ("Investment Company Act File No. 811-06125", "Commission File
Number: 001-36743").  The question analysis says which fact is asked (``Question.cover``);
this reader finds every ticker or file number of the filing and picks, by the same label
matching as table headers, first the line the question names (the fund, the act), then of
its several tickers the one whose own label the question names: the class printed beside it
("Class II: INDSX", "VNDFX (Class A)", "R6/VSPRX", "A MDHAX Investor MDHVX") or above it in a
pipe table's header row.  "What are the tickers?" gets every ticker of the line, as printed.
"What share classes does this supplement cover?" gets the cover's class and ticker lines and
"Which funds does this supplement cover?" its lines that are a fund's name alone, "What
date is this supplement?" the date the cover gives it ("Supplement dated August 29, 2025"),
and "Which trust is the Fund part of?" the trust :mod:`qa.reading.readers.registrant` finds.

Not handled: tickers printed without a "Ticker"/"Symbol" word nearby that do not end in X
(ETF tickers in running text), a class label printed after its ticker without parentheses,
file numbers of other registrants named in the filing, and share classes printed only as a
class/ticker table's header.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from qa.reading.readers.base import Candidate, ReadPassage
from qa.reading.readers.registrant import registrant
from qa.reading.readers.table_rows import pick
from qa.understanding.headers import label_scores
from qa.understanding.lexicon import SHARE_CLASS, class_words
from qa.understanding.questions import Question
from qa.understanding.share_classes import NOT_CLASS

_TICKER = re.compile(r"(?:\b(?:ticker|symbol)s?\b(?: symbols?)?[\s:(/|-]{0,4}(?P<a>[A-Z]{2,5})\b)|(?P<b>\b[A-Z]{4}X\b)|"
                     r"(?-i:\b(?:Shares|ETF)\s+\((?P<c>[A-Z]{2,5})\))",       # "… Bond ETF Shares (VTEL)"
                     re.IGNORECASE)
_FILE_NO = re.compile(r"\b(?P<n>(?:811|033|333|002|001|000|005|814|022|024|028)-\d{4,6})\b")
_ACTS = {"811": "Investment Company Act", "814": "Investment Company Act", "033": "Securities Act registration",
         "333": "Securities Act registration", "002": "Securities Act registration",
         "001": "Exchange Act Commission", "000": "Exchange Act Commission", "005": "Exchange Act Commission"}
_SEPARATORS = " \t:;,/|()-\u2013\u2014"
_TICKER_WORD = re.compile(r"\b(?:class\s*/\s*)?(?:ticker|symbol)s?(?: symbols?)?\b", re.IGNORECASE)
_AFTER = re.compile(r"\s*\(([^()]{1,40})\)")
_NOT_TICKER = {"INDEX", "THE", "AND", "FUND", "CLASS", "SHARE", "TRUST", "ETF", "INC", "LLC", "NONE", "FOR"}


class Fact(NamedTuple):
    """A ticker or file number: its span, its line, its own label ("" when none is printed)
    and where that label starts (``start`` when it follows the value)."""

    start: int
    end: int
    line: str
    label: str = ""
    label_start: int = -1
    label_end: int = -1


class CoverReader:
    """Answers "What is the ticker for Class R6?" and "What is the Investment Company Act file number?"."""

    name = "cover"
    threshold = 0.5
    structural = True

    def __init__(self, sources: dict[str, str]):
        self.sources = sources
        self._found: dict[tuple[str, str], list[Fact]] = {}   # (doc, fact): found once

    def _facts(self, doc_id: str, fact: str) -> list[Fact]:
        """Every ticker or file number of a filing with its line, scanned once per filing."""
        key = (doc_id, fact)
        if key not in self._found:
            self._found[key] = (tickers if fact == "ticker" else _file_numbers)(self.sources[doc_id])
        return self._found[key]

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.cover or not passages:
            return []
        doc_id = passages[0].chunk.doc_id
        if question.cover in ("classes", "funds"):
            return self._covered(question.cover, doc_id)
        if question.cover == "dated":
            return self._dated(question, doc_id)
        if question.cover == "trust":
            found = registrant(self.sources[doc_id], question.text)
            return [Candidate(doc_id, *found, 0.9, 0, self.name, {"cover": "trust"})] if found else []
        found = self._facts(doc_id, question.cover)
        if not found:
            return []
        lines = [f.line for f in found]
        chosen = pick(label_scores(question.text, lines), lines)
        named, strength = chosen if chosen is not None else (list(range(len(found))), 0.0)
        facts = sorted({found[i] for i in named})
        source = self.sources[doc_id]
        if len({source[f.start:f.end] for f in facts}) > 1:
            return self._one_of(question, doc_id, facts, strength)
        if question.cover == "ticker" and not _of_class(question.text, facts[0].label or _line_class(facts[0].line)):
            return []                            # the filing's only ticker is another class's
        start, end = facts[0].start, facts[0].end
        return [Candidate(doc_id, start, end, 0.75 + 0.24 * max(strength, 0.5), 0, self.name,
                          {"cover": question.cover})]

    def _covered(self, fact: str, doc_id: str) -> list[Candidate]:
        """The share classes (the cover's class and ticker lines, as printed) or the funds (the
        cover's fund-name lines) a filing is about, as one answer of parts."""
        source = self.sources[doc_id]
        if fact == "classes":
            tickers = [f for f in self._facts(doc_id, "ticker") if f.start < _COVER_CHARS]
            if not tickers or any(source[_bounds(source, f.start)[0]] == "|" for f in tickers):
                return []                        # none, or a class/ticker table (its header holds the classes)
            lines = sorted({_bounds(source, f.start) for f in tickers})
        else:
            lines = _fund_lines(source)
        if not lines:
            return []
        return [Candidate(doc_id, lines[0][0], lines[-1][1], 0.9, 0, self.name, {"cover": fact},
                          tuple(lines) if len(lines) > 1 else ())]

    def _dated(self, question: Question, doc_id: str) -> list[Candidate]:
        """The date the cover gives the document the question names: "Supplement dated August 29,
        2025", "PROSPECTUS DATED JANUARY 28, 2025", "Statement of Additional Information, both
        dated September 8, 2025" (the first such date on the cover); not across a "to" ("SUPPLEMENT TO
        … PROSPECTUS … DATED NOVEMBER 30, 2024" dates the prospectus, not the supplement)."""
        asked = _DOCUMENT.search(question.text)
        if asked is None:
            return []
        kind = asked.group(1).lower().split()[-1]
        word = {"sai": "(?:statement of additional information|SAI)"}.get(kind, kind)
        cover = self.sources[doc_id][:_COVER_CHARS]
        found = re.search(rf"\b{word}\b(?:(?!\bto\b)[^.\n]){{0,120}}?\bdated\s+({_DATE})", cover, re.IGNORECASE) or \
            re.search(rf"\b{word}\b[ \t\u2013\u2014:-]{{1,4}}({_DATE})", cover, re.IGNORECASE)   # "Summary Prospectus April 30, 2018"
        if found is None:
            return []
        return [Candidate(doc_id, found.start(1), found.end(1), 0.9, 0, self.name, {"cover": "dated"})]

    def _one_of(self, question: Question, doc_id: str, facts: list[Fact], strength: float) -> list[Candidate]:
        """Of several tickers, the one whose label the question names; all of one line's when it
        asks for all of them; else none (for file numbers: the first of a line it names)."""
        labels = [f.label for f in facts]
        chosen = pick(label_scores(question.text, labels), labels) if any(labels) else None
        if chosen is not None and chosen[1] >= 0.9 and len(chosen[0]) == 1:
            fact = facts[chosen[0][0]]
            return [Candidate(doc_id, fact.start, fact.end, 0.75 + 0.24 * chosen[1], 0, self.name,
                              {"cover": question.cover, "label": fact.label})]
        same_line = len({f.line for f in facts}) == 1
        if question.intents.every_fact and same_line and all(labels):
            first, last = facts[0], facts[-1]
            start = min(first.start, first.label_start)
            end = max(last.end, last.label_end)
            return [Candidate(doc_id, start, end, 0.9, 0, self.name, {"cover": question.cover, "every": True})]
        if strength < 0.95 or question.cover == "ticker":
            return []                            # several, and the question names none of them
        return [Candidate(doc_id, facts[0].start, facts[0].end, 0.75 + 0.24 * strength, 0, self.name,
                          {"cover": question.cover})]




def _of_class(question: str, label: str) -> bool:
    """Whether a ticker printed under ``label`` ("Investor Class") can be the one the question
    asks for: it names no share class, or names the label's ("Institutional Class" is not)."""
    asked = [m.group() for m in SHARE_CLASS.finditer(question) if not NOT_CLASS.match(m.group())]
    if not asked or not label:
        return True
    named = {w for a in asked for w in class_words(a)}
    own = class_words(label)
    return bool(own) and (own <= named or named <= own)


def _line_class(line: str) -> str:
    """The one share class a ticker's line names ("| Investor Class | (Ticker Symbol: VAGIX) |"),
    or "" when it names none or several."""
    found = {m.group() for m in SHARE_CLASS.finditer(line)}
    return found.pop() if len(found) == 1 else ""


def _line(source: str, start: int, end: int) -> str:
    lo = source.rfind("\n", 0, start) + 1
    hi = source.find("\n", end)
    return source[max(lo, start - 120):hi if hi >= 0 else len(source)]


_COVER_CHARS = 2500      # where a filing's cover ends, at the latest
_DATE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}"
_DOCUMENT = re.compile(r"\b(supplement|(?:summary\s+|statutory\s+)?prospectus|statement of additional information|sai)\b",
                       re.IGNORECASE)
_FUND_LINE = re.compile(r"[A-Z][\w&®’'.,-]*(?:\s+[\w&®’'.,()-]+){0,10}\s+(?:Fund|Portfolio|ETF|Trust)®?")
_NOT_FUND = re.compile(r"^(?:an?|the)\s|\b(?:series|portfolio) of\b", re.IGNORECASE)


def _fund_lines(source: str) -> list[tuple[int, int]]:
    """The cover's lines that are a fund's name alone ("Victory Munder Multi-Cap Fund"), before
    its first paragraph of prose; not the trust a fund is "a portfolio of", nor a line ending in
    "Trust" when fund lines are named beside it (it names the registrant)."""
    out, pos = [], 0
    for line in source[:_COVER_CHARS].split("\n"):
        start, pos = pos, pos + len(line) + 1
        text = line.strip()
        if len(text) > 150:
            break                                 # the first paragraph: the cover is over
        if _FUND_LINE.fullmatch(text) and not _NOT_FUND.search(text):
            at = start + line.index(text)
            out.append((at, at + len(text)))
    funds = [(a, b) for a, b in out if not source[a:b].endswith("Trust")]
    return funds or out                               # a trust line is the registrant when funds are named


def _bounds(source: str, start: int) -> tuple[int, int]:
    lo = source.rfind("\n", 0, start) + 1
    hi = source.find("\n", start)
    return lo, hi if hi >= 0 else len(source)


def tickers(source: str) -> list[Fact]:
    """Every ticker of a filing with its line and the class label printed beside it."""
    out: list[Fact] = []
    seen: set[tuple[int, int]] = set()
    for m in _TICKER.finditer(source):
        group = next(g for g in ("a", "b", "c") if m.group(g))
        token = m.group(group)
        if not token.isupper() or token in _NOT_TICKER or re.match(r"/[A-Z]{4}X\b", source[m.end(group):]):
            continue                                 # "ADV/IASCX": ADV is the class, not a ticker
        span = m.span(group)
        if span not in seen:
            seen.add(span)
            prev = out[-1].end if out else 0
            out.append(Fact(span[0], span[1], _line(source, *span), *_label(source, span, prev)))
    return out


def _label(source: str, span: tuple[int, int], prev_end: int) -> tuple[str, int, int]:
    """The class a ticker's own label names, and the label's span: the header cell above it in
    a pipe table (under an empty header: the words before it in its cell, else the row's first
    cell), a parenthesis after it, else up to three words before it on its line."""
    start, end = span
    lo, hi = _bounds(source, start)
    if source[lo:lo + 1] == "|":
        header = _header_cell(source, lo, start)
        cell = source.rfind("|", lo, start) + 1
        own = _TICKER_WORD.sub(" ", source[cell:start]).strip(_SEPARATORS)
        if own and not header and len(own.split()) <= 3:
            return own, cell + source[cell:start].index(own), end    # "| A: VTTAX |" under an empty header
        first = source[lo + 1:source.find("|", lo + 1)].strip()
        if not header and first and lo + 1 < cell - 1:                # "| Investor Class | (Ticker Symbol: VAGIX) |"
            return first, lo + 1 + source[lo + 1:cell].index(first), end
        return header, start, end
    after = _AFTER.match(source, end, hi)
    if after and not _TICKER.search(after.group(1)):
        return after.group(1).strip(), start, after.end()
    left = max(lo, prev_end)
    segment = _TICKER_WORD.sub(" ", source[left:start])
    words = segment.strip(_SEPARATORS).split()[-3:]
    if not words:
        return "", start, end
    label = " ".join(words)
    found = source.rfind(words[0], left, start)
    return label, found if found >= 0 else start, end


def _header_cell(source: str, lo: int, start: int) -> str:
    """The header row's cell above the pipe-table cell holding ``start`` ("" when none)."""
    column = source[lo:start].count("|") - 1
    top = lo
    while top > 0:
        above = source.rfind("\n", 0, top - 1) + 1
        if source[above:above + 1] != "|":
            break
        top = above
    header = source[top:source.find("\n", top)].strip().strip("|").split("|")
    if top == lo or column < 0 or column >= len(header):
        return ""
    return header[column].strip()


def _file_numbers(source: str) -> list[Fact]:
    return [Fact(m.start("n"), m.end("n"), f"{_line(source, m.start(), m.end())} {_ACTS.get(m.group('n')[:3], '')}",
                 "", m.start("n"), m.end("n"))
            for m in _FILE_NO.finditer(source)]
