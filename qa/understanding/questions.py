"""What a question asks for: its expected answer type and its content terms.

Types: ``person``/``org``/``entity`` (who, which adviser), ``date``, ``year``,
``percent``, ``money``, ``quantity`` (a percent or money amount), ``number``,
``duration`` (how many years), ``location``, ``list`` and ``other``.

Not handled: questions with two asks ("who and when"), negation ("which
adviser was *not* terminated") and comparisons (answered as ``other``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from qa.errors import QuestionError
from qa.text import lexical
from qa.understanding import lexicon

_RULES: list[tuple[str, str]] = [
    (r"\bwhat (kinds?|types?|sorts?) of\b|\bwhat (other )?(securities|instruments|things|criteria)\b|"
     r"\bwhat (does|do|will) .{0,40}\b(consider|look (at|for)|evaluate)\b|\bwhat .{0,30}\brisks\b|"
     r"\bwhat (factors|risks)\b|\b(principal|primary|main|key) risks\b", "list"),
    (r"\b(how many|number of) years\b|\bhow long\b|\byears (of )?(investment |industry )?experience\b", "duration"),
    (r"\bwhat year\b|\bwhich year\b|\bin what year\b|\byear (was|did|is)\b", "year"),
    (r"\bwhen\b|\bwhat (date|day)\b|\bwhich (date|day)\b|\bas of what\b|\bdated\b", "date"),
    (r"\bwhat (percent|percentage)\b|\bwhat %|\bhow much (of a |of an )?(fee|rate|return|expense|percent)",
     "percent"),
    (r"\b(fee|rate|expense ratio|return|yield|expenses?|cost|charge)s?\b.*\?$", "quantity"),
    (r"\bhow much\b|\bwhat (is|was) the (amount|cost|value)\b|\bdollars?\b", "money"),
    (r"\bhow many\b", "number"),
    (r"\bwhere\b|\baddress\b|\blocated\b|\bheadquarter", "location"),
    (r"\bwho\b|\bwhom\b", "entity"),
    (r"\b(which|what) (firm|company|adviser|advisor|sub-?adviser|manager|entity|index|benchmark|"
     r"organization|fund|portfolio)\b", "entity"),
    (r"^(list|name)\b|\bwhat are the\b|\bwhich (securities|risks|factors)\b", "list"),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), kind) for p, kind in _RULES]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Question:
    """A validated question (common typos fixed) with its answer type and stemmed content terms."""

    text: str                 # what retrieval and the readers see (typos fixed)
    kind: str
    terms: tuple[str, ...]
    asked: str = ""           # the question as the user typed it (whitespace tidied)
    labels: str = ""          # for matching table labels: ``text`` plus the printed wording of its trade terms
    cover: str = ""           # a cover fact it asks for: "ticker", "file_number" or ""

    @property
    def label_text(self) -> str:
        return self.labels or self.text


def clean(question: object, max_chars: int) -> str:
    """The question as a tidy string, or :class:`QuestionError` saying what is wrong."""
    if not isinstance(question, str):
        raise QuestionError(f"a question must be text, not {type(question).__name__}")
    text = " ".join(_CONTROL.sub(" ", question).split())
    if not text:
        raise QuestionError("the question is empty: ask something, e.g. \"Who is the new adviser?\"")
    if len(text) > max_chars:
        raise QuestionError(f"the question is {len(text):,} characters long; keep it under "
                            f"{max_chars:,} (ask one thing at a time)")
    if not re.search(r"[A-Za-z0-9]", text):
        raise QuestionError("the question has no words in it: ask in plain English")
    return text


_TYPOS = [(re.compile(p, re.IGNORECASE), r) for p, r in [
    (r"\bwat\b|\bwht\b", "what"), (r"\bwhats\b", "what is"), (r"\bwhos\b", "who is"),
    (r"\bwen\b", "when"), (r"\bwhere's\b|\bwheres\b", "where is"), (r"\bhow's\b", "how is"),
    (r"\badvisor\b", "adviser"), (r"\badvisors\b", "advisers"), (r"\bmanger\b", "manager"),
    (r"\byrs\b", "years"), (r"\byr\b", "year"), (r"\bmgmt\b", "management"), (r"\bmgr\b", "manager"),
    (r"\bamt\b", "amount"), (r"\binfo\b", "information"), (r"\bapprox\b", "approximately")]]


def fix_typos(text: str) -> str:
    """Common shorthand and misspellings of question words ("whos" -> "who is")."""
    for pattern, repl in _TYPOS:
        text = pattern.sub(repl, text)
    return text


def answer_kind(text: str) -> str:
    """The expected answer type of a question (see the module docstring)."""
    text = fix_typos(text)
    for pattern, kind in _COMPILED:
        if pattern.search(text):
            return kind
    return "other"


_EXPLAINS = re.compile(
    r"^(?:[^,?]{0,40},\s*)?why\b|\bwhat (caused|causes|drove|drives|led to|resulted in)\b|\breasons? (for|why|behind)\b|"
    r"\bwhat (factors?|items?) (drove|drive|caused|cause|contributed|led)\b|"
    r"\bhow (is|are|was|were|does|do|did) .{0,80}\b(calculat|determin|deriv|comput|measur|defin|recogni[sz])\w*\b|"
    r"\bwhat (does|do|did) .{0,80}\b(include|consist (?:primarily |mainly )?of|comprise|represent|relate to)\b|"
    r"\bwhat (is|are) .{0,40}\b(comprised|made up) of\b|\bwhat (is|are) (included|excluded) in\b|\bwhat is considered\b|"
    r"\b(driven|caused|based|due|attributable) (by|on|to)\s*\?\s*$|"                      # "…driven by?"
    r"\bdefinition of\b|\bwhat (does|do) .{1,60} mean\b|\bhow (does|do) .{1,60} define\b|"
    r"\bwhat (is|was|are|were) the (purpose|impact|effect|implication|consequence)s?\b|"
    r"\bhow (is|are|was|were|will|would|does|do|did) .{0,60}\b(presented|treated|accounted|funded|allocated|"
    r"estimated|assessed|benefit|affect|impact)\w*\b", re.IGNORECASE)
_DEFINES = re.compile(r"^\s*what (is|are) (an? )?(?:(?!(?:the|as|for|of|in|by|to|on|at)\b)[\w'’\-]+\s*){1,4}\?\s*$",
                      re.IGNORECASE)      # "What is Goodwill?", not "What is Janus's address?" (a location)


@functools.lru_cache(maxsize=1024)
def explains(text: str) -> bool:
    """Whether a question asks for an explanation ("why…", "what caused…", "how is X
    calculated?", "what does X include?", "what is X based on?") or a definition ("What is
    goodwill?"), answered by the rest of the sentence rather than a noun phrase.  Not handled:
    explanations that run over several sentences.  Cached: every reader asks it of the same question."""
    return bool(_EXPLAINS.search(text)) or (bool(_DEFINES.search(text)) and answer_kind(text) == "other")


_FOCUS = re.compile(r"\b(?:which|what)\s+(?:other\s+)?([a-z][\w-]*)", re.IGNORECASE)
_NOT_FOCUS = {"is", "are", "was", "were", "do", "does", "did", "will", "can", "may", "might",
              "should", "would", "could", "has", "have", "had", "if", "the", "a", "an", "of", "kind",
              "kinds", "type", "types", "sort", "sorts"}


def focus_terms(text: str) -> set[str]:
    """The stemmed noun a "which X"/"what X" question asks about ({"board"} for "which board
    signed off?"); empty when there is none.  Not handled: a focus after an adjective
    ("which *new* firm" gives {"new"})."""
    found = _FOCUS.search(text)
    if not found or found.group(1).lower() in _NOT_FOCUS:
        return set()
    return set(lexical.terms(found.group(1)))


def analyse(question: object, max_chars: int) -> Question:
    """Validate and analyse a question.  One asking for an explanation expects no typed answer
    ("What is included in service delivery costs?" asks for words, not an amount)."""
    asked = clean(question, max_chars)
    text = fix_typos(asked)
    kind = "other" if explains(text) else answer_kind(text)
    return Question(text, kind, tuple(lexical.terms(text)), asked, lexicon.label_text(text), lexicon.cover_fact(text))


NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")


def proper_names(question: str) -> set[str]:
    """Capitalised words a question uses past its first word ("S&P", "ClearBridge"), lower-cased;
    none when the question is typed in Title Case, where capitals name nothing."""
    words = NAME.findall(question)[1:]
    names = {w.lower().rstrip(".") for w in words if len(w) > 1 and any(ch.isupper() for ch in w)}
    if len(words) > 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words):
        return set()
    return names
