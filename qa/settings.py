"""All tunable settings in one frozen dataclass.

Settings marked *index* change how an index is built; an index saved with other
values is rebuilt on load.  Environment variables are used only for paths
(``QA_INDEX_DIR``, ``QA_CALIBRATION``).
"""
from __future__ import annotations

import functools
import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

INDEX_FIELDS = ("chunk_words", "chunk_overlap_sentences", "embedder_precision")


def calibration_path() -> Path:
    """Where the calibration chosen by ``python -m eval.harness --calibrate`` is shipped."""
    return Path(__file__).parent / "calibration.json"


@functools.cache
def reader_fingerprint() -> str:
    """Identifies the span reader in use (its training step and dev F1), or "typed"."""
    folder = Path(__file__).parent / "reader_model"
    if not (folder / "model.safetensors").is_file():
        return "typed"
    try:
        facts = json.loads((folder / "training.json").read_text())
        return f"neural:step{facts.get('best_step', facts['step'])}:f1{facts['best_f1']}"
    except (OSError, ValueError, KeyError):
        return "neural:unknown"


@dataclass(frozen=True)
class Settings:
    """Knobs of chunking, retrieval, reading and abstention."""

    chunk_words: int = 90               # index: words per prose chunk (soft limit)
    chunk_overlap_sentences: int = 1    # index: sentences repeated between chunks
    # index: the embedder's MatMuls in dynamic int8 ("int8", 1.6-1.8x faster indexing, vectors at
    # cosine 0.98-1.0 to fp32's) or "fp32"; questions are embedded as the index was
    embedder_precision: str = "int8"
    top_k: int = 5                      # passages returned as evidence
    read_k: int = 4                     # passages the neural reader reads
    first_read: int = 1                 # read these first, the rest of read_k only when unsure (0: all)
    early_exit: float = 0.9             # ...unsure: no answer from the first read scores this much
    read_more: int = 0                  # further passages it reads when nothing clears its threshold
    read_window: int = 1                # neighbouring chunks of the same section read with each
    rrf_k: int = 60                     # reciprocal rank fusion constant
    dense_weight: float = 1.0
    bm25_weight: float = 1.0
    max_answer_tokens: int = 40
    window_tokens: int = 192            # word pieces per question + passage window (as trained)
    window_stride: int = 64             # pieces shared by consecutive windows of one passage
    complete_phrases: bool = True       # widen a neural span to the phrase it stops inside (qa.reading.phrases)
    reader_precision: str = "int8"      # or "fp32": slower; accuracy compared in eval/precision.md
    # one threshold for every reader; None: each reader's own (the neural one from the calibration)
    threshold: float | None = None
    # a calibration.json (`qa eval --calibrate --out FILE`); None: $QA_CALIBRATION, else the shipped one
    calibration: str | None = None
    max_question_chars: int = 1000
    max_file_bytes: int = 20_000_000

    def index_params(self) -> dict:
        """The settings that shape an index (stored in its manifest)."""
        return {k: v for k, v in asdict(self).items() if k in INDEX_FIELDS}

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
