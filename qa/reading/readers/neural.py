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
import re

import numpy as np

from qa.indexing.records import lists_of
from qa.reading import phrases
from qa.reading.readers.base import Candidate, ReadPassage, SpanScores
from qa.reading.readers.table_context import contrary_cell, other_class
from qa.reading.span_decoding import best_spans
from qa.runtime import models
from qa.text.numbers import parse_number
from qa.understanding import entities, kinds
from qa.understanding.lexicon import MOVE_LABEL, periods
from qa.understanding.questions import Question

_TICKER = re.compile(r"\b[A-Z]{2,6}\b")
_MARKER = re.compile(r"\(?\d{1,2}\)(?: \d{1,2})?|\([a-z]\)|\*+")     # "(1)", "1)\n\n1", "(a)", "*"
PATTERN_KINDS = {"date", "year", "percent", "money", "quantity", "duration"}
_STRICT_KINDS = {"date", "percent"}     # kinds whose Intents.typed_only questions no other span answers
BULLET = re.compile(r"\s*(?:[o*\u2022-]|\(?\w{1,3}[.)])\s*")     # "o ", "- ", "(a) ", "2. "


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


def _other_period(question: Question, chunk) -> bool:
    """A table cell whose labels name a period ("1 Year", "Since Inception") other than every
    period the question names ("the 10-year return")."""
    if chunk.kind != "cell":
        return False
    asked = question.intents.return_periods
    held = periods(f"{chunk.meta.row_label} {chunk.meta.col_label}")
    return bool(asked) and bool(held) and not asked & held


def _last_of_kind(cand: Candidate, chunk, question: Question | None, source: str) -> Candidate:
    """A span answering a date or year question that runs over a sentence's end ("2023. Aurélie
    Denis, CFA, … She has co-managed the Fund since February 2025") cut to the last date or
    year in it, where the reader ended it: its start wandered into the sentence before."""
    if question is None or question.kind not in ("date", "year") or \
            not any(cand.start < u[0] < cand.end for u in chunk.units):
        return cand
    found = entities.pattern_spans(source[cand.start:cand.end], entities.KIND_LABELS[question.kind])
    if not found:
        return cand
    s, e, _ = max(found, key=lambda f: (f[1], f[1] - f[0]))
    return dataclasses.replace(cand, start=cand.start + s, end=cand.start + e)


def _within_paragraph(cand: Candidate, source: str) -> Candidate:
    """A span that runs over a paragraph break ("NYSE Arca\n\nVanguard FTSE": a cover line and
    the next) cut at the break: the reader reads paragraphs joined by a space.  Not for a
    question asking for several things, whose answer may run over list items."""
    cut = source.find("\n\n", cand.start, cand.end)
    if cut < 0 or not any(ch.isalnum() for ch in source[cand.start:cut]):
        return cand
    return dataclasses.replace(cand, end=len(source[:cut].rstrip()))


def _level_cell(chunk) -> bool:
    """A table cell whose row and column labels name no movement (a level, not a change)."""
    meta = chunk.meta
    return chunk.kind == "cell" and not MOVE_LABEL.search(f"{meta.row_label} {meta.col_label}")


def _kept(passage: ReadPassage, span, src: tuple[int, int]) -> str:
    """The span's text that lies in source ``src`` (a cell's value without its labels)."""
    offsets = passage.view.offsets[span.char_start:span.char_end]
    text = passage.view.text[span.char_start:span.char_end]
    return "".join(ch for ch, o in zip(text, offsets) if src[0] <= o < src[1])


