"""Building the searchable index of a set of filings: chunks, dense vectors, BM25.

The dense index is exact inner product (``IndexFlatIP``) up to
``EXACT_LIMIT`` chunks and HNSW above it; the choice is written to the manifest.
Not handled: adding documents to an existing index in place (build anew; the
chunking of unchanged documents is cheap, embedding is the cost).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import bm25s
import faiss
import numpy as np

from qa.digests import sha256
from qa.indexing import chunking
from qa.indexing.embedding import embed
from qa.indexing.progress import Progress, report
from qa.runtime import models
from qa.settings import Settings
from qa.text import lexical

log = logging.getLogger(__name__)
FORMAT_VERSION = 3   # bump whenever parsing or chunking changes what an index holds
# FAISS's OpenMP threads spin after each search and starve torch's threads (a
# 1 ms search made the next embedding 40x slower); one query needs no parallelism.
faiss.omp_set_num_threads(1)
logging.getLogger("bm25s").setLevel(logging.WARNING)
EXACT_LIMIT = 50_000


@dataclass
class IndexData:
    """Everything a pipeline needs to search: chunks, sources, the two retrievers."""

    chunks: list[chunking.Chunk]
    sources: dict[str, str]
    dense: faiss.Index                 # one vector per chunk
    sentences: faiss.Index             # one vector per sentence of each chunk
    sent_offsets: np.ndarray           # chunk i owns sentence vectors [sent_offsets[i], sent_offsets[i+1])
    bm25: bm25s.BM25
    manifest: dict
    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.ranges:
            self.ranges = doc_ranges(self.chunks)


def doc_ranges(chunks: list[chunking.Chunk]) -> dict[str, tuple[int, int]]:
    """[lo, hi) chunk positions of each document (chunks of a document are contiguous)."""
    ranges: dict[str, tuple[int, int]] = {}
    for i, chunk in enumerate(chunks):
        lo, _ = ranges.get(chunk.doc_id, (i, i))
        ranges[chunk.doc_id] = (lo, i + 1)
    return ranges


def sentence_texts(chunk: chunking.Chunk, source: str) -> list[str]:
    """What each sentence vector of a chunk embeds: heading + sentence (prose), else the chunk."""
    if chunk.kind != "prose" or not chunk.units:
        return [chunk.embed_text()]
    prefix = f"{chunk.heading}. " if chunk.heading else ""
    return [prefix + " ".join(source[s:e].split()) for s, e in chunk.units]


def dense_index(vectors: np.ndarray) -> faiss.Index:
    """Exact inner-product index, or HNSW (inner product) above ``EXACT_LIMIT`` vectors."""
    dim = vectors.shape[1]
    if len(vectors) <= EXACT_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 64
    index.add(vectors)
    return index


def bm25_index(chunks: list[chunking.Chunk]) -> bm25s.BM25:
    """BM25 over the stemmed terms of each chunk's heading and text.  The vocabulary is numbered
    in sorted order, so the same chunks give the same files whatever the hash seed."""
    from bm25s.tokenization import Tokenized
    retriever = bm25s.BM25()
    corpus = [lexical.terms(c.embed_text()) or ["\u2205"] for c in chunks]
    vocab = {term: i for i, term in enumerate(sorted({t for doc in corpus for t in doc}))}
    retriever.index(Tokenized(ids=[[vocab[t] for t in doc] for doc in corpus], vocab=vocab),
                    show_progress=False)
    return retriever


_SHAPING = ("parsing/edgar.py", "parsing/tables.py", "parsing/pipe_tables.py", "indexing/table_facts.py",
            "indexing/chunking.py", "text/lexical.py", "text/views.py", "parsing/html.py", "text/numbers.py",
            "parsing/html_tables.py", "parsing/submission.py", "parsing/sources.py", "parsing/table_model.py")


def code_fingerprint() -> str:
    """sha256 over the modules that decide what an index holds; any edit makes old indexes stale."""
    import hashlib
    from pathlib import Path
    digest = hashlib.sha256()
    for name in _SHAPING:
        digest.update((Path(__file__).resolve().parents[1] / name).read_bytes())
    return digest.hexdigest()[:16]


def manifest_for(sources: dict[str, str], names: dict[str, str], settings: Settings,
                 dense: faiss.Index, n_chunks: int) -> dict:
    """The manifest fields that describe what was indexed and how."""
    return {
        "format": "filing-qa-index", "version": FORMAT_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "embedder": models.EMBEDDER_NAME, "dim": int(dense.d),
        "dense_index": "exact (IndexFlatIP)" if isinstance(dense, faiss.IndexFlatIP) else "HNSW32",
        "bm25": "bm25s, Lucene BM25 k1=1.5 b=0.75, PyStemmer english",
        "params": settings.index_params(), "code": code_fingerprint(), "chunks": n_chunks,
        "documents": {d: {"sha256": sha256(t), "chars": len(t), "name": names.get(d, d)}
                      for d, t in sources.items()},
    }


def _embed_unique(texts: list[str], progress: Progress | None, precision: str) -> np.ndarray:
    """Embed each distinct text once (a cell's only "sentence" is the cell itself)."""
    unique = list(dict.fromkeys(texts))
    where = {t: i for i, t in enumerate(unique)}
    return embed(unique, progress=progress, precision=precision)[[where[t] for t in texts]]


def build(sources: dict[str, str], settings: Settings, names: dict[str, str] | None = None,
          progress: Progress | None = None) -> IndexData:
    """Chunk, embed and index ``{doc_id: text}``; ``progress`` hears ("chunking", documents done,
    documents) and ("embedding", texts done, texts)."""
    t0 = time.time()
    chunks: list[chunking.Chunk] = []
    report(progress, "chunking", 0, len(sources))
    for done, (doc_id, text) in enumerate(sources.items(), 1):
        chunks.extend(chunking.chunk_document(doc_id, text, settings.chunk_words,
                                              settings.chunk_overlap_sentences))
        report(progress, "chunking", done, len(sources))
    per_chunk = [sentence_texts(c, sources[c.doc_id]) for c in chunks]
    offsets = np.concatenate([[0], np.cumsum([len(t) for t in per_chunk])]).astype(np.int64)
    vectors = _embed_unique([c.embed_text() for c in chunks] + [t for ts in per_chunk for t in ts],
                            progress, settings.embedder_precision)
    dense = dense_index(vectors[:len(chunks)])
    sentences = dense_index(vectors[len(chunks):])
    bm25 = bm25_index(chunks)
    manifest = manifest_for(sources, names or {}, settings, dense, len(chunks))
    log.info("indexed %d documents, %d chunks in %.1fs", len(sources), len(chunks), time.time() - t0)
    return IndexData(chunks, dict(sources), dense, sentences, offsets, bm25, manifest)
