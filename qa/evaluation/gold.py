"""The gold question/answer set for the bundled filing: loading and validation.

``qa/evaluation/data/gold.jsonl`` (package data) holds one JSON object per line::

    {"id": "adviser-new-1", "question": "...", "answers": ["ClearBridge Advisors, LLC", ...],
     "evidence": [[start, end]], "category": "prose", "fact": "adviser-new"}

Offsets are character offsets into the filing text as Python reads it.  The
filing is hard-wrapped, so answers are compared after :func:`squash` (runs of
whitespace collapsed to one space).  ``list`` rows also carry ``items`` (one
evidence range per item) and ``table`` rows carry ``row`` and ``col`` labels; ``derived`` rows
(answered by arithmetic) carry the ``value`` the answer must compute, and one evidence range per
operand.

:func:`validate` returns every problem it finds, each naming the row id, so a
harness can refuse to score against a broken gold file.  A user's own gold file, with fewer
required fields and rows over several filings, is read by :mod:`qa.evaluation.user_gold`.

Not handled: gold rows over other filings than the bundled one (see :mod:`qa.evaluation.user_gold`).
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from qa.text.numbers import is_printed_value

DATA = Path(__file__).parent / "data"
GOLD_PATH = DATA / "gold.jsonl"
# The blind set: same format, written by someone who had not seen the system's answers.  It is
# never used for calibration or tuning, and the harness reports only its aggregate figures.
BLIND_PATH = DATA / "blind.jsonl"
CATEGORIES = ("prose", "table", "list", "number", "unanswerable")
# A question answered by arithmetic over the filing's numbers: ``value`` is the result as a plain
# number ("0.25"), ``answers`` is ``[value]`` and ``evidence`` holds each operand's cell.
DERIVED = "derived"
REQUIRED_FIELDS = ("id", "question", "answers", "evidence", "category", "fact")


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


def load_gold(path: str | Path | None = None) -> list[dict]:
    """Read a gold JSONL file (default: the bundled ``data/gold.jsonl``).

    Blank lines are skipped; a line that is not a JSON object raises
    ``ValueError`` naming the file and line number.
    """
    path = Path(path) if path is not None else GOLD_PATH
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not valid JSON ({exc})") from exc
        if not isinstance(row, dict):
            raise ValueError(f"{path}:{number}: expected a JSON object, got {type(row).__name__}")
        rows.append(row)
    return rows


def _label(row: dict, index: int) -> str:
    """How a row is named in problem messages: its id, or its position."""
    row_id = row.get("id") if isinstance(row, dict) else None
    return row_id if isinstance(row_id, str) and row_id else f"row #{index}"


def is_span(value) -> bool:
    """True for a ``[start, end]`` pair of plain ints."""
    return (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value))


def _check_shape(row: dict) -> list[str]:
    """Field presence and types shared by every category."""
    problems = [f"missing field {name!r}" for name in REQUIRED_FIELDS if name not in row]
    if problems:
        return problems
    if not isinstance(row["question"], str) or not row["question"].strip():
        problems.append("question must be a non-empty string")
    if not isinstance(row["fact"], str) or not row["fact"].strip():
        problems.append("fact must be a non-empty string")
    if row["category"] not in CATEGORIES + (DERIVED,):
        problems.append(f"category {row['category']!r} is not one of {', '.join(CATEGORIES + (DERIVED,))}")
    if not isinstance(row["answers"], list) or not all(isinstance(a, str) and a.strip() for a in row["answers"]):
        problems.append("answers must be a list of non-empty strings")
    if not isinstance(row["evidence"], list) or not all(is_span(span) for span in row["evidence"]):
        problems.append("evidence must be a list of [start, end] integer pairs")
    fact, row_id = row["fact"], row["id"]
    if isinstance(fact, str) and isinstance(row_id, str):
        prefix, _, number = row_id.rpartition("-")
        if prefix != fact or not number.isdigit():
            problems.append(f"id {row_id!r} should be '<fact>-<n>' with fact {fact!r}")
    return problems


def span_problems(row: dict, text: str) -> list[str]:
    """Each evidence range lies inside the text, is non-empty and has no loose whitespace."""
    problems = []
    for start, end in row["evidence"]:
        if not 0 <= start < end <= len(text):
            problems.append(f"evidence [{start}, {end}] is outside the text (length {len(text)}) or empty")
        elif not text[start:end].strip():
            problems.append(f"evidence [{start}, {end}] is only whitespace")
        elif text[start:end] != text[start:end].strip():
            problems.append(f"evidence [{start}, {end}] starts or ends with whitespace")
    return problems


def answer_problems(row: dict, text: str) -> list[str]:
    """Every accepted answer occurs (after squash) inside some evidence range."""
    passages = [squash(text[start:end]) for start, end in row["evidence"]]
    return [f"answer {answer!r} is not in any evidence range"
            for answer in row["answers"] if not any(squash(answer) in p for p in passages)]


def _check_list(row: dict, text: str) -> list[str]:
    """List rows: items match the evidence ranges one to one; answers[0] joins them.

    Any further answers (e.g. a shorter form of one item) must occur in an evidence range.
    """
    items = row.get("items")
    if not isinstance(items, list) or not items or not all(isinstance(i, str) and i for i in items):
        return ["list row needs a non-empty 'items' list of strings"]
    problems = []
    passages = [squash(text[start:end]) for start, end in row["evidence"]]
    if len(passages) != len(items):
        problems.append(f"{len(items)} items but {len(passages)} evidence ranges")
    problems += [f"item {item!r} does not equal any evidence range" for item in items if item not in passages]
    if row["answers"][:1] != ["; ".join(items)]:
        problems.append("answers[0] must be the items joined with '; '")
    extra = dict(row, answers=row["answers"][1:])
    return problems + answer_problems(extra, text)


def _check_table(row: dict, text: str) -> list[str]:
    """Table rows: row/col labels present; one evidence range that is exactly the cell."""
    problems = [f"table row needs a non-empty {key!r}" for key in ("row", "col")
                if not isinstance(row.get(key), str) or not row[key].strip()]
    if len(row["evidence"]) != 1:
        problems.append("table row needs exactly one evidence range (the cell)")
    else:
        start, end = row["evidence"][0]
        if squash(text[start:end]) != row["answers"][0]:
            problems.append(f"cell text {squash(text[start:end])!r} != answers[0] {row['answers'][0]!r}")
    return problems


def _check_derived(row: dict, text: str) -> list[str]:
    """Derived rows: ``value`` a plain number that ``answers[0]`` repeats, each evidence range a
    printed number (an operand as the filing prints it)."""
    value = row.get("value")
    problems = []
    try:
        Decimal(value)
    except (TypeError, ArithmeticError):
        return [f"derived row needs a plain number as 'value', not {value!r}"]
    if row["answers"][:1] != [value]:
        problems.append("answers[0] must be the value")
    problems += [f"evidence {text[s:e]!r} is not a printed number" for s, e in row["evidence"]
                 if not is_printed_value(squash(text[s:e]))]
    return problems


def _check_row(row: dict, text: str) -> list[str]:
    """All problems with one row (without the row label)."""
    problems = _check_shape(row)
    if problems:
        return problems
    if row["category"] == "unanswerable":
        if row["answers"] or row["evidence"]:
            problems.append("unanswerable row must have empty answers and evidence")
        return problems
    if not row["answers"]:
        problems.append("answerable row has no answers")
    if not row["evidence"]:
        problems.append("answerable row has no evidence")
    if problems:
        return problems
    problems += span_problems(row, text)
    if problems:
        return problems
    if row["category"] == "list":
        problems += _check_list(row, text)
    elif row["category"] == DERIVED:
        problems += _check_derived(row, text)
    else:
        problems += answer_problems(row, text)
    if row["category"] == "table":
        problems += _check_table(row, text)
    return problems


def validate(rows: list[dict], source_text: str) -> list[str]:
    """Every problem in the gold rows against the filing text; ``[]`` when all is well.

    Each problem is one string starting with the row id (or ``row #i``).
    """
    problems = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        label = _label(row, index)
        if not isinstance(row, dict):
            problems.append(f"{label}: not a JSON object")
            continue
        row_id = row.get("id")
        if isinstance(row_id, str):
            if row_id in seen:
                problems.append(f"{label}: duplicate id (first at row #{seen[row_id]})")
            seen.setdefault(row_id, index)
        problems += [f"{label}: {problem}" for problem in _check_row(row, source_text)]
    return problems
