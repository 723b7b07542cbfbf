"""The trained extractive reader: one batched forward over all passage windows.

Each passage is paired with the question and cut into windows of ``max_len``
word pieces (``stride`` overlap), as in training.  For every window the best
spans (start + end logit, at most ``max_answer_tokens`` long) are compared with
the window's null score ([CLS]); the margin is the evidence that the passage
holds an answer.  Spans map back through the passage's view to source offsets.

Not handled: answers that cross two passages.
"""
from __future__ import annotations

import math
import threading

import numpy as np

from qa import entities, models
from qa.questions import Question
from qa.readers.base import Candidate, ReadPassage
from qa.span_decoding import best_spans

_lock = threading.Lock()
PATTERN_KINDS = {"date", "year", "percent", "money", "quantity", "duration"}   # fast tokenizers are not safe to share across threads


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


class NeuralReader:
    """Span prediction with the MiniLM reader trained on SQuAD v1.1 (+ negatives)."""

    name = "neural"
    threshold = 0.5

    def __init__(self, max_len: int = 192, stride: int = 64, max_answer_tokens: int = 40,
                 per_window: int = 3):
        self.max_len, self.stride = max_len, stride
        self.max_answer_tokens, self.per_window = max_answer_tokens, per_window

    def _forward(self, question: str, contexts: list[str]):
        import torch
        tokenizer, model = models.reader()
        with _lock:
            enc = tokenizer([question] * len(contexts), contexts, truncation="only_second",
                            max_length=self.max_len, stride=self.stride, padding=True,
                            return_overflowing_tokens=True, return_offsets_mapping=True,
                            return_tensors="np")
            seq_ids = [enc.sequence_ids(k) for k in range(len(enc["input_ids"]))]
        feeds = {k: torch.from_numpy(enc[k].astype(np.int64))
                 for k in ("input_ids", "attention_mask", "token_type_ids")}
        with torch.inference_mode():
            out = model(**feeds)
        return enc, seq_ids, out.start_logits.float().numpy(), out.end_logits.float().numpy()

    @staticmethod
    def _type_ok(question: Question, text: str) -> bool | None:
        """Whether the span is of the kind a pattern-typed question asks for (None: no check)."""
        if question.kind not in PATTERN_KINDS:
            return None
        return bool(entities.matches_kind(text, question.kind))

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not passages:
            return []
        enc, seq_ids, starts, ends = self._forward(question.text, [p.view.text for p in passages])
        out: list[Candidate] = []
        for k, p_idx in enumerate(enc["overflow_to_sample_mapping"]):
            passage = passages[int(p_idx)]
            ctx = np.array([s == 1 for s in seq_ids[k]])
            n = int(enc["attention_mask"][k].sum())
            p_start, p_end = _softmax(starts[k, :n]), _softmax(ends[k, :n])
            for span in best_spans(starts[k, :n], ends[k, :n], ctx[:n], enc["offset_mapping"][k][:n],
                                   max_answer_tokens=self.max_answer_tokens, top_k=self.per_window):
                src = passage.view.to_source(span.char_start, span.char_end)
                if src is None:
                    continue
                margin = span.score - span.null_score
                prob = float(p_start[span.start_token] * p_end[span.end_token])
                typed = self._type_ok(question, passage.view.text[span.char_start:span.char_end])
                score = 1.0 / (1.0 + math.exp(-margin / 2.0)) * (0.5 if typed is False else 1.0)
                out.append(Candidate(passage.chunk.doc_id, src[0], src[1], score, int(p_idx), self.name,
                                     {"margin": float(margin), "span_prob": prob, "type_ok": typed,
                                      "null_prob": float(p_start[0] * p_end[0]),
                                      "logit": float(span.score)}))
        out.sort(key=lambda c: -c.score)
        return out
