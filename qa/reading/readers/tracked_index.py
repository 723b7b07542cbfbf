"""The index an index fund tracks: "Which index does the Fund track?", "What is the target index?".

An index fund's summary names its index where it states its strategy —

    The Fund employs an indexing investment approach designed to track the performance of the
    S&P U.S. Dividend Growers Index (the Index), which consists of …
    The Fund seeks to track the investment results of the Bloomberg U.S. Treasury Total Return
    Unhedged USD Index (the Index) …

The question analysis says when the tracked index is asked (``Intents.tracked_index``).  This
reader takes, in the retrieved passages in their order and then in the whole filing, the first
name in capitals ending in "Index" after "track"/"replicate" (and "the performance of", "the
investment results of"), and answers with the name as printed.

Not handled: an index named only in lower case ("a benchmark index": no answer), one named
before the verb ("the S&P 500 Index, which the Fund tracks"), and funds tracking several indexes
(the first is taken).
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, FilingFactReader, ReadPassage, retrieved_then_filing
from qa.understanding.questions import Question

SCORE = 0.9
_WORD = r"(?:[A-Z0-9][\w&.+/’'-]*|of|and|&|ex)"            # "S&P", "U.S.", "10+", "AMT-Free", "ex US"
_TRACKS = re.compile(rf"\b(?:track|replicat)\w*\s+(?:the\s+(?:performance|investment\s+results|returns?)\s+of\s+)?"
                     rf"(?:the\s+)?(?P<name>(?:{_WORD}\s+){{1,12}}?Index)\b")


class TrackedIndexReader(FilingFactReader):
    """The name of the index the fund tracks (see module docstring)."""

    name = "tracked_index"

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.intents.tracked_index or not passages:
            return []
        doc, source = self.filing(passages)
        for start, end, p_idx, score in retrieved_then_filing(passages, source, SCORE):
            found = _TRACKS.search(source, start, end)
            if found and found.group("name")[:1].isupper():
                return [Candidate(doc, found.start("name"), found.end("name"), score, p_idx, self.name, {"index": True})]
        return []
