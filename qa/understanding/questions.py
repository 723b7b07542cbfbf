"""What a question asks for, analysed once: its expected answer kind, its intents, the years
and the noun it names, and its content terms.  The wording it is read with lives in
:mod:`qa.understanding.lexicon`.

Kinds: ``person``/``org``/``entity`` (who, which adviser), ``date``, ``year``,
``percent``, ``money``, ``quantity`` (a percent or money amount), ``number``,
``duration`` (how many years), ``location``, ``list`` and ``other``.

Not handled: questions with two asks ("who and when"), negation ("which
adviser was *not* terminated") and comparisons (answered as ``other``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from qa.errors import QuestionError
from qa.text import lexical
from qa.text.numbers import YEAR, asset_amounts
from qa.understanding import fund_asks as fa
from qa.understanding import lexicon as lx
from qa.understanding.share_classes import classes_named

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Threshold:
    """A bound a question sets on a table's numbers: ``op`` and ``number`` as asked ("less
    than", "100"), or ``sign`` ("negative"/"positive") with neither."""

    op: str = ""
    number: str = ""
    sign: str = ""


@dataclass(frozen=True)
class Intents:
    """What a question asks beyond its kind; each field is read by the reader it steers.

    ``direction`` fields hold "high" or "low" when the question asks for one ("which year was
    X larger?"), else "".
    """

    explains: bool = False         # an explanation or definition: the rest of a sentence answers
    cause: bool = False            # a cause ("why", "what drove"), which no cell holds
    manner: bool = False           # opens with how/why (not "how many"): no listed items by name
    moved: bool = False            # how much something moved ("increased", "fell")
    movement: bool = False         # the movement or its cause, not one side of a change
    side: str = ""                 # "new"/"old": which side of a change it asks for
    share: bool = False            # a percentage, share or ratio
    names_table: bool = False      # "the table", "this table"
    bound_words: tuple[str, ...] = ()   # the words asking about a cap ("limit", "maximum")
    compares: bool = False         # two values or a change ("higher", "or", "between")
    respectively: bool = False     # "respectively", "respective"
    sums: bool = False             # asks for a sum outright ("combined", "in total")
    from_to: bool = False          # a movement "from X to Y"
    several: bool = False          # "what are…", "which funds…": several items may answer
    typed_only: bool = False       # "When did…?", "What is the 7-day yield?": only a date or a percentage answers
    quarter: str = ""              # "high"/"low": the best or worst quarterly return ("Best quarter for Class I?")
    waiver_term: bool = False      # the date a fee waiver runs to ("How long does the expense limitation last?")
    objective: bool = False        # the fund's investment objective ("What does the Fund seek?")
    tracked_index: bool = False    # the index an index fund tracks ("Which index does the Fund track?")
    inception: bool = False        # when a share class or the fund began ("What is the Class R6 inception date?")
    yes_no: bool = False           # "Does the fund hedge…?": the sentence that says so answers
    manager_since: bool = False    # since when a named manager has managed the fund
    dollars: bool = False          # an expense example's cost: only a dollar amount answers
    rate: bool = False             # a rate, fee or charge
    asset_range: tuple[float, float] | None = None   # the asset level of a fee schedule asked about
    extreme: str = ""              # the schedule's lowest/highest rate: "low"/"high"
    whole_schedule: bool = False   # the schedule itself ("what are the breakpoints?")
    asks_period: bool = False      # "which year…", "what quarter…"
    periods: bool = False          # the periods a table covers ("which years…")
    period_direction: str = ""     # "in which year was X larger?"
    threshold: Threshold | None = None   # "in which years was X less than 100?"
    parts: bool = False            # the components of something
    listed: bool = False           # the items listed in the table
    superlative: bool = False      # most, largest, lowest…
    rank: str = ""                 # "which X has the highest Y?"
    higher: str = ""               # "which X is higher?"
    ordinal: int = 0               # "the second highest": 1 (0 for the first)
    every_fact: bool = False       # "What are the tickers?": every ticker of the cover line
    return_periods: frozenset[str] = frozenset()   # the return periods it names: {"10"}, {"inception"}


