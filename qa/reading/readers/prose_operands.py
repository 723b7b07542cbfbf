"""Operands from prose: the values a "respectively" sentence pairs with what the question names.

Filings state pairs of figures in sentences as often as in tables: "Amounts billed under U.S.
federal government contracts were $60.3 million and $80.5 million in 2018 and 2019,
respectively."  For an arithmetic question naming both labels ("the sum of amounts billed ...
in 2018 and 2019"), the operands are the values paired with them (:func:`qa.reading.readers.
respectively.groups` reads the pairs), each quoted with its offsets; the derived reader
computes over them when no table gives the operands.

Not handled: figures stated in separate sentences ("... was $2.9 billion. In 2018 it was
$2.5 billion"), "from $X to $Y" movements, and operands one of which is in a table.
"""
from __future__ import annotations

from qa.reading.readers.base import ReadPassage
from qa.reading.readers.respectively import groups
from qa.reading.readers.typed import sentence_ranges
from qa.text.numbers import YEAR
from qa.understanding.headers import label_scores
from qa.understanding.questions import Question

NAMED = 0.8          # a label the question names this strongly is an operand


def operand_spans(question: Question, passage: ReadPassage) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """For each "respectively" group of the passage whose labels the question names two or
    more of: the named values' source spans and their labels, in the question's order."""
    out = []
    text = passage.view.text
    for vs, ve in sentence_ranges(passage):
        sentence = text[vs:ve]
        if "respectively" not in sentence.lower():
            continue
        for values, labels, _ in groups(sentence):
            names = [sentence[s:e] for s, e in labels]
            chosen = _chosen(question, names)
            if len(chosen) < 2:
                continue
            spans = [passage.view.to_source(vs + values[i][0], vs + values[i][1]) for i in chosen]
            if all(spans):
                out.append(([s for s in spans if s], [names[i] for i in chosen]))
    return out


def _chosen(question: Question, names: list[str]) -> list[int]:
    """The labels the question names, by the years it names ("in 2018 and 2019") or by their
    words, in the order the question names them."""
    if question.years:
        by_year = [next((i for i, n in enumerate(names) if year in (m.group() for m in YEAR.finditer(n))), None) for year in question.years]
        found = [i for i in by_year if i is not None]
        return found if len(found) == len(question.years) and len(set(found)) == len(found) else []
    scores = label_scores(question.label_text, names)
    named = [i for i, score in enumerate(scores) if score >= NAMED]
    text = question.text.lower()
    return sorted(named, key=lambda i: text.find(names[i].lower().split()[0]) % (len(text) + 1))
