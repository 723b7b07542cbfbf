"""The questions an evaluation runs: the bundled gold set, or a user's own gold file.

A user's gold file (``qa eval --gold FILE [--filings PATH ...]``) holds one JSON object per line::

    {"id": "custodian-1", "question": "Who is the custodian?",
     "answers": ["State Street Bank and Trust Company"], "doc": "alpha-485bpos.htm", "category": "prose"}

- ``question`` (required): the question as a user would ask it.
- ``answers`` (required): the accepted answers, verbatim from the filing (any one counts); ``[]``
  for a question the filing does not answer.
- ``doc``: which filing the row is asked of: a file name or path given to ``--filings``, or a
  document id (the file name without its extension).  Needed only with several filings; with no
  ``--filings`` the rows are asked of the bundled filing.
- ``id``: a unique name, matched across runs by the per-question diff (default ``q<line>``).
- ``category``: a label the figures are broken down by (default ``answerable``); ``unanswerable``
  exactly when ``answers`` is empty.
- ``evidence``: ``[[start, end], ...]`` character offsets of the answer's passage in the text
  ``qa`` reads (``QA.source_text``).  Optional: with it the report gives retrieval recall and the
  isolated (gold passage) figures for the row; every answer must then lie inside the evidence.

Other fields are kept and ignored.  :func:`user_set` returns every problem at once, each naming its
row, in one :class:`GoldError`.

Not handled: rows asked of all filings at once (each row is asked of its own ``doc``).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from qa.errors import QAError
from qa.evaluation import gold
from qa.parsing.sources import BUNDLED_FILE, BUNDLED_ID, doc_id_for, read_filing
from qa.settings import Settings

UNANSWERABLE = "unanswerable"


class GoldError(QAError):
    """A gold file that cannot be evaluated; the message lists what to fix, row by row."""


@dataclasses.dataclass(frozen=True)
class GoldSet:
    """The rows to evaluate, the filings they are asked of and how the report names them."""

    rows: list[dict]
    label: str                                   # "`my-gold.jsonl`", as the report names the file
    texts: dict[str, str] | None = None          # {doc_id: text}; None: the bundled filing's index
    names: dict[str, str] = dataclasses.field(default_factory=dict)
    blind: list[dict] = dataclasses.field(default_factory=list)   # reported as aggregates only
    blind_label: str = ""


def bundled_set() -> GoldSet:
    """The bundled gold and blind sets, checked strictly (:func:`qa.evaluation.gold.validate`;
    ids must not repeat across the two)."""
    rows = gold.load_gold()
    blind = gold.load_gold(gold.BLIND_PATH) if gold.BLIND_PATH.exists() else []
    problems = gold.validate(rows + blind, BUNDLED_FILE.read_text(encoding="utf-8"))
    if problems:
        raise GoldError("the bundled gold set is broken:\n  " + "\n  ".join(problems[:20]))
    return GoldSet(rows, "`qa/evaluation/data/gold.jsonl`", blind=blind,
                   blind_label="`qa/evaluation/data/blind.jsonl`")


def read_filings(paths: list[Path], settings: Settings) -> tuple[dict[str, str], dict[str, str]]:
    """``({doc_id: text}, {doc_id: file name})`` of the filings a gold file is asked of."""
    texts: dict[str, str] = {}
    names: dict[str, str] = {}
    for path in paths:
        doc_id = doc_id_for(path, set(texts))
        texts[doc_id], names[doc_id] = read_filing(path, settings.max_file_bytes), Path(path).name
    return texts, names


def user_set(path: Path, filings: list[Path] | None = None, settings: Settings | None = None) -> GoldSet:
    """A user's gold file over ``filings`` (default: the bundled filing), checked; raises
    :class:`GoldError` listing every problem."""
    try:
        raw = gold.load_gold(path)
    except OSError as exc:
        raise GoldError(f"cannot read the gold file {path}: {exc.strerror or exc}; check the path") from exc
    except ValueError as exc:
        raise GoldError(f"{exc}; each line must be one JSON object (see the README's gold file format)") from exc
    if not raw:
        raise GoldError(f"{path} holds no questions: write one JSON object per line")
    if filings:
        texts, names = read_filings(filings, settings or Settings())
        aliases = _aliases(texts, names, filings)
    else:
        texts, names = {BUNDLED_ID: BUNDLED_FILE.read_text(encoding="utf-8")}, {BUNDLED_ID: BUNDLED_FILE.name}
        aliases = _aliases(texts, names, [BUNDLED_FILE])
    rows, problems = checked(raw, texts, aliases)
    if problems:
        raise GoldError(f"{path} has {len(problems)} problem(s):\n  " + "\n  ".join(problems[:30]))
    return GoldSet(rows, f"`{Path(path).name}`", texts if filings else None, names)


def _aliases(texts: dict[str, str], names: dict[str, str], paths: list[Path]) -> dict[str, str]:
    """Every way a row's ``doc`` may name a filing (id, file name, path as given) -> its doc id."""
    out: dict[str, str] = {}
    for (doc_id, name), path in zip(names.items(), paths):
        for alias in (doc_id, name, str(path), Path(path).stem):
            out.setdefault(alias, doc_id)
    return out


