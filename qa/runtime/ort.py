"""Running the exported models with ONNX Runtime and the ``tokenizers`` library.

No torch or transformers import happens here, which keeps a cold ``qa ask``
short.  Sessions use all cores for one request (``intra_op``) and run requests
one at a time.

Not handled: GPUs (the CPU execution provider only).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np


def _session(path: Path, spin: bool = False):
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = os.cpu_count() or 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Whether idle pool threads spin (wait busily for the next operator) or sleep.  Only one
    # session may spin: the embedder's and the reader's pools (and spaCy) take turns within one
    # ask, and two spinning pools on two cores starve each other (warm ask p50/p95 42.7/85.9 ms
    # with both spinning, 30.5/74.2 with neither, on an earlier machine).  The reader runs
    # several operators and often two batches back to back, so it spins (see SpanModel).
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _tokenizer(path: Path):
    from tokenizers import Tokenizer
    return Tokenizer.from_file(str(path))


def _pad(encodings) -> dict[str, np.ndarray]:
    width = max(len(e.ids) for e in encodings)
    feeds = {k: np.zeros((len(encodings), width), dtype=np.int64)
             for k in ("input_ids", "attention_mask", "token_type_ids")}
    for row, e in enumerate(encodings):
        n = len(e.ids)
        feeds["input_ids"][row, :n] = e.ids
        feeds["attention_mask"][row, :n] = 1
        feeds["token_type_ids"][row, :n] = e.type_ids
    return feeds


class Embedder:
    """Sentence embeddings: mean-pooled, unit-length, 384 dimensions."""

    dimension = 384

    def __init__(self, folder: Path, model_file: str = "model.onnx", max_tokens: int = 256):
        self.session = _session(folder / model_file)
        self.tokenizer = _tokenizer(folder / "tokenizer.json")
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.no_padding()
        self._lock = threading.Lock()

    def encode(self, texts: list[str], batch_size: int = 32, progress=None) -> np.ndarray:
        """Unit vectors for ``texts``; batches are length-sorted to waste little padding.
        ``progress(rows)``, when given, is called after each batch with its number of rows."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        with self._lock:
            encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for lo in range(0, len(order), batch_size):
            rows = order[lo:lo + batch_size]
            out[rows] = self.session.run(None, _pad([encodings[i] for i in rows]))[0]
            if progress is not None:
                progress(len(rows))
        return out


@dataclass(frozen=True)
class Window:
    """One question + passage window: which passage, its tokens and their character offsets."""

    passage: int
    ids: list[int]
    type_ids: list[int]
    offsets: list[tuple[int, int]]
    sequence_ids: list[int | None]


class SpanModel:
    """The extractive reader: start and end logits for question + passage windows."""

    def __init__(self, folder: Path, model_file: str = "model.onnx"):
        # Spinning: on a 2-core Xeon with AVX-512 VNNI (2026-12-03), one 192-piece window
        # 13.2 -> 9.3 ms, three 28.4 -> 22.7 ms; warm ask p50/p95 over the gold questions
        # 33.3-35.6 / 84.6-88.1 -> 29.7-31.7 / 75.3-79.1 ms (the embedder spinning too: 50/104).
        self.session = _session(folder / model_file, spin=True)
        self.tokenizer = _tokenizer(folder / "tokenizer.json")
        self.tokenizer.no_padding()
        self._lock = threading.Lock()

    def windows(self, question: str, passages: list[str], max_len: int, stride: int,
                max_question: int = 64) -> list[Window]:
        """Every window of every passage, as transformers' ``return_overflowing_tokens`` makes them.

        A question longer than ``max_question`` word pieces is cut there, so every window keeps
        room for the passage (more than ``stride`` pieces)."""
        out = []
        question = question.strip()
        with self._lock:
            self.tokenizer.no_truncation()
            pieces = self.tokenizer.encode(question, add_special_tokens=False).offsets
            if len(pieces) > max_question:
                question = question[:pieces[max_question - 1][1]]
            self.tokenizer.enable_truncation(max_len, stride=stride, strategy="only_second")
            encodings = self.tokenizer.encode_batch([(question, p) for p in passages])
        for k, enc in enumerate(encodings):
            for e in [enc] + list(enc.overflowing):
                out.append(Window(k, e.ids, e.type_ids, e.offsets, e.sequence_ids))
        return out

    def logits(self, windows: list[Window]) -> tuple[np.ndarray, np.ndarray]:
        """(start, end) logits, shape (windows, longest window); padding is -inf-free zeros.

        Windows run in at most two batches of similar length (see :func:`length_groups`), so a
        passage's short last window is not padded to the full window length."""
        width = max((len(w.ids) for w in windows), default=0)
        start = np.zeros((len(windows), width), dtype=np.float32)
        end = np.zeros_like(start)
        for rows in length_groups([len(w.ids) for w in windows]):
            s, e = self.session.run(None, _pad([windows[i] for i in rows]))
            start[rows, :s.shape[1]], end[rows, :e.shape[1]] = s, e
        return start, end


def length_groups(lengths: list[int], run_cost: int = 96) -> list[list[int]]:
    """Indices split into at most two batches, each padded to its longest, with the fewest
    padded tokens plus ``run_cost`` tokens' worth of overhead for each extra run (measured:
    one more ONNX Runtime run costs about as much as 100 tokens of this reader)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    if len(order) < 2:
        return [order] if order else []
    ranked = [lengths[i] for i in order]

    def cost(k: int) -> int:                # first k (shortest) windows in their own batch
        return k * ranked[k - 1] + (len(ranked) - k) * ranked[-1] + run_cost if k else len(ranked) * ranked[-1]
    k = min(range(len(ranked)), key=cost)
    return [order[:k], order[k:]] if k else [order]
