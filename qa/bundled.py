"""The zero-set-up pipeline over the bundled filing, loaded once per process.

The index lives in ``$QA_INDEX_DIR`` if set, else ``index/`` of a source
checkout, else ``~/.cache/filing-qa/index``.  A missing or stale index is
rebuilt from the bundled filing and saved (when the folder is writable); the build is
announced on this module's logger (INFO) and its stages go to the ``progress`` callback
(:mod:`qa.indexing.progress`) given to the first :func:`pipeline` call.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from qa.answer import Answer
from qa.errors import IndexLoadError
from qa.indexing.progress import Progress
from qa.parsing.sources import BUNDLED_FILE, BUNDLED_ID
from qa.pipeline import QA

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pipeline: QA | None = None


def index_dir() -> Path:
    """Where the bundled index is read from and written to."""
    if os.environ.get("QA_INDEX_DIR"):
        return Path(os.environ["QA_INDEX_DIR"])
    repo = Path(__file__).resolve().parent.parent
    if (repo / "pyproject.toml").is_file():
        return repo / "index"
    return Path.home() / ".cache" / "filing-qa" / "index"


def bundled_texts() -> dict[str, str]:
    """``{doc_id: text}`` of the filing that ships with the package."""
    return {BUNDLED_ID: BUNDLED_FILE.read_text(encoding="utf-8")}


def load_or_build(directory: Path | None = None, progress: Progress | None = None) -> QA:
    """Load the bundled index, rebuilding (and saving) it when missing or stale."""
    directory = directory or index_dir()
    texts = bundled_texts()
    try:
        return QA.load(directory, expected=texts, progress=progress)
    except IndexLoadError as exc:
        log.info("building the index of the bundled filing in %s (%s)", directory,
                 exc if directory.exists() else "first use")
        pipeline = QA.from_texts(texts, names={BUNDLED_ID: BUNDLED_FILE.name}, progress=progress)
        try:
            pipeline.save(directory)
        except OSError as err:
            log.warning("could not save the bundled index to %s: %s", directory, err)
        return pipeline


def pipeline(progress: Progress | None = None) -> QA:
    """The process-wide pipeline over the bundled filing (``progress`` hears its first build)."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            _pipeline = load_or_build(progress=progress)
        return _pipeline


def ask(question: str, doc_id: str | None = None) -> Answer:
    """Answer a question about the bundled filing."""
    return pipeline().ask(question, doc_id)


def source_text(doc_id: str = BUNDLED_ID) -> str:
    """The untouched text of the bundled filing (every offset points into it)."""
    return pipeline().source_text(doc_id)
