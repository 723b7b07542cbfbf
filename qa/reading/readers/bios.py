"""A person's title from the line a filing introduces them with: "What is Cesar Orosco's title?".

Fund filings introduce each portfolio manager the same way: the name, any credentials, then
the title, then what they do for the fund —

    Cesar Orosco, CFA, Ph.D., Head of Alpha Equity Investments at Vanguard. He has managed ...
    Nancy Zevenbergen, CFA, President, Chief Investment Officer and Analyst of Zevenbergen, has co-managed ...
    Andrew Susser, Executive Managing Director        (a table cell)

The question analysis says whose title is asked (``Question.person``); this reader finds a
sentence or cell of a retrieved passage that starts with that person's name and answers with
the title: what follows the name and its credentials, up to the clause that says what the
person does (", has co-managed", ". He has") or the end.

Not handled: a title printed before the name ("Portfolio Manager Jane Doe"), a title in a
table column of its own (the table reader reads those), and names the question spells otherwise.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import Candidate, ReadPassage
from qa.reading.readers.typed import sentence_ranges
from qa.understanding.questions import Question

CREDENTIALS = frozenset({"cfa", "cpa", "caia", "frm", "cfp", "cipm", "cmt", "phd", "ph.d.", "ph.d", "mba", "m.b.a.",
                         "jd", "j.d.", "cima", "asa", "fsa", "prm", "clu", "chfc", "esq.", "esq", "jr.", "jr", "sr.",
                         "sr", "ii", "iii", "iv", "md", "m.d.", "cpa/abv", "ca", "acca", "fca"})
_NAME = re.compile(r"[A-Z][\w.’'\-]*(?:[ \t]+(?:[A-Z][\w.’'\-]*|de|van|von|da|di|del|la|le))*")
_STOP = re.compile(r",\s+(?:has|have|had|is|was|who|joined|serves|served|will|and has)\b|[.;](?=\s|$)|\s+\(")
SCORE = 0.93


class BioReader:
    """Answers "What is X's title?" from the line that introduces X."""

    name = "bio"
    threshold = 0.5
    structural = True

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.person:
            return []
        surname = question.person.split()[-1].lower()
        out = []
        for p_idx, passage in enumerate(passages):
            text = passage.view.text
            for vs, ve in sentence_ranges(passage):
                found = title_in(text[vs:ve].lstrip("> •\t"), surname)
                if found is None:
                    continue
                lead = len(text[vs:ve]) - len(text[vs:ve].lstrip("> •\t"))
                span = passage.view.to_source(vs + lead + found[0], vs + lead + found[1])
                if span:
                    out.append(Candidate(passage.chunk.doc_id, span[0], span[1], SCORE / (1.0 + 0.02 * passage.rank),
                                         p_idx, self.name, {"person": question.person}))
        return sorted(out, key=lambda c: -c.score)[:1]


def title_in(sentence: str, surname: str) -> tuple[int, int] | None:
    """(start, end) of the title in a sentence that starts with a name holding ``surname``
    (lower-cased), or None."""
    name = _NAME.match(sentence)
    if not name:
        return None
    words = {w.lower().strip(".,’'") for w in name.group().split()}
    if surname not in words:
        return None
    pos = name.end()
    while True:                                     # ", CFA", ", Ph.D."
        m = re.match(r",\s*([\w./’']+)(?=,|\s|$)", sentence[pos:])
        if m and m.group(1).lower().rstrip(",") in CREDENTIALS:
            pos += m.end()
            continue
        break
    m = re.match(r",?\s*", sentence[pos:])
    start = pos + (m.end() if m else 0)
    if start >= len(sentence) or not sentence[start].isupper():
        return None                                 # "Jane Doe has managed ..." names no title
    stop = _STOP.search(sentence, start)
    end = stop.start() if stop else len(sentence.rstrip())
    title = sentence[start:end].rstrip(" ,")
    if not title or len(title.split()) > 16:
        return None
    return start, start + len(title)
