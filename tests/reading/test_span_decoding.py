"""Span decoding (qa.reading.span_decoding) against a brute-force search over every allowed span."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.reading.span_decoding import best_spans


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 120), st.integers(1, 8), st.integers(1, 40), st.integers(0, 2**32 - 1))
def test_best_spans_are_the_top_allowed_spans_best_first(n, top_k, max_len, seed):
    rng = np.random.default_rng(seed)
    start, end = rng.normal(size=n), rng.normal(size=n)
    context = rng.random(n) > 0.2
    offsets = np.array([(3 * i, 3 * i + 2) for i in range(n)])
    got = best_spans(start, end, context, offsets, max_answer_tokens=max_len, top_k=top_k)
    allowed = [(start[i] + end[j], i, j) for i in range(n) for j in range(i, min(n, i + max_len))
               if context[i] and context[j]]
    want = sorted(allowed, reverse=True)[:top_k]
    assert [(s.start_token, s.end_token) for s in got] == [(i, j) for _, i, j in want]
    assert all(s.char_start == 3 * s.start_token and s.char_end == 3 * s.end_token + 2 for s in got)