@dataclass(frozen=True)
class Question:
    """A validated question (common typos fixed) with its analysis."""

    text: str                 # what retrieval and the readers see (typos fixed)
    kind: str
    terms: tuple[str, ...]
    asked: str = ""           # the question as the user typed it (whitespace tidied)
    labels: str = ""          # for matching table labels: ``text`` plus the printed wording of its trade terms
    cover: str = ""           # a cover fact it asks for: "classes", "funds", "ticker", "file_number" or ""
    intents: Intents = Intents()
    years: tuple[str, ...] = ()          # the years it names, in order ("2019", "2018")
    focus: frozenset[str] = frozenset()  # the stemmed noun of "which X"/"what X"
    names: frozenset[str] = frozenset()  # its capitalised names, lower-cased (:func:`proper_names`)
    role: str = ""            # the service provider it asks for: "adviser", "custodian"... (lexicon.ROLES)
    operation: str = ""       # the arithmetic it asks for: "change", "sum"... (lexicon.OPERATIONS), or ""
    person: str = ""          # the person whose title it asks for ("Cesar Orosco"), or ""
    two_sided: bool = False   # a difference between two things it names ("how much more … than …")
    managers: bool = False    # the people who manage the fund ("Who are the portfolio managers?")
    classes: tuple[frozenset[str], ...] = ()   # the share classes it names, each as its words ({"c"} of "Class C")

    @property
    def label_text(self) -> str:
        """The words a table's labels are matched with.  "the Fund" put for a short name of the
        filing's fund that the asker wrote without "Fund" (:mod:`qa.text.subject`: "KAR Equity
        Income R6 fee waiver") names no row ("Total Annual Fund Operating Expenses")."""
        text = self.labels or self.text
        return text if _FUND_WORD.search(self.asked) else _THE_FUND.sub(" ", text)


_THE_FUND = re.compile(r"\bthe Fund(?:['’]s)?(?=\W|$)")
_FUND_WORD = re.compile(r"\bfunds?\b", re.IGNORECASE)


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


def fix_typos(text: str) -> str:
    """Common shorthand and misspellings of question words ("whos" -> "who is")."""
    for pattern, repl in lx.TYPOS:
        text = pattern.sub(repl, text)
    return text


def answer_kind(text: str) -> str:
    """The expected answer type of a question (see the module docstring)."""
    text = fix_typos(text)
    for pattern, kind in lx.KIND_RULES:
        if pattern.search(text):
            return kind
    return "other"


def explains(text: str) -> bool:
    """Whether a question asks for an explanation ("why…", "what caused…", "how is X
    calculated?", "what does X include?", "what is X based on?") or a definition ("What is
    goodwill?"), answered by the rest of the sentence rather than a noun phrase.  Not handled:
    explanations that run over several sentences."""
    return bool(lx.EXPLAINS.search(text)) or (bool(lx.DEFINES.search(text)) and answer_kind(text) == "other")


def focus_terms(text: str) -> set[str]:
    """The stemmed noun a "which X"/"what X" question asks about ({"board"} for "which board
    signed off?"); empty when there is none.  Not handled: a focus after an adjective
    ("which *new* firm" gives {"new"})."""
    found = lx.FOCUS.search(text)
    if not found or found.group(1).lower() in lx.NOT_FOCUS:
        return set()
    return set(lexical.terms(found.group(1)))


def side(text: str) -> str:
    """"new" or "old": which side of a change the question asks for (words like new/old first,
    then tense: will -> new, was -> old); "" when it does not say, says both, or asks about
    the movement itself ("what was the decrease in X?")."""
    new, old = bool(lx.NEW.search(text)), bool(lx.OLD.search(text))
    if new != old:
        return "new" if new else "old"
    if new or lx.MOVEMENT.search(text):
        return ""
    will, was = bool(lx.WILL.search(text)), bool(lx.WAS.search(text))
    return ("new" if will else "old") if will != was else ""


def asked_range(text: str) -> tuple[float, float] | None:
    """The asset range a fee-schedule question asks about ("over $2 billion" -> (2e9, inf)),
    or None when it names no amount."""
    q = text.lower()
    for pattern, repl in lx.SCALE_SHORTHAND:
        q = pattern.sub(repl, q)
    amounts = asset_amounts(q)
    if not amounts:
        return None
    if lx.RANGE_NEXT.search(q):
        return amounts[0], 2 * amounts[0]
    if len(amounts) >= 2 and lx.RANGE_BETWEEN.search(q):
        return amounts[0], amounts[1]
    if lx.RANGE_ABOVE.search(q):
        return amounts[0], math.inf
    if lx.RANGE_BELOW.search(q):
        return 0.0, amounts[0]
    return amounts[0], amounts[0]


def _direction(found: re.Match | None, low: frozenset[str] | tuple[str, ...] = lx.LOW_WORDS) -> str:
    if found is None:
        return ""
    return "low" if found.group(found.re.groupindex.get("dir", 1)).lower() in low else "high"


