"""The trained extractive reader: every passage window read together (in at most two
length groups, see :meth:`qa.runtime.ort.SpanModel.logits`).

Each passage is paired with the question and cut into windows of ``max_len``
word pieces (``stride`` overlap), as in training.  For every window the best
spans (start + end logit, at most ``max_answer_tokens`` long) are compared with
the window's null score ([CLS]); the margin is the evidence that the passage
holds an answer.  Spans map back through the passage's view to source offsets.

Not handled: answers that cross two passages.
"""
from __future__ import annotations

import dataclasses
import math

import numpy as np

from qa.reading.readers.base import Candidate, ReadPassage
from qa.reading.span_decoding import best_spans
from qa.runtime import models
from qa.text.numbers import parse_number
from qa.understanding import entities
from qa.understanding.questions import Question, explains

PATTERN_KINDS = {"date", "year", "percent", "money", "quantity", "duration"}


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


def _kept(passage: ReadPassage, span, src: tuple[int, int]) -> str:
    """The span's text that lies in source ``src`` (a cell's value without its labels)."""
    offsets = passage.view.offsets[span.char_start:span.char_end]
    text = passage.view.text[span.char_start:span.char_end]
    return "".join(ch for ch, o in zip(text, offsets) if src[0] <= o < src[1])


class NeuralReader:
    """Span prediction with the MiniLM reader trained on SQuAD v1.1 (+ negatives)."""

    name = "neural"

    @property
    def threshold(self) -> float:
        """Calibrated on the gold set (``qa eval --calibrate``); 0.5 before that."""
        from qa.settings import shipped_threshold
        value = shipped_threshold()
        return 0.5 if value is None else value

    def __init__(self, max_len: int = 192, stride: int = 64, max_answer_tokens: int = 40,
                 per_window: int = 3, precision: str = "int8"):
        self.max_len, self.stride, self.precision = max_len, stride, precision
        self.max_answer_tokens, self.per_window = max_answer_tokens, per_window

    def _forward(self, question: str, contexts: list[str]):
        model = models.reader(self.precision)
        windows = model.windows(question, contexts, self.max_len, self.stride)
        starts, ends = model.logits(windows)
        return windows, starts, ends

    @staticmethod
    def _type_ok(question: Question, text: str) -> bool | None:
        """Whether the span is of the kind a pattern-typed question asks for (None: no check)."""
        if question.kind not in PATTERN_KINDS:
            return None
        return bool(entities.matches_kind(text, question.kind))

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not passages:
            return []
        windows, starts, ends = self._forward(question.text, [p.view.text for p in passages])
        out: list[Candidate] = []
        for k, window in enumerate(windows):
            passage = passages[window.passage]
            n = len(window.ids)
            ctx = np.array([s == 1 for s in window.sequence_ids])
            p_start, p_end = _softmax(starts[k, :n]), _softmax(ends[k, :n])
            for span in best_spans(starts[k, :n], ends[k, :n], ctx, np.asarray(window.offsets),
                                   max_answer_tokens=self.max_answer_tokens, top_k=self.per_window):
                cand = self._candidate(question, passage, window.passage, span, p_start, p_end)
                if cand is not None:
                    out.append(cand)
        out.sort(key=lambda c: -c.score)
        return out

    @staticmethod
    def _snap(question: Question, text: str, start: int, end: int) -> tuple[int, int]:
        """Widen a span to the typed expression around it, so numbers keep their units and
        qualifiers as printed ("29" -> "more than 29 years", "2006" -> "August 10, 2006")."""
        if question.kind not in PATTERN_KINDS:
            return start, end
        for s, e, _ in entities.typed_spans(text, question.kind):
            if s <= start and end <= e and (s, e) != (start, end):
                return s, e
        return start, end

    def _candidate(self, question, passage, p_idx, span, p_start, p_end) -> Candidate | None:
        char_start, char_end = self._snap(question, passage.view.text, span.char_start, span.char_end)
        span = dataclasses.replace(span, char_start=char_start, char_end=char_end)
        src = passage.view.to_source(span.char_start, span.char_end)
        if src is None:
            return None
        # a span reaching into a cell's labels (kept elsewhere in the filing) is cut to the cell
        src = (max(src[0], passage.chunk.start), min(src[1], passage.chunk.end))
        if src[0] >= src[1] or (explains(question.text) and parse_number(_kept(passage, span, src)) is not None):
            return None                       # a bare "661,214" explains nothing
        margin = span.score - span.null_score
        typed = self._type_ok(question, passage.view.text[span.char_start:span.char_end])
        score = 1.0 / (1.0 + math.exp(-margin / 2.0)) * (0.5 if typed is False else 1.0)
        return Candidate(passage.chunk.doc_id, src[0], src[1], score, p_idx, self.name,
                         {"margin": float(margin), "type_ok": typed,
                          "span_prob": float(p_start[span.start_token] * p_end[span.end_token]),
                          "null_prob": float(p_start[0] * p_end[0]), "logit": float(span.score)})
