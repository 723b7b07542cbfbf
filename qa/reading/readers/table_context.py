"""What a table is about, beyond its labels: the words around it, the filing's own names.

:class:`TableContext` is the table reader's (and the derived reader's) knowledge of a table's
surroundings: the words of the table, its caption (the 300 characters before it) and the
top of its filing; the names a filing gives itself (:func:`qa.text.aliases.own_names`); and the
acronyms its surrounding words spell.  With it a reader tells whether a question is about
something the table never mentions (:meth:`TableContext._foreign`) and whether the table holds
every word of a question (:meth:`TableContext._covers`).  Everything is computed once per table or
filing and kept in the reader's dictionaries (``words``, ``lower``, ``initials``, ``table_tokens``).

Not handled: synonyms (a question's "costs" for a table's "expenses"), and acronyms of more than
five words.
"""
from __future__ import annotations

import re

from qa.text.aliases import own_names
from qa.text.subject import subject_words
from qa.understanding import kinds
from qa.understanding.headers import MONTHS, contrary, label_tokens, normalise
from qa.understanding.lexicon import ASKING_WORDS, CLASS_NOUNS
from qa.understanding.questions import NAME as _NAME
from qa.understanding.questions import Question
from qa.understanding.share_classes import classes_named, other_class_named

_LEAD_IN = 300          # characters before a table that count as its caption
_COVER = 300            # characters at the top of a filing that name what it is about


def labels_of(chunk) -> str:
    """A chunk's title, row label and column label, as one text."""
    meta = chunk.meta
    return " ".join(str(getattr(meta, name, "") or "") for name in ("title", "row_label", "col_label"))


def _initials(text: str) -> str:
    """The first letters of ``text``'s words, lower-cased ("Earnings per share" -> "eps")."""
    return "".join(w[0] for w in _NAME.findall(text)).lower()


def _capitals(question: Question, acronym: str) -> bool:
    """Whether the question writes ``acronym`` (2 to 5 letters) in capitals, as a word of its own."""
    return 2 <= len(acronym) <= 5 and bool(re.search(rf"\b{re.escape(acronym.upper())}\b", question.text))


def other_class(question: Question, chunk) -> bool:
    """Whether a table cell's group heading, row or column names share classes, none of them the
    one the question names: "Class C's return after taxes" is not the "Return After Taxes" row
    under "Institutional Class Shares" (a filing gives after-tax returns for one class only).  A
    cell whose labels name no class may be any class's; its table's title is not read (a
    caption "Annual Returns, Class I Shares" often sits over every class's table)."""
    if not question.classes or chunk.kind != "cell":
        return False
    text = chunk.text[len(chunk.meta.title):] if chunk.text.startswith(chunk.meta.title) else chunk.text
    return other_class_named(question.classes, classes_named(text.rpartition(": ")[0]))


_CONTRARY = (("before", "after"), ("gross", "net"), ("initial", "subsequent"), ("minimum", "maximum"))


def contrary_cell(question: Question, chunk) -> bool:
    """Whether a table cell's labels say the opposite of a word the question asks by, and not
    that word: "the return after taxes" is not a "Return Before Taxes" cell, "the gross expense
    ratio" not a "Net Expenses" one."""
    if chunk.kind != "cell":
        return False
    held = set(re.findall(r"[a-z]+", chunk.text.rpartition(": ")[0].lower()))
    return contrary(set(question.text.lower().split()), held, _CONTRARY)


def group_of(table, r: int) -> str:
    """The heading row above row ``r`` of a table's meta ("Class I Shares", "Deferred income
    tax expense (benefit):"), or ""."""
    for k in range(r - 1, -1, -1):
        if table.row_cells[k] == 0 and table.rows[k]:
            return table.rows[k]
    return ""


def spells(question: Question, label: str) -> bool:
    """Whether the question writes the initials of ``label``'s words in capitals ("EPS" for
    "Earnings per share:"), as a word of its own."""
    return _capitals(question, _initials(label))


