"""The reader interface: a question and the top passages in, scored source spans out."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from qa.chunking import Chunk
from qa.questions import Question
from qa.retrieval import Hit
from qa.views import View


@dataclass(frozen=True)
class ReadPassage:
    """A retrieved chunk as a reader sees it: its view (text + map to source) and rank."""

    chunk: Chunk
    view: View
    rank: int
    hit: Hit


@dataclass(frozen=True)
class Candidate:
    """A scored answer span in source coordinates; ``score`` is a confidence in 0..1."""

    doc_id: str
    start: int
    end: int
    score: float
    passage: int                      # index into the passages the reader was given
    method: str
    features: dict = field(default_factory=dict)
    parts: tuple[tuple[int, int], ...] = ()   # for list answers: each item's span
    chunk: int | None = None                  # the chunk it came from, when not the passage's


class Reader(Protocol):
    """Anything that reads passages and proposes answers, best first."""

    name: str
    threshold: float       # candidates scoring below it are not answers

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        ...