class NeuralReader:
    """Span prediction with the MiniLM reader trained on SQuAD v1.1 (+ negatives)."""

    name = "neural"
    threshold = 0.5      # uncalibrated; the pipeline's Calibrator gives the calibrated one

    def __init__(self, max_len: int = 192, stride: int = 64, max_answer_tokens: int = 40,
                 per_window: int = 3, precision: str = "int8", complete_phrases: bool = True):
        self.max_len, self.stride, self.precision = max_len, stride, precision
        self.max_answer_tokens, self.per_window = max_answer_tokens, per_window
        self.complete_phrases = complete_phrases

    def answered(self, cand: Candidate, passages: list[ReadPassage], question: Question | None,
                 source: str) -> Candidate:
        """The chosen span as it answers: widened to the phrase it stops inside, to the end of its
        sentence for an explanation question, and a span listing values answers with them as
        parts or with the year's (:func:`qa.reading.phrases.shape`); one that runs over two or
        more items of a list in its passage answers with those items as parts (and one that
        starts on a bullet marker starts at its item instead).  A span read in a table is kept
        as printed, and one inside a cell whose value is an amount is that whole value ("0.03)%"
        of "(0.03)%").  Run on the chosen candidate only: it parses the span's neighbourhood."""
        chunk = passages[cand.passage].chunk
        if chunk.kind == "cell" and chunk.start <= cand.start and cand.end <= chunk.end and \
                (cand.start, cand.end) != (chunk.start, chunk.end) and kinds.is_amount(source[chunk.start:chunk.end]):
            return dataclasses.replace(cand, start=chunk.start, end=chunk.end)   # "0.03)%" of "(0.03)%"
        if not self.complete_phrases or chunk.kind in ("cell", "table"):
            return cand
        cand = _last_of_kind(cand, chunk, question, source)
        if question is not None and not question.intents.several:
            cand = _within_paragraph(cand, source)
        units = [u for u in chunk.units if u[0] <= cand.start < u[1]]
        spans = phrases.shape(source, cand.start, cand.end, units[0] if units else None,
                              question, complements=cand.scores is None or cand.scores.type_ok is None)
        if len(spans) > 1:          # "$88,848, $133,514 and $138,668": its values
            return dataclasses.replace(cand, start=spans[0][0], end=spans[-1][1], parts=tuple(spans))
        cand = dataclasses.replace(cand, start=spans[0][0], end=spans[0][1])
        for found in lists_of(chunk):
            items = tuple(i for i in found.items if i[0] < cand.end and cand.start < i[1])
            if len(items) >= 2:
                return dataclasses.replace(cand, start=items[0][0], end=items[-1][1], parts=items)
            marker = source[cand.start:items[0][0]] if items else "x"
            if items and BULLET.fullmatch(marker):              # starts on the item's bullet marker
                return dataclasses.replace(cand, start=items[0][0])
        return cand

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
        qualifiers as printed ("29" -> "more than 29 years", "2006" -> "August 10, 2006"); for a
        question only a percentage answers, cut a span to the one percentage it holds."""
        if question.kind not in PATTERN_KINDS:
            return start, end
        typed = entities.typed_spans(text, question.kind)
        for s, e, _ in typed:
            if s <= start and end <= e and (s, e) != (start, end):
                return s, e
        inside = [(s, e) for s, e, _ in typed if start <= s and e <= end]
        if question.intents.typed_only and question.kind == "percent" and len(inside) == 1:
            return inside[0]                  # "75%" of "75% of the average value of its portfolio"
        return start, end

    def _candidate(self, question, passage, p_idx, span, p_start, p_end) -> Candidate | None:
        char_start, char_end = self._snap(question, passage.view.text, span.char_start, span.char_end)
        span = dataclasses.replace(span, char_start=char_start, char_end=char_end)
        src = passage.view.to_source(span.char_start, span.char_end)
        if src is None:
            return None
        # a span reaching into a cell's labels (kept elsewhere in the filing) is cut to the cell
        src = (max(src[0], passage.chunk.start), min(src[1], passage.chunk.end))
        if src[0] >= src[1] or (question.intents.explains and parse_number(_kept(passage, span, src)) is not None):
            return None                       # a bare "661,214" explains nothing
        if question.intents.moved and _level_cell(passage.chunk):
            return None                       # "the increase in X" is not X's amount in a cell
        if _other_period(question, passage.chunk) or other_class(question, passage.chunk) or \
                contrary_cell(question, passage.chunk):
            return None                       # "the 10-year return" is not a "1 Year" cell
        margin = span.score - span.null_score
        text = passage.view.text[span.char_start:span.char_end]
        if question.kind in ("percent", "date", "year") and kinds.is_amount(text) and not kinds.agrees(question.kind, text):
            return None                       # "the 5-year return" is not "$185", nor "when…?" "1.06%" (as for cells)
        if question.intents.dollars and kinds.is_amount(text) and kinds.is_rate(text):
            return None                       # what an investor would pay is no rate (as for cells)
        if _MARKER.fullmatch(" ".join(text.split())):
            return None                       # a footnote marker alone ("(1)") answers nothing
        if question.cover == "ticker" and not _TICKER.search(text):
            return None                       # a ticker is a word in capitals ("VSS", "VTMNX"), not 'the “Fund'
        typed = self._type_ok(question, text)
        if typed is False and question.intents.typed_only and question.kind in _STRICT_KINDS:
            return None                       # "1-833-993-9200" is no yield, "shortly after" no date
        score = 1.0 / (1.0 + math.exp(-margin / 2.0)) * (0.5 if typed is False else 1.0)
        return Candidate(passage.chunk.doc_id, src[0], src[1], score, p_idx, self.name,
                         scores=SpanScores(float(margin), float(p_start[span.start_token] * p_end[span.end_token]),
                                           float(p_start[0] * p_end[0]), float(span.score), typed))
