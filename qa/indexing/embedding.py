"""Sentence embeddings (all-MiniLM-L6-v2), L2-normalised so inner product is cosine.

The model is sentence-transformers' all-MiniLM-L6-v2 (mean pooling, normalised)
run on ONNX Runtime; a test checks the vectors against sentence-transformers.
Not handled: texts longer than the model's 256 word pieces are truncated;
chunks are sized to stay under that.  In int8 a text's vector depends a little on the batch it
is embedded in (dynamic quantisation scales each batch's activations), so a filing indexed
alone and among others gets vectors that differ at about the third decimal.
"""
from __future__ import annotations

import numpy as np

from qa.indexing.progress import Progress, report
from qa.runtime import models


def embed(texts: list[str], progress: Progress | None = None, batch_size: int = 32,
          precision: str = "fp32") -> np.ndarray:
    """Float32 matrix of unit vectors, one row per text (shape (0, 384) for none); ``progress``
    hears ("embedding", texts done, texts); ``precision`` "fp32" or "int8" (the index's own:
    ``Settings.embedder_precision``)."""
    model = models.embedder(precision)
    if not texts:
        return np.zeros((0, model.dimension), dtype=np.float32)
    report(progress, "embedding", 0, len(texts))
    done = [0]

    def advanced(rows: int) -> None:
        done[0] += rows
        report(progress, "embedding", done[0], len(texts))
    vectors = model.encode(list(texts), batch_size=batch_size, progress=advanced if progress else None)
    return np.ascontiguousarray(vectors, dtype=np.float32)
