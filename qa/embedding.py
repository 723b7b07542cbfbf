"""Sentence embeddings (all-MiniLM-L6-v2), L2-normalised so inner product is cosine.

Not handled: texts longer than the model's 256 word pieces are truncated by
sentence-transformers; chunks are sized to stay under that.
"""
from __future__ import annotations

import numpy as np

from qa import models


def embed(texts: list[str], progress: bool = False, batch_size: int = 64) -> np.ndarray:
    """Float32 matrix of unit vectors, one row per text (shape (0, 384) for none)."""
    model = models.embedder()
    if not texts:
        return np.zeros((0, model.get_embedding_dimension()), dtype=np.float32)
    vectors = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                           show_progress_bar=progress, convert_to_numpy=True)
    return np.ascontiguousarray(vectors, dtype=np.float32)
