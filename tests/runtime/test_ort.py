"""Length-grouped batches of reader windows (qa.runtime.ort)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.runtime import models
from qa.runtime.ort import length_groups


def _padded(groups, lengths):
    return sum(len(g) * max(lengths[i] for i in g) for g in groups)


@given(st.lists(st.integers(1, 256), max_size=30))
def test_groups_partition_the_windows_and_never_cost_more_than_one_batch(lengths):
    groups = length_groups(lengths)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    assert len(groups) <= 2 and all(groups)
    if lengths:
        extra = 96 * (len(groups) - 1)
        assert _padded(groups, lengths) + extra <= len(lengths) * max(lengths)


def test_a_short_last_window_runs_apart_and_equal_lengths_run_together():
    assert length_groups([192, 192, 192, 40]) == [[3], [0, 1, 2]]
    assert length_groups([150, 150, 150]) == [[0, 1, 2]]
    assert length_groups([]) == []


@pytest.mark.slow
def test_grouped_logits_equal_one_batch_in_fp32():
    """The real fp32 reader gives the same logits whichever batch a window runs in (int8's
    dynamic activation scales depend on the batch, so it is not compared)."""
    import numpy as np

    from qa.runtime.ort import _pad
    model = models.reader("fp32")
    windows = model.windows("Who is the new adviser?", ["ClearBridge will become the Adviser. " * 40,
                                                          "The Board approved it."], 192, 64)
    assert len({len(w.ids) for w in windows}) > 1
    start, end = model.logits(windows)
    one_start, one_end = model.session.run(None, _pad(windows))
    for k, w in enumerate(windows):
        n = len(w.ids)
        assert np.allclose(start[k, :n], one_start[k, :n], atol=1e-3)
        assert np.allclose(end[k, :n], one_end[k, :n], atol=1e-3)


def test_int8_weights_follow_the_cpu(tmp_path):
    """Signed int8 weights only where VNNI keeps their sums from saturating; unsigned elsewhere,
    and where the CPU cannot be read."""
    from qa.runtime.onnx_export import int8_weights
    vnni, avx2 = tmp_path / "vnni", tmp_path / "avx2"
    vnni.write_text("flags\t\t: fpu sse avx2 avx512f avx512_vnni avx512_bf16\n")
    avx2.write_text("flags\t\t: fpu sse avx2 fma\n")
    assert (int8_weights(vnni), int8_weights(avx2), int8_weights(tmp_path / "missing")) == ("s8", "u8", "u8")
