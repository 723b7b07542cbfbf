"""All tunable settings in one frozen dataclass.

Settings marked *index* change how an index is built; an index saved with other
values is rebuilt on load.  Environment variables are used only for paths
(``QA_INDEX_DIR``).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

INDEX_FIELDS = ("chunk_words", "chunk_overlap_sentences")


@dataclass(frozen=True)
class Settings:
    """Knobs of chunking, retrieval, reading and abstention."""

    chunk_words: int = 90               # index: words per prose chunk (soft limit)
    chunk_overlap_sentences: int = 1    # index: sentences repeated between chunks
    top_k: int = 5                      # passages returned as evidence
    read_k: int = 3                     # passages the reader reads
    rrf_k: int = 60                     # reciprocal rank fusion constant
    dense_weight: float = 1.0
    bm25_weight: float = 1.0
    max_answer_tokens: int = 40
    threshold: float | None = None      # answers scoring below this are withheld (None: the reader's own)
    max_question_chars: int = 1000
    max_file_bytes: int = 20_000_000

    def index_params(self) -> dict:
        """The settings that shape an index (stored in its manifest)."""
        return {k: v for k, v in asdict(self).items() if k in INDEX_FIELDS}

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
