"""A helper for the filing-fact readers' tests: read a whole source as the one retrieved passage."""
from __future__ import annotations

from qa.indexing.records import Chunk
from qa.reading.readers.base import ReadPassage
from qa.understanding.questions import analyse


def answer_of(reader, source: str, question: str) -> str | None:
    """The text of ``reader``'s best answer to ``question`` over ``source`` as document "d", or None.
    The passage has no view: these readers read the filing's source only."""
    chunk = Chunk(doc_id="d", start=0, end=len(source), text=source, heading="", kind="prose")
    found = reader.read(analyse(question, 500), [ReadPassage(chunk=chunk, view=None, rank=0, hit=None)])
    return source[found[0].start:found[0].end] if found else None
