"""filing-qa: ask a fund filing a question, get the exact words that answer it and where they stand.

    import qa
    a = qa.ask("Who is the new adviser?")
    a.text, a.score, a.start, a.end, a.context

Heavy parts (torch, FAISS, spaCy) load on first use, not on import.
"""
from __future__ import annotations

from qa.errors import IndexLoadError, ModelError, QAError, QuestionError, SourceError, UnknownDocumentError

__all__ = ["ask", "source_text", "QA", "Answer", "Span", "Passage", "Settings",
           "QAError", "QuestionError", "UnknownDocumentError", "SourceError",
           "IndexLoadError", "ModelError"]
__version__ = "0.1.0"

_LAZY = {"ask": "qa.bundled", "source_text": "qa.bundled", "QA": "qa.pipeline",
         "Answer": "qa.answer", "Span": "qa.answer", "Passage": "qa.answer",
         "Settings": "qa.settings"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