class TableContext:
    """Mixin over ``self.data`` and ``self.tables`` (the table chunk of each table key)."""

    data: object
    tables: dict[tuple[str, int], int]
    words: dict[tuple[str, int], set[str]]
    lower: dict[str, tuple[set[str], set[str]]]
    initials: dict[tuple[str, int], set[str]]
    table_tokens: dict[tuple[str, int], set[str]]

    def _context_words(self, key: tuple[str, int]) -> set[str] | None:
        """Words of a table, its caption and title, and the top of its filing (lower-cased)."""
        if key not in self.words and key in self.tables:
            table = self.data.chunks[self.tables[key]]
            source = self.data.sources[table.doc_id]
            text = " ".join((source[:_COVER], source[max(0, table.start - _LEAD_IN):table.end], table.text))
            self.words[key] = {w.lower().rstrip(".") for w in _NAME.findall(text)}
        return self.words.get(key)

    def _foreign(self, question: Question, key: tuple[str, int]) -> bool:
        """Whether the question names something its table never mentions (the S&P 500's return
        asked of a table that holds a fund and the Russell 3000): then no cell answers it.  A
        capitalised word the filing writes in lower case elsewhere ("Goodwill") is no name; nor is
        a name the filing gives itself ("SPY" of '(“SPY” or the “Trust”)', a market symbol), which
        every table of the filing is about, nor an acronym of words the table's context prints
        ("EPS" of "Earnings per share").  The words that say a share class ("Class", "Shares") are no
        name when the table prints the class's own words (a column "C" for "Class C")."""
        words = self._context_words(key)
        if words is None:
            return False
        lower, own = self._filing_words(key[0])
        printed = bool(question.classes) and all(c <= words for c in question.classes)
        months = {MONTHS[w] for w in words if w in MONTHS}               # "Dec 30, 2017" prints December
        names = {MONTHS.get(n, n) for n in question.names} - words - months - lower - own - \
            (CLASS_NOUNS if printed else frozenset())
        return any(not self._abbreviates(question, name, key) for name in names)

    def _abbreviates(self, question: Question, name: str, key: tuple[str, int]) -> bool:
        """Whether ``name`` is written in capitals in the question and spells the initials of
        consecutive words around the table ("EPS": "Earnings Per Share")."""
        if not _capitals(question, name):
            return False
        if key not in self.initials:
            table = self.data.chunks[self.tables[key]]
            source = self.data.sources[table.doc_id]
            heads = _initials(source[max(0, table.start - _LEAD_IN):table.end])
            self.initials[key] = {"".join(heads[i:i + n]) for n in range(2, 6) for i in range(len(heads) - n + 1)}
        return name in self.initials[key]

    def _covers(self, question: Question, key: tuple[str, int]) -> bool:
        """Whether every word of the question stands in the table, its caption or its title: what
        a row named by one word of several needs ("index five-year return" of a returns table, not
        "1-year return for Admiral Shares" of a fee table whose "12b-1" holds the "1")."""
        if key not in self.tables:
            return False
        if key not in self.table_tokens:
            table = self.data.chunks[self.tables[key]]
            source = self.data.sources[table.doc_id]
            self.table_tokens[key] = set(label_tokens(" ".join((source[max(0, table.start - _LEAD_IN):table.end],
                                                                table.text, labels_of(table)))))
        return set(label_tokens(question.text)) - ASKING_WORDS <= self.table_tokens[key]

    def _filing_words(self, doc_id: str) -> tuple[set[str], set[str]]:
        """The words a filing prints in lower case and the names it gives itself
        (:func:`qa.text.aliases.own_names`, and the words of the one fund its cover names,
        :func:`qa.text.subject.subject_words`); computed once per filing."""
        if doc_id not in self.lower:
            source = self.data.sources[doc_id]
            own = set(own_names(source)) | subject_words(source)     # a one-fund filing's tables are its fund's
            self.lower[doc_id] = ({w.rstrip(".") for w in _NAME.findall(source) if w.islower()}, own)
        return self.lower[doc_id]


_QUALIFIER = re.compile(r"\b(?:after|before|net of|less|excluding)\s+(?:the\s+|any\s+)?$", re.IGNORECASE)
_AFTER_WORDS = re.compile(r"\b(?:after|net)\b", re.IGNORECASE)
_BEFORE_WORDS = re.compile(r"\b(?:before|gross)\b", re.IGNORECASE)


def qualifier_labels(question: Question, labels: set[str]) -> set[str]:
    """Of the row labels a question names, those it names only as a qualifier of another ("…
    expenses *after fee waivers and expense reimbursements*": the waiver row is not asked)."""
    text = question.label_text.lower()
    out = set()
    for label in labels:
        first = next(iter(normalise(label).split()), "")
        at = text.find(first[:4]) if first else -1
        if at > 0 and _QUALIFIER.search(text[:at]):
            out.add(label)
    return out if len(out) < len(labels) else set()


def side_of_repeated(question: Question, cells: list, rows_of, label: str) -> list:
    """Of cells from two rows with one ``label`` ("Total Annual Fund Operating Expenses" before
    and after the waiver row of a fee table), the later row's for a question asking after or
    net, the earlier's for before or gross; all of them otherwise, and when the label itself
    says before or after."""
    rows = sorted({rows_of(c) for c in cells})
    if len(rows) < 2 or _AFTER_WORDS.search(label) or _BEFORE_WORDS.search(label):
        return cells
    if _AFTER_WORDS.search(question.text) and not _BEFORE_WORDS.search(question.text):
        return [c for c in cells if rows_of(c) == rows[-1]]
    if _BEFORE_WORDS.search(question.text) and not _AFTER_WORDS.search(question.text):
        return [c for c in cells if rows_of(c) == rows[0]]
    return cells


_TRAILING_MARKER = re.compile(r"\s*(?:\(\d{1,2}\)|\*{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$")


def marker_cut(text: str) -> int:
    """How many characters of a footnote marker end a cell's amount ("–0.05%(1)" -> 3), else 0."""
    found = _TRAILING_MARKER.search(text)
    if found is None or found.start() == 0 or not kinds.is_amount(text[:found.start()]):
        return 0
    return len(text) - found.start()


_CODE = re.compile(r"\b\d+[a-z]-\d+\b", re.IGNORECASE)       # "12b-1"
_ACRONYM = re.compile(r"(?<![\w&])[A-Z][A-Z&]{2,}(?![\w&])")    # "MSCI", "ACWI", "S&P"


def coded_row(question: str, rows: list[str]) -> tuple[list[int], float] | None:
    """The one row label printing a code or an acronym the question writes ("12b-1" of "What
    are the 12b-1 fees for Class C?" among "Distribution and Shareholder Servicing (12b-1) Fees"
    and other fee rows the question's words name as well; "MSCI ACWI" of an index row), as
    ``pick`` gives a named label; None otherwise."""
    codes = {c.lower() for c in _CODE.findall(question)} | set(_ACRONYM.findall(question))
    if not codes:
        return None
    held = [codes & ({c.lower() for c in _CODE.findall(row)} | set(_ACRONYM.findall(row))) for row in rows]
    best = max((len(h) for h in held), default=0)
    holding = [i for i, h in enumerate(held) if h and len(h) == best]
    return ([holding[0]], 0.95) if len(holding) == 1 else None
