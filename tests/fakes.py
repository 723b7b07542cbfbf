"""Fakes for plumbing tests, and only for them: they never stand in for a model in a test
that checks an answer's quality.

:class:`FakeEmbedder` gives hashed bag-of-words vectors in place of all-MiniLM-L6-v2, and
:class:`FakeSpanReader` proposes the first number (or else the first words) of the passage
sharing most words with the question in place of the trained span reader.  With them a
pipeline is built, saved, loaded and asked in milliseconds, so the plumbing between the
stages (offsets, thresholds, abstention, the store) is tested in the fast tier.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

from qa.reading.readers.base import Candidate
from qa.text import lexical

_NUMBER = re.compile(r"\(?\$?\d[\d,.]*\)?%?")


class FakeEmbedder:
    """FAKE: unit vectors of hashed stemmed terms (the dimension of the real embedder)."""

    dimension = 384

    def encode(self, texts, batch_size=32, progress=None):
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in lexical.terms(text) or ["\u2205"]:
                out[row, int(hashlib.md5(term.encode()).hexdigest(), 16) % self.dimension] += 1.0
            out[row] /= np.linalg.norm(out[row])
        if progress:
            progress(len(texts))
        return out


class FakeSpanReader:
    """FAKE span reader: in the sentence sharing most terms with the question, its first
    number, else its first three words, scored by the share of the question's terms it holds."""

    name = "fake"
    threshold = 0.5

    def read(self, question, passages):
        wanted = set(question.terms)
        out = []
        for p_idx, p in enumerate(passages):
            for sentence in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", p.view.text, re.DOTALL):
                share = len(wanted & lexical.term_set(sentence.group())) / max(1, len(wanted))
                found = _NUMBER.search(sentence.group()) or re.match(r"\S+(?:\s+\S+){0,2}", sentence.group())
                span = (sentence.start() + found.start(), sentence.start() + found.end()) if found else None
                src = p.view.to_source(*span) if span else None
                if src:
                    out.append(Candidate(p.chunk.doc_id, src[0], src[1], share / (1 + 0.1 * p_idx), p_idx, self.name))
        return sorted(out, key=lambda c: -c.score)
