"""Hybrid retrieval: dense (FAISS) and BM25 rankings fused by reciprocal rank fusion.

A query term the index never uses is replaced by the nearest index term, when one is
a letter or two away (misspellings: "objetive").  Inside one filing, a question's naming of the
one fund the filing is about is searched as "the Fund" (:mod:`qa.text.subject`).  Not handled: query expansion with
synonyms, and re-ranking with a cross-encoder (none ships with weights on PyPI).
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import faiss
import numpy as np

from qa.indexing.build import IndexData
from qa.indexing.embedding import embed
from qa.indexing.records import table_key
from qa.settings import Settings
from qa.text import lexical
from qa.text.subject import subject_words, without_subject

CANDIDATES = 50


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk with the evidence for its rank."""

    chunk: int              # position in IndexData.chunks
    score: float            # fused RRF score
    dense: float            # cosine similarity (nan when not in the dense list)
    bm25: float             # BM25 score (0 when not in the BM25 list)
    dense_rank: int | None
    bm25_rank: int | None


def _search(index: faiss.Index, vector: np.ndarray, k: int, rng: tuple[int, int] | None):
    params = None
    if rng is not None:
        selector = faiss.IDSelectorRange(int(rng[0]), int(rng[1]))
        params = (faiss.SearchParametersHNSW(sel=selector) if isinstance(index, faiss.IndexHNSW)
                  else faiss.SearchParameters(sel=selector))
    _, ids = index.search(vector[None, :], max(1, min(k, index.ntotal)), params=params)
    return ids[0][ids[0] >= 0]


def _dense(data: IndexData, vector: np.ndarray, k: int, rng: tuple[int, int] | None):
    """Chunks by the mean of their own cosine and their best sentence's cosine.

    Candidates are the top chunks and the owners of the top sentences; both
    similarities are then computed exactly for each candidate.
    """
    offsets = data.sent_offsets
    s_rng = (offsets[rng[0]], offsets[rng[1]]) if rng is not None else None
    by_chunk = _search(data.dense, vector, k, rng)
    by_sentence = _search(data.sentences, vector, 3 * k, s_rng)
    owners = np.searchsorted(offsets, by_sentence, side="right") - 1
    candidates = np.unique(np.concatenate([by_chunk, owners]).astype(np.int64))
    scores = np.empty(len(candidates), dtype=np.float32)
    for j, c in enumerate(candidates):
        lo, hi = int(offsets[c]), int(offsets[c + 1])
        best_sentence = float((data.sentences.reconstruct_n(lo, hi - lo) @ vector).max()) if hi > lo else -1.0
        scores[j] = (float(data.dense.reconstruct(int(c)) @ vector) + best_sentence) / 2
    order = np.argsort(-scores)[:k]
    return candidates[order], scores[order]


def _bm25(data: IndexData, query_terms: list[str], k: int, rng: tuple[int, int] | None):
    """Top ``k`` chunks by BM25 (scores from bm25s; the top-k taken here, without its thread pool)."""
    vocab = data.bm25.vocab_dict
    known = [t if t in vocab else _nearest_term(_by_prefix(data.bm25), t) for t in query_terms]
    known = [t for t in known if t]
    if not known:
        return np.zeros(0, dtype=int), np.zeros(0)
    scores = data.bm25.get_scores(known)
    if rng is not None:
        scores = scores[rng[0]:rng[1]]
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    top = top[scores[top] > 0]
    return top + (rng[0] if rng is not None else 0), scores[top]


_PREFIXES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _by_prefix(bm25) -> dict[str, list[str]]:
    """An index's BM25 terms grouped by their first two letters (built once per index)."""
    groups = _PREFIXES.get(bm25)
    if groups is None:
        groups = {}
        for term in bm25.vocab_dict:
            groups.setdefault(term[:2], []).append(term)
        _PREFIXES[bm25] = groups
    return groups


def _nearest_term(by_prefix: dict[str, list[str]], term: str) -> str | None:
    """The index term one edit away from a misspelled query term of five or more letters
    ("objet" from "objetive" -> "object"), two edits away from one of eight or more, starting
    with the same two letters ("independ" is not "depend"); None when there is none or the term
    has digits."""
    if len(term) < 5 or not term.isalpha():
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    found = process.extractOne(term, by_prefix.get(term[:2], []), scorer=Levenshtein.distance,
                               score_cutoff=1 if len(term) < 8 else 2)
    return found[0] if found else None


def search(data: IndexData, question: str, settings: Settings, k: int,
           doc_id: str | None = None, vector: np.ndarray | None = None) -> list[Hit]:
    """The ``k`` best chunks for ``question`` (optionally inside one document), best first."""
    rng = data.ranges[doc_id] if doc_id is not None else None
    pool = min(CANDIDATES, len(data.chunks) if rng is None else rng[1] - rng[0])
    if pool <= 0:
        return []
    question = searched_as(data, question, doc_id)
    vector = embed([question], precision=settings.embedder_precision)[0] if vector is None else vector
    d_ids, d_scores = _dense(data, vector, pool, rng)
    b_ids, b_scores = _bm25(data, lexical.terms(question), pool, rng)
    fused: dict[int, list] = {}
    for rank, (i, s) in enumerate(zip(d_ids, d_scores)):
        fused[int(i)] = [settings.dense_weight / (settings.rrf_k + rank + 1), float(s), 0.0, rank, None]
    for rank, (i, s) in enumerate(zip(b_ids, b_scores)):
        entry = fused.setdefault(int(i), [0.0, float("nan"), 0.0, None, None])
        entry[0] += settings.bm25_weight / (settings.rrf_k + rank + 1)
        entry[2], entry[4] = float(s), rank
    order = sorted(fused.items(), key=lambda kv: -kv[1][0])
    return [Hit(i, *v) for i, v in _diverse(data, order, k)]


def searched_as(data: IndexData, question: str, doc_id: str | None) -> str:
    """The question as it is searched: inside one filing (``doc_id``, or an index of one), its
    naming of the fund the filing is about put as "the Fund"."""
    if doc_id is None and len(data.ranges) == 1:
        doc_id = next(iter(data.ranges))
    if doc_id is None:
        return question
    return without_subject(question, _subject_of(data, doc_id))


_SUBJECTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _subject_of(data: IndexData, doc_id: str) -> frozenset[str]:
    """The subject words of a filing of the index, read from its cover once per index (an ask
    searches with them twice: the pipeline's analysis, then :func:`search`)."""
    found = _SUBJECTS.setdefault(data.bm25, {})
    if doc_id not in found:
        found[doc_id] = subject_words(data.sources[doc_id])
    return found[doc_id]


def _diverse(data: IndexData, order: list, k: int, per_table: int = 2) -> list:
    """The top ``k``, keeping at most ``per_table`` chunks (cells, or the whole table) of any one
    table: the table reader looks up a table's other cells itself, so more would only crowd out
    prose ("What is the expense cap for Class A?" found four fee-table and expense-example chunks
    above the expense limitation paragraph)."""
    out, seen = [], {}
    for item in order:
        chunk = data.chunks[item[0]]
        key = table_key(chunk)
        if chunk.kind in ("cell", "table") and key:
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > per_table:
                continue
        out.append(item)
        if len(out) == k:
            break
    return out
