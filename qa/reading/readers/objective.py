"""A fund's investment objective: "What is the investment objective of the Fund?", "What does
the Fund seek?".

A fund summary opens with a section of its own that states the objective in one sentence —

    Investment Objective
    The Fund seeks to provide long-term capital appreciation.
    The Fund’s investment objective is long-term growth of capital.
    The fund has an investment objective of seeking to provide long-term capital appreciation.

The question analysis says when the objective is asked (``Intents.objective``).  This reader
takes the first paragraph under an "Investment Objective(s)" or "Goal" heading (the one a
retrieved passage falls in, else the filing's first) and answers with what follows "seeks",
"objective is" or "objective of" in its first sentence, up to the sentence's end; a paragraph of
one short sentence without those words is the objective itself ("Total return in excess of that
of its benchmark, the Bloomberg U.S. Aggregate Index.").

Not handled: a secondary objective asked for (no answer: the span reader reads those), an
objective printed without such a heading, and longer paragraphs without those words.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, FilingFactReader, ReadPassage
from qa.understanding.questions import Question

SCORE = 0.9
BARE_WORDS = 40         # a paragraph of one sentence up to so many words may be the objective itself
_HEADING = re.compile(r"(?im)^[ \t]*(?:investment |fund )?(?:objectives?|goals?)[ \t]*:?[ \t]*\n\s*")
_FULL_STOP = r"(?<!\b[A-Z])\."      # a sentence's full stop, not an initial's ("U.S. companies")
_STATED = re.compile(r"\b(?:seeks|seek|objectives? (?:is|are|of)|goal (?:is|of))\s+(?P<obj>[^\n]+?)" + _FULL_STOP + r"(?=\s|$)",
                     re.IGNORECASE)


class ObjectiveReader(FilingFactReader):
    """The objective a fund summary states under its heading (see module docstring)."""

    name = "objective"

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.intents.objective or not passages:
            return []
        doc, source = self.filing(passages)
        headings = list(_HEADING.finditer(source))
        if not headings:
            return []
        inside = [h for h in headings if any(p.chunk.start <= h.end() < p.chunk.end for p in passages)]
        heading = (inside or headings)[0]
        line_end = source.find("\n", heading.end())
        line_end = line_end if line_end != -1 else len(source)
        stated = _STATED.search(source, heading.end(), line_end)
        if stated is not None:
            return [Candidate(doc, stated.start("obj"), stated.end("obj"), SCORE, 0, self.name, {"objective": True})]
        bare = _bare(source, heading.end(), line_end)
        return [Candidate(doc, bare[0], bare[1], SCORE, 0, self.name, {"objective": True})] if bare else []


def _bare(source: str, start: int, end: int) -> tuple[int, int] | None:
    """The paragraph as the objective, when it is one short sentence (without its full stop)."""
    text = source[start:end].rstrip()
    if not text.endswith(".") or len(text.split()) > BARE_WORDS or re.search(_FULL_STOP + r"\s", text):
        return None
    return start, start + len(text) - 1
