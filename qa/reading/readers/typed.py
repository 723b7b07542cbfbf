"""A reader without a trained model: candidates of the type the question asks for.

"When…" gets dates, "who…" people and organisations, "what fee…" percentages and
amounts; each candidate is scored by how many of the question's terms its
sentence shares, how near it sits to them, and the passage's retrieval rank.
Questions with no type get the best-matching sentence.

Not handled: answers that are not entities or numbers (an objective, a reason);
for those it can only point at the sentence.  The trained neural reader
(:mod:`qa.reading.readers.neural`) does better; this one stays as its type check.
"""
from __future__ import annotations

import numpy as np

from qa.reading.readers.base import Candidate, ReadPassage
from qa.text import lexical
from qa.understanding import entities
from qa.understanding.questions import Question


def sentence_ranges(passage: ReadPassage) -> list[tuple[int, int]]:
    """View ranges of the passage's sentences (the whole view for tables and cells)."""
    offsets = passage.view.offsets
    if passage.chunk.kind != "prose" or not passage.chunk.units:
        return [(0, len(passage.view.text))]
    out = []
    for s, e in passage.chunk.units:
        inside = np.flatnonzero((offsets >= s) & (offsets < e))
        if len(inside):
            out.append((int(inside[0]), int(inside[-1]) + 1))
    return out or [(0, len(passage.view.text))]


def _overlap(question: Question, text: str) -> float:
    if not question.terms:
        return 0.0
    have = set(lexical.terms(text))
    return sum(t in have for t in set(question.terms)) / len(set(question.terms))


def _proximity(question: Question, sentence: str, start: int, end: int) -> float:
    """1 when a question term touches the candidate, falling with distance in words."""
    wanted = set(question.terms)
    positions = [i for i, w in enumerate(sentence.split()) if set(lexical.terms(w)) & wanted]
    if not positions:
        return 0.0
    cand = len(sentence[:start].split())
    last = cand + max(0, len(sentence[start:end].split()) - 1)
    dist = min(0 if cand <= p <= last else min(abs(p - cand), abs(p - last)) for p in positions)
    return 1.0 / (1.0 + dist / 4.0)


class TypedReader:
    """Typed-candidate extraction (see module docstring)."""

    name = "typed"
    threshold = 0.35   # set by hand on the issue-2 questions; the neural reader's is calibrated

    def __init__(self, data=None):
        self.data = data    # IndexData, for how common a name is across chunks

    def _commonness(self, passage: ReadPassage, text: str) -> float:
        """0.3 for names found in most chunks ("Portfolio", "Trust"), else 1."""
        if self.data is None or len(self.data.chunks) < 20:
            return 1.0
        vocab = self.data.bm25.vocab_dict
        indptr = self.data.bm25.scores["indptr"]
        n = len(self.data.chunks)
        dfs = [indptr[vocab[t] + 1] - indptr[vocab[t]] for t in lexical.terms(text) if t in vocab]
        return 0.3 if dfs and min(dfs) > 0.3 * n else 1.0

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        out: list[Candidate] = []
        for p_idx, passage in enumerate(passages):
            rank_factor = 1.0 / (1.0 + 0.25 * passage.rank)
            for vs, ve in sentence_ranges(passage):
                sentence = passage.view.text[vs:ve]
                overlap = _overlap(question, sentence)
                spans = entities.typed_spans(sentence, question.kind)
                if not spans and entities.KIND_LABELS.get(question.kind):
                    continue
                spans = spans or [(0, len(sentence), "sentence")]
                for a, b, label in spans:
                    cand_text = sentence[a:b]
                    echo = 0.3 if label.isupper() and set(lexical.terms(cand_text)) & set(question.terms) else 1.0
                    echo *= self._commonness(passage, cand_text) if label.isupper() else 1.0
                    near = _proximity(question, sentence, a, b) if label != "sentence" else 0.5
                    score = overlap * (0.55 + 0.45 * near) * rank_factor * echo
                    src = passage.view.to_source(vs + a, vs + b)
                    if src:
                        out.append(Candidate(passage.chunk.doc_id, src[0], src[1], float(score), p_idx,
                                             self.name, {"overlap": overlap, "near": near,
                                                         "label": label}))
        out.sort(key=lambda c: -c.score)
        return out
