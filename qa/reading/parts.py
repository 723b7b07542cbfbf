"""A read span split into the values or names it lists, and list parts quoted as printed.

:func:`value_parts` splits "$88,848, $133,514 and $138,668" into its values (the one for the
year asked when the sentence pairs them with years), :func:`name_parts` splits a list of three
or more short names, and :func:`as_printed` says how parts that run on one line read in the
filing.  No model is used.

Not handled: names of more than four words or holding a comma, and values in words ("ten").
"""
from __future__ import annotations

import re

from qa.text.numbers import YEAR
from qa.understanding.questions import Question

_AMOUNT = r"\(?(?:[$£€]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)?(?:\s?%|\s(?:thousand|million|billion)\b)?"
_AMOUNTS = re.compile(rf"{_AMOUNT}(?:(?:,\s*(?:and\s+)?|\s+and\s+){_AMOUNT})+")
_ONE = re.compile(_AMOUNT)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b(?:(?:,\s*(?:and\s+)?|\s+and\s+)\b(?:19|20)\d\d\b)+")


def _years_in(text: str) -> list[str]:
    return [m.group() for m in YEAR.finditer(text)]


def value_parts(text: str, start: int, end: int, sentence: tuple[int, int], question: Question) -> list[tuple[int, int]]:
    """A span that is a list of values ("$88,848, $133,514 and $138,668") as its values; only the
    ones for the years the question names when the sentence pairs them with a list of as many
    years ("…for 2019, 2018 and 2017").  A question asking for several values ("in 2019 and
    2018", "respectively") takes the whole list a one-value span stands in.  [] when the span
    is no such list."""
    if question.intents.respectively or len(set(question.years)) > 1:
        run = next((m for m in _AMOUNTS.finditer(text, *sentence) if m.start() <= start and end <= m.end()), None)
        start, end = run.span() if run else (start, end)
    if not _AMOUNTS.fullmatch(text, start, end):
        return []
    values = [m.span() for m in _ONE.finditer(text, start, end)]
    asked = list(dict.fromkeys(question.years))
    years = [m for m in _YEARS.finditer(text, *sentence) if not (start <= m.start() < end)]
    if asked and len(years) == 1:
        listed = _years_in(years[0].group())
        if len(listed) == len(values) and set(asked) <= set(listed):
            return [values[listed.index(y)] for y in asked]
    return values


_ITEM = r"[^\W\d][\w.’'&-]*(?:\s+[\w.’'&()-]+){0,3}"
_NAMES = re.compile(rf"{_ITEM}(?:,\s+{_ITEM})+,?\s+(?:and|or)\s+{_ITEM}")


def name_parts(text: str, start: int, end: int, question: Question) -> list[tuple[int, int]]:
    """A span that lists three or more short names ("United States, China, Europe, and Taiwan")
    as its names, for a question asking for several ("What are the regions…?"; not one asking
    what something consists of, ``Intents.explains``).  [] otherwise.
    Not handled: items of more than four words, and names that hold a comma."""
    if not question.intents.several or not _NAMES.fullmatch(text, start, end) or question.intents.explains:
        return []
    out, pos = [], start
    for piece in re.split(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=[^,]*$)", text[start:end]):
        at = text.index(piece, pos, end)
        out.append((at, at + len(piece)))
        pos = at + len(piece)
    return out


_INLINE_GAP = re.compile(r"[ \t]*(?:[,;][ \t]*)?(?:(?:and|or|and/or|as well as)[ \t]+)?", re.IGNORECASE)


def as_printed(text: str, parts: tuple[tuple[int, int], ...]) -> str | None:
    """The parts of a list as ``text`` prints them, when they run on one line with nothing but
    commas, semicolons and "and"/"or" between them ("education, healthcare … or pollution
    control"); None for items set on lines of their own (bullets), which answer joined by "; "."""
    if len(parts) < 2:
        return None
    gaps = [text[a_end:b_start] for (_, a_end), (b_start, _) in zip(parts, parts[1:])]
    if not all(_INLINE_GAP.fullmatch(gap) for gap in gaps):
        return None
    return " ".join(text[parts[0][0]:parts[-1][1]].split())
