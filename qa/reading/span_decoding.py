"""Turn a reader's start/end logits into scored character spans.

Shared by inference and by the training evaluation, so both decode the same way.
Not handled: spans that cross windows (each window is decoded on its own; the
caller merges windows by keeping the best span).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class WindowSpan:
    """A span inside one window: token indices, character offsets, raw score."""

    window: int
    start_token: int
    end_token: int
    char_start: int
    char_end: int
    score: float          # start_logit + end_logit
    null_score: float     # the window's [CLS] start + end logit


def best_spans(start_logits: np.ndarray, end_logits: np.ndarray, context_mask: np.ndarray,
               offsets: np.ndarray, window: int = 0, max_answer_tokens: int = 30,
               top_k: int = 5) -> list[WindowSpan]:
    """Return the ``top_k`` best spans of one window, best first.

    ``context_mask`` marks tokens that belong to the passage (not the question or
    special tokens); ``offsets`` holds each token's (start, end) characters in the
    passage.  Spans are limited to ``max_answer_tokens`` tokens.
    """
    n = len(start_logits)
    valid = context_mask.astype(bool)
    if not valid.any():
        return []
    width = max(1, min(max_answer_tokens, n))
    ends = np.arange(n)[:, None] + np.arange(width)[None, :]          # (start, length) -> end token
    inside = ends < n
    ends = np.where(inside, ends, n - 1)
    allowed = inside & valid[:, None] & valid[ends]
    scores = np.where(allowed, start_logits[:, None] + end_logits[ends], -np.inf)
    flat = scores.ravel()
    k = min(top_k, flat.size)
    best = np.argpartition(flat, flat.size - k)[flat.size - k:]     # the top k, unordered
    flat = best[np.argsort(flat[best])[::-1]]
    null = float(start_logits[0] + end_logits[0])
    out = []
    for idx in flat:
        s, length = divmod(int(idx), width)
        if not np.isfinite(scores[s, length]):
            break
        e = s + length
        out.append(WindowSpan(window, s, e, int(offsets[s][0]), int(offsets[e][1]),
                              float(scores[s, length]), null))
    return out
