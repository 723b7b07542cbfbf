"""The reader interface: a question and the top passages in, scored source spans out."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Protocol

from qa.answer import Derivation
from qa.indexing.records import Chunk, ProseMeta, lists_of
from qa.retrieval import Hit
from qa.text.views import View, squash
from qa.understanding.questions import Question


@dataclass(frozen=True)
class ReadPassage:
    """A retrieved chunk as a reader sees it: its view (text + map to source) and rank."""

    chunk: Chunk
    view: View
    rank: int
    hit: Hit


@dataclass(frozen=True)
class SpanScores:
    """What the neural reader saw of a span: its margin over the window's null answer, the
    start x end probability of the span and of the null answer, its logit, and whether it is
    of the kind a pattern-typed question asks for (None when the question has no such kind)."""

    margin: float
    span_prob: float
    null_prob: float
    logit: float
    type_ok: bool | None = None


@dataclass(frozen=True)
class Candidate:
    """A scored answer span in source coordinates; ``score`` is a confidence in 0..1.

    ``notes`` say what a structural reader matched (the row strength, the side of a change):
    for reading a result, never for deciding one.  The pipeline sets ``raw`` (the reader's
    own score, before calibration) and ``vector`` (the calibration features,
    :data:`qa.reading.confidence.FEATURES`)."""

    doc_id: str
    start: int
    end: int
    score: float
    passage: int                      # index into the passages the reader was given
    method: str
    notes: dict = field(default_factory=dict)
    parts: tuple[tuple[int, int], ...] = ()   # for list answers: each item's span
    chunk: int | None = None                  # the chunk it came from, when not the passage's
    scores: SpanScores | None = None          # the neural reader's evidence for the span
    raw: float | None = None
    vector: tuple[float, ...] = ()
    derivation: Derivation | None = None      # a computed answer: its operands are ``parts``

    def text_in(self, source: str) -> str:
        """What it answers with: a computed result, else its parts (or its span) as printed,
        whitespace collapsed, joined by "; "."""
        if self.derivation is not None:
            return self.derivation.result
        return "; ".join(squash(source[s:e]) for s, e in self.parts) or squash(source[self.start:self.end])


def retrieved_then_filing(passages: list[ReadPassage], source: str, score: float) -> list[tuple[int, int, int, float]]:
    """Where a reader that may read the whole filing looks, in order: each retrieved passage's
    source range, with its passage index and ``score`` less 0.02 a rank, then the whole filing
    (at ``score`` less 0.1, ascribed to the last passage)."""
    out = [(p.chunk.start, p.chunk.end, rank, score - 0.02 * min(rank, 10)) for rank, p in enumerate(passages)]
    return out + [(0, len(source), len(passages) - 1, score - 0.1)] if passages else out


class FilingFactReader:
    """Base of the structural readers of one fact a fund filing states (the objective, the index
    tracked, the best or worst quarter, a waiver's term, a class's inception, a manager's start):
    they read the asked filing's source text, which they are given whole, and run before the span
    reader.  Not for readers of retrieved passages only."""

    threshold = 0.5
    structural = True

    def __init__(self, sources: dict[str, str]):
        self.sources = sources

    def filing(self, passages: list[ReadPassage]) -> tuple[str, str]:
        """The asked filing (the top passage's) and its source text."""
        doc = passages[0].chunk.doc_id
        return doc, self.sources[doc]


def cell_value(chunks: list[Chunk], sources: dict[str, str], index: int) -> str:
    """The printed value of cell chunk ``index``, read from its own offsets (not its rendered text)."""
    chunk = chunks[index]
    return " ".join(sources[chunk.doc_id][chunk.start:chunk.end].split())


class Reader(Protocol):
    """Anything that reads passages and proposes answers, best first."""

    name: str
    threshold: float       # candidates scoring below it are not answers

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        ...


def widened_chunk(chunks: list[Chunk], sources: dict[str, str], index: int, window: int) -> Chunk:
    """Chunk ``index`` merged with up to ``window`` prose neighbours of its section on each side
    (the passage a reader reads).  Tables and other non-prose chunks are returned unchanged."""
    chunk = chunks[index]
    if window <= 0 or chunk.kind != "prose":
        return chunk

    def same(j: int) -> bool:
        return 0 <= j < len(chunks) and chunks[j].kind == "prose" and \
            chunks[j].doc_id == chunk.doc_id and chunks[j].heading == chunk.heading
    lo, hi = index, index
    while lo - 1 >= index - window and same(lo - 1):
        lo -= 1
    while hi + 1 <= index + window and same(hi + 1):
        hi += 1
    if lo == hi:
        return chunk
    group = chunks[lo:hi + 1]
    start, end = group[0].start, group[-1].end
    units = tuple(sorted({u for c in group for u in c.units}))
    lists = tuple(x for c in group for x in lists_of(c))
    return dataclasses.replace(chunk, start=start, end=end, pieces=((start, end),), units=units,
                               text=squash(sources[chunk.doc_id][start:end]),
                               meta=ProseMeta(lists) if lists else chunk.meta)
