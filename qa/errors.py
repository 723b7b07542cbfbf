"""Errors meant for the user: each message says what went wrong and how to fix it."""
from __future__ import annotations


class QAError(Exception):
    """Base class of every error filing-qa raises on purpose."""


class QuestionError(QAError, ValueError):
    """The question is empty, too long or not text."""


class UnknownDocumentError(QAError, KeyError):
    """A ``doc_id`` that the index does not hold."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class SourceError(QAError):
    """A filing that cannot be read: missing, empty, binary, too large or not decodable."""


class IndexLoadError(QAError):
    """An index folder that is missing, corrupt, stale or from another version."""


class ModelError(QAError):
    """A model that cannot be loaded from its local package."""