def checked(raw: list[dict], texts: dict[str, str], aliases: dict[str, str]) -> tuple[list[dict], list[str]]:
    """(rows with their defaults filled in and ``doc_id`` resolved, problems); ``doc_id`` is set
    only when there are several filings (one filing needs no restriction)."""
    rows: list[dict] = []
    problems: list[str] = []
    seen: set[str] = set()
    for index, row in enumerate(raw, 1):
        row = dict(row, id=row.get("id", f"q{index}"))
        label = row["id"] if isinstance(row["id"], str) and row["id"] else f"line {index}"
        found = _row_problems(row, seen, texts, aliases)
        problems += [f"{label}: {p}" for p in found]
        if not found:
            row.setdefault("category", UNANSWERABLE if not row["answers"] else "answerable")
            row.setdefault("evidence", [])
            doc_id = aliases[row["doc"]] if "doc" in row else next(iter(texts))
            if len(texts) > 1:
                row["doc_id"] = doc_id
            rows.append(row)
        seen.add(row["id"])
    return rows, problems


def _row_problems(row: dict, seen: set, texts: dict[str, str], aliases: dict[str, str]) -> list[str]:
    """What is wrong with one row (its own fields, its filing, its evidence)."""
    if not isinstance(row["id"], str) or not row["id"].strip():
        return ["id must be a non-empty string"]
    if row["id"] in seen:
        return ["id used twice"]
    if not isinstance(row.get("question"), str) or not row["question"].strip():
        return ["needs a 'question': a non-empty string"]
    answers = row.get("answers")
    if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
        return ["needs 'answers': a list of non-empty strings ([] when the filing does not answer it)"]
    category = row.get("category", UNANSWERABLE if not answers else "answerable")
    if not isinstance(category, str) or not category.strip():
        return ["category must be a non-empty string"]
    if (category == UNANSWERABLE) != (not answers):
        return [f"answers must be [] exactly when the category is {UNANSWERABLE!r} "
                f"(got category {category!r} with {len(answers)} answer(s))"]
    if "doc" not in row and len(texts) > 1:
        return [f"name its filing in 'doc' (one of: {', '.join(sorted(texts))})"]
    if "doc" in row and row["doc"] not in aliases:
        return [f"doc {row['doc']!r} is not one of the filings given ({', '.join(sorted(texts))}); "
                "pass its file with --filings"]
    return _evidence_problems(row, texts[aliases[row["doc"]] if "doc" in row else next(iter(texts))])


def _evidence_problems(row: dict, text: str) -> list[str]:
    """Optional evidence: ``[start, end]`` pairs inside the text, holding the answers."""
    if "evidence" not in row:
        return []
    evidence = row["evidence"]
    if not isinstance(evidence, list) or not all(gold.is_span(span) for span in evidence):
        return ["evidence must be a list of [start, end] integer pairs"]
    if not evidence:
        return []
    if not row["answers"]:
        return ["evidence must be [] for a question the filing does not answer"]
    return gold.span_problems(row, text) or gold.answer_problems(row, text)
