"""The result types of a question: :class:`Answer`, its :class:`Span` parts and :class:`Passage` evidence."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A piece of a filing: ``text`` is ``source[start:end]`` with whitespace collapsed."""

    text: str
    doc_id: str
    start: int
    end: int
    score: float = 0.0


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, with its place in the filing and why it ranked."""

    doc_id: str
    start: int
    end: int
    text: str
    heading: str
    kind: str                  # "prose" | "table" | "cell"
    score: float               # fused retrieval score
    rank: int
    meta: dict = field(default_factory=dict)   # for cells: row_label, col_label, footnote


@dataclass(frozen=True)
class Derivation:
    """How a computed answer was reached: the operation, each operand as the filing prints it
    (with its offsets), the formula over the printed operands, and the result.

    ``value`` is the result as a plain number ("-0.25"); ``result`` is how the answer reads
    ("-0.25 percentage points", "-6.70%", "$1,159", "2,192 (in thousands)").  ``scale`` is the
    scale the operands' table states for its amounts ("thousand", "million", "billion"; "" when
    it states none, and for percentages).  Not handled: units other than percent and dollars,
    and operands in different scales."""

    operation: str             # "change", "difference", "percent_change", "sum", "average", "share", "ratio", "count"
    operands: tuple[Span, ...]
    formula: str               # "0.94% − 0.69%"
    value: str
    result: str
    percent: bool = False      # the result is a percentage or percentage points
    scale: str = ""            # "thousand", "million", "billion": the table's stated scale

    def __str__(self) -> str:
        return f"{self.result} = {self.formula}"


@dataclass(frozen=True, kw_only=True)
class Answer:
    """What the filing says in answer to ``question``, or ``found=False`` when it does not say.

    When found, ``" ".join(source_text(doc_id)[start:end].split()) == text``, except for
    list answers: then ``spans`` holds each item (each with that property), ``text`` joins
    them with "; " and ``start``/``end`` run from the first item to the last; and except for
    computed answers: then ``derivation`` says how ``text`` was computed, ``spans`` holds its
    operands as quoted, and ``start``/``end`` run from the first operand to the last.
    ``page`` is the page of ``start`` for a filing with pages (a PDF), counted from the form
    feeds between them.
    """

    question: str
    text: str
    found: bool
    score: float
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None
    context: str = ""
    context_start: int | None = None
    context_end: int | None = None
    spans: tuple[Span, ...] = ()
    alternatives: tuple[Span, ...] = ()
    evidence: tuple[Passage, ...] = ()
    method: str = ""           # which reader produced it: "neural", "typed", "table", "list", "derived"
    derivation: Derivation | None = None
    page: int | None = None    # the 1-based page ``start`` stands on (a PDF's); None: the text has no pages

    def to_dict(self) -> dict:
        """A JSON-ready dict (for ``qa ask --json`` and the web API)."""
        from dataclasses import asdict
        return asdict(self)