def intents(text: str) -> Intents:
    """Everything :class:`Intents` records of a (typo-fixed) question."""
    limit, ordinal = lx.THRESHOLD.search(text), lx.ORDINAL.search(text)
    return Intents(
        explains=explains(text), cause=bool(lx.CAUSE.search(text)), manner=bool(lx.MANNER.match(text)),
        moved=bool(lx.MOVED.search(text)), movement=bool(lx.MOVEMENT.search(text)), side=side(text),
        share=bool(lx.SHARE.search(text)), names_table=bool(lx.THE_TABLE.search(text)),
        bound_words=tuple(lx.ASKS_BOUND.findall(text)), compares=bool(lx.COMPARES.search(text)),
        respectively=bool(lx.RESPECTIVELY.search(text)), sums=bool(lx.SUM_WORDS.search(text)),
        from_to=bool(lx.FROM_TO.search(text)), several=bool(lx.ASKS_SEVERAL.search(text)),
        typed_only=bool(fa.TYPED_ONLY.search(text)),
        quarter=next((side for side, asked in fa.QUARTER.items() if asked.search(text)), ""),
        waiver_term=bool(fa.WAIVER_TERM.search(text)),
        objective=bool(fa.OBJECTIVE.search(text)),
        tracked_index=bool(fa.TRACKED_INDEX.search(text)),
        inception=bool(fa.INCEPTION.search(text)),
        yes_no=bool(fa.YES_NO.search(text)),
        manager_since=bool(fa.MANAGER_SINCE.search(text)),
        dollars=bool(fa.DOLLARS.search(text)),
        rate=bool(lx.RATE_WORDS.search(text)), asset_range=asked_range(text),
        extreme=_direction(lx.EXTREME.search(text), lx.EXTREME_LOW),
        whole_schedule=bool(lx.WHOLE_SCHEDULE.search(text)), asks_period=bool(lx.ASKS_PERIOD.search(text)),
        periods=bool(lx.PERIODS.search(text)), period_direction=_direction(lx.PERIOD_COMPARE.search(text)),
        threshold=Threshold(limit.group("op") or "", limit.group("num") or "", limit.group("sign") or "")
        if limit else None,
        parts=bool(lx.PARTS.search(text) or lx.COUNT_PARTS.search(text)), listed=bool(lx.LISTED.search(text)),
        superlative=bool(lx.SUPERLATIVE.search(text)), rank=_direction(lx.RANK.search(text)),
        higher=_direction(lx.HIGHER.search(text)),
        ordinal=lx.PLACES.get(ordinal.group().lower(), 0) if ordinal else 0,
        every_fact=bool(lx.ALL_OF_FACT.search(text)), return_periods=lx.periods(text))


def analyse(question: object, max_chars: int) -> Question:
    """Validate and analyse a question.  One asking for an explanation expects no typed answer
    ("What is included in service delivery costs?" asks for words, not an amount)."""
    asked = clean(question, max_chars)
    text = fix_typos(asked)
    found = intents(text)
    kind = "other" if found.explains else answer_kind(text)
    op = operation(text)
    return Question(text, kind, tuple(lexical.terms(text)), asked, lx.label_text(text), lx.cover_fact(text),
                    found, tuple(m.group() for m in YEAR.finditer(text)), frozenset(focus_terms(text)),
                    frozenset(proper_names(lx.without_terms(text))), role=lx.asked_role(text),
                    operation=op, person=lx.asked_person(text),
                    two_sided=op == "difference" and bool(lx.TWO_SIDED.search(text)),
                    managers=_asks_managers(text, found), classes=_classes(text))


_COUNTED = re.compile(r"\b(?i:how many)\b[^?]*\b[A-Z][a-z]+\s+shares\b")     # "How many Vestas Wind Systems shares"


def _classes(text: str) -> tuple[frozenset[str], ...]:
    """The share classes a question names; "how many X shares" counts shares of X, no class."""
    return () if _COUNTED.search(text) else tuple(classes_named(text))


_NOT_NAMES = frozenset({"fund", "portfolio", "pm", "pms", "trust"})
_FUND_NAME = re.compile(r"\b(?:(?:[A-Z]|[a-z]+[A-Z])[\w&.’'-]*\s+){1,6}(?:Funds?|Portfolios?|Trust|ETFs?)\b")   # "iShares … ETF"
_FUND_TICKER = re.compile(r"^[a-z]{4}x$")        # "VTINX": a mutual fund's ticker, not a firm


def _asks_managers(text: str, found: Intents) -> bool:
    """Whether the question asks for every person managing the fund: not one person's fact, not
    a change ("Which PMs continue after the change?"), nor the managers of a firm it names."""
    classes = set().union(*classes_named(text), {"shares", "class"})     # "of Investor Shares" names no firm
    names = {n for n in proper_names(_FUND_NAME.sub(" ", lx.without_terms(text))) - _NOT_NAMES - classes
             if not _FUND_TICKER.match(n)}
    return bool(fa.ASKS_MANAGERS.search(text)) and not fa.NOT_MANAGERS.search(text) and not found.side \
        and not names and not lx.asked_person(text)


def operation(text: str) -> str:
    """The arithmetic a question asks for (:data:`lexicon.OPERATIONS`), or "" for none.
    Whether the filing's numbers allow it is the derived reader's to say: "average annual
    total return" is a table's label, not an average to take."""
    return next((name for name, pattern in lx.OPERATIONS if pattern.search(text)), "")


NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")


def proper_names(question: str) -> set[str]:
    """Capitalised words a question uses past its first word ("S&P", "ClearBridge"), lower-cased;
    none when the question is typed in Title Case, where capitals name nothing."""
    words = NAME.findall(question)[1:]
    names = {w.lower().rstrip(".") for w in words if len(w) > 1 and any(ch.isupper() for ch in w)}
    if len(words) > 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words):
        return set()
    return names
