"""The neural reader's tiers: the top passage first, the rest only when unsure.

Plumbing only: a recording fake stands in for the neural reader (it says what it was
given); the index and the structural readers are the real ones."""
import dataclasses

import pytest

from qa.pipeline import QA
from qa.reading.readers.base import Candidate
from qa.settings import Settings

pytestmark = pytest.mark.slow


class Recorder:
    """A fake span reader: answers from its first passage with a fixed raw score."""

    name, threshold = "fake", 0.0

    def __init__(self, score: float):
        self.score, self.calls = score, []

    def read(self, question, passages):
        self.calls.append(len(passages))
        p = passages[0]
        return [Candidate(p.chunk.doc_id, p.chunk.start, p.chunk.start + 5, self.score, 0, self.name)]


def _pipeline(bundled_qa, score, **settings):
    reader = Recorder(score)
    return QA(bundled_qa.data, dataclasses.replace(Settings(), **settings), readers=[reader]), reader


def test_a_sure_first_read_is_the_only_read(bundled_qa):
    pipeline, reader = _pipeline(bundled_qa, 0.95, first_read=1, early_exit=0.9, read_k=4)
    pipeline.ask("What is the investment objective?")
    assert reader.calls == [1]


def test_an_unsure_first_read_reads_the_rest_of_the_top_passages(bundled_qa):
    pipeline, reader = _pipeline(bundled_qa, 0.6, first_read=1, early_exit=0.9, read_k=4)
    pipeline.ask("What is the investment objective?")
    assert reader.calls == [1, 3]


def test_first_read_zero_reads_the_top_passages_at_once_then_more_when_nothing_clears(bundled_qa):
    pipeline, reader = _pipeline(bundled_qa, 0.3, first_read=0, read_k=3, read_more=2, threshold=0.5)
    pipeline.ask("What is the investment objective?")
    assert reader.calls == [3, 2]
