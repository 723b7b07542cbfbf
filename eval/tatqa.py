"""TAT-QA runner: score the pipeline on the span, multi-span, arithmetic and count questions of the TAT-QA dev set.

Every context (one table and its paragraphs) becomes one document (:func:`render`); all
of them go into one index.  Each span / multi-span question is asked twice: limited to
its own document, and open (over every indexed context).  Scores use
:mod:`eval.tatqa_metric`; aggregates are EM and F1 in 0..100, per-question scores 0..1.

    python -m eval.tatqa [--limit N] [--out eval/tatqa_results.json] [--markdown eval/tatqa_report.md]

An arithmetic answer is scored by its computed value (the derived reader's
:class:`~qa.answer.Derivation`), with scale "percent" for a percentage or percentage points
and otherwise the scale the derived reader found in the table, else the context's unit, as the
benchmark's metric does (number match, scale checked).

A count answer is its derivation's value, with no scale.

Not handled: percentage scales that only a column header shows (a
predicted ``13.2`` from a "%" column gets no "percent" scale).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

from tqdm import tqdm

from eval.tatqa_metric import em_f1, gold_answers, is_number
from qa.errors import QAError
from qa.pipeline import QA
from qa.runtime import models
from qa.serving.progress import Bars
from qa.settings import Settings
from qa.text.numbers import stated_scale

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tatqa" / "tatqa_dataset_dev.json"
EXTRACTIVE = ("span", "multi-span")
SCORED_TYPES = EXTRACTIVE + ("arithmetic", "count")
SOURCES = ("text", "table", "table-text")
GROUPS = ("all", "extractive") + SCORED_TYPES + SOURCES     # "all": every scored question; sources: extractive only
SETTINGS = {"limited": "limited to its context", "open": "open (all indexed contexts)"}
REFERENCE = ("Published reference points (whole test set, *all* answer types, including arithmetic "
             "and count): TAGOP (RoBERTa-large) F1 58.0; human experts F1 90.8. Not comparable "
             "one-to-one: ours is over dev contexts, every answer type.")
_YEAR = re.compile(r"(?:19|20)\d\d")


def load(path: str | Path, limit: int | None = None) -> list[dict]:
    """The contexts of a TAT-QA file (the first ``limit`` of them when given)."""
    contexts = json.loads(Path(path).read_text(encoding="utf-8"))
    return contexts if limit is None else contexts[:limit]


def _has_amount(row: list[str]) -> bool:
    """Whether any cell after the first holds an amount (a year or a date is not one)."""
    from qa.text.numbers import parse_number
    for cell in row[1:]:
        text = " ".join(str(cell).split())
        if text and not re.fullmatch(r"(19|20)\d\d", text) and parse_number(text) is not None:
            return True
    return False


def header_count(rows: list[list[str]]) -> int:
    """Header rows: the first row plus the following rows whose first cell is empty or that
    hold no amounts ("(Dollars in Millions) | April 27, 2019 | April 28, 2018").  A row with
    only a first cell ("Revenue:") heads a group of body rows and ends the header."""
    def heads(row: list) -> bool:
        first = str(row[0] if row else "").strip()
        rest = any(str(c).strip() for c in row[1:])
        return not first or (rest and not _has_amount(row))
    k = 1
    while k < len(rows) - 1 and heads(rows[k]):
        k += 1
    return min(k, len(rows))


def _pipe_row(cells: list[str], width: int) -> str:
    cells = [re.sub(r"[\r\n]+", " ", str(c)).replace("|", "/") for c in cells]
    cells += [""] * (width - len(cells))
    return "| " + " | ".join(cells) + " |"


def render(context: dict) -> str:
    """One document: the table as a markdown pipe table, then the paragraphs in ``order``.

    Cell text is kept as given, except that ``|`` becomes ``/`` and newlines spaces.
    Not handled: a table whose rows all have an empty first cell renders with every row
    as a header row (no dev context has one), and headers spanning columns, which TAT-QA
    stores in one cell (the tool reads "Years Ended September 30," as one column's label).
    """
    rows = context["table"]["table"]
    width = max((len(r) for r in rows), default=0)
    lines = []
    if rows and width:
        k = header_count(rows)
        lines = [_pipe_row(r, width) for r in rows[:k]]
        lines.append("|" + "---|" * width)
        lines += [_pipe_row(r, width) for r in rows[k:]]
    paragraphs = sorted(context.get("paragraphs", []), key=lambda p: p.get("order", 0))
    blocks = ["\n".join(lines)] if lines else []
    return "\n\n".join(blocks + [p["text"].strip() for p in paragraphs if p["text"].strip()]) + "\n"


_unit = stated_scale     # the unit a text states (tests call it by this name)


def context_scale(context: dict) -> str:
    """The unit a context states: from its header rows, else any cell, else its paragraphs."""
    rows = context["table"]["table"]
    head = rows[:header_count(rows)] if rows else []
    places = [" ; ".join(" ".join(r) for r in head), " ; ".join(" ".join(r) for r in rows)]
    places += [p["text"] for p in sorted(context.get("paragraphs", []), key=lambda p: p.get("order", 0))]
    return next((u for u in map(_unit, places) if u), "")


def _scalable(text: str) -> bool:
    """A number that a stated unit applies to: not a year, not already carrying a scale word."""
    text = " ".join(text.split())
    return (is_number(text) and not _YEAR.fullmatch(text)
            and not re.search(r"thousand|million|billion|%", text, re.IGNORECASE))


def predicted_scale(predictions: list[str], unit: str) -> str:
    """"percent" when every answer ends with %, the context's unit when every one is a number."""
    if predictions and all(p.strip().endswith("%") for p in predictions):
        return "percent"
    if predictions and all(_scalable(p) for p in predictions):
        return unit
    return ""


def answer_scale(predictions: list[str], percent_cell: bool, unit: str, from_table: bool = True) -> str:
    """The scale of an answer: "percent" for numbers from a cell whose row or column says "%"
    (not a year picked from such a row), else :func:`predicted_scale`.  The table's unit is
    the table's: a number read from a paragraph ("$39,000") does not take it."""
    if percent_cell and predictions and all(_scalable(p) for p in predictions):
        return "percent"
    return predicted_scale(predictions, unit if from_table else "")


def _ask(pipeline: QA, question: str, doc_id: str | None) -> dict:
    """Ask once: the predicted spans, the answering document, reader and score, the best
    withheld candidate when the pipeline abstained, and the time taken."""
    start = time.perf_counter()
    try:
        answer = pipeline.ask(question, doc_id=doc_id)
        found, spans, error = answer.found, answer.spans, ""
    except QAError as exc:
        answer, found, spans, error = None, False, (), str(exc)
    ms = (time.perf_counter() - start) * 1000
    derived = answer.derivation if found and answer else None
    preds = [derived.value] if derived else [s.text for s in spans] if found else []
    withheld = answer.alternatives[0] if answer and not found and answer.alternatives else None
    source = answer.evidence[0] if found and answer.evidence else None
    cell = source.meta if source and source.kind == "cell" else {}
    percent_cell = "%" in cell.get("col_label", "") + cell.get("row_label", "")
    return {"predictions": preds, "doc_id": answer.doc_id if found else None, "percent_cell": percent_cell,
            "from_table": bool(source) and source.kind in ("cell", "table"),
            "derived": None if derived is None else {"operation": derived.operation, "result": derived.result,
                                                     "formula": derived.formula, "percent": derived.percent,
                                                     "scale": derived.scale},
            "method": answer.method if answer else "", "score": round(answer.score, 3) if answer else 0.0,
            "withheld": withheld.text if withheld else "", "error": error, "ms": round(ms, 1)}


def _score(pipeline: QA, context: dict, question: dict, unit: str) -> dict:
    """One question asked in both settings, with its gold and scores."""
    gold, doc_id = gold_answers(question), context["table"]["uid"]
    record = {"uid": question["uid"], "context": doc_id, "question": question["question"],
              "answer_type": question["answer_type"], "answer_from": question["answer_from"],
              "gold": gold, "scale": question["scale"]}
    for setting, limit_to in (("limited", doc_id), ("open", None)):
        result = _ask(pipeline, question["question"], limit_to)
        percent_cell = result.pop("percent_cell")
        derived = result["derived"]
        result["scale"] = "" if derived and derived["operation"] == "count" else \
            ("percent" if derived["percent"] else derived["scale"] or unit) if derived else \
            answer_scale(result["predictions"], percent_cell, unit, result["from_table"])
        result["em"], result["f1"] = em_f1(result["predictions"], gold, result["scale"],
                                           question["scale"])
        record[setting] = result
    return record


def summarise(records: list[dict], setting: str) -> dict:
    """EM and F1 (0..100) and counts by group: all, answer type, answer source."""
    out = {}
    for group in GROUPS:
        chosen = [r for r in records if group in ("all", r["answer_type"])
                  or (group == "extractive" or group == r["answer_from"]) and r["answer_type"] in EXTRACTIVE]
        n = len(chosen)
        em = 100 * sum(r[setting]["em"] for r in chosen) / n if n else 0.0
        f1 = 100 * sum(r[setting]["f1"] for r in chosen) / n if n else 0.0
        out[group] = {"n": n, "em": round(em, 2), "f1": round(f1, 2)}
    return out


def run(path: str | Path = DEFAULT_PATH, limit: int | None = None,
        settings: Settings | None = None, types: tuple[str, ...] = SCORED_TYPES) -> dict:
    """Index the contexts, ask every question of the scored ``types`` in both settings, score them.

    Every TAT-QA question has an answer, so by default nothing is withheld (threshold 0)."""
    settings = settings or Settings(threshold=0.0)
    contexts = load(path, limit)
    start = time.perf_counter()
    pipeline = QA.from_texts({c["table"]["uid"]: render(c) for c in contexts}, settings,
                             progress=Bars())
    index_seconds = time.perf_counter() - start
    questions = [(c, q) for c in contexts for q in c["questions"]]
    skipped = [q["answer_type"] for _, q in questions if q["answer_type"] not in types]
    scored = [(c, q) for c, q in questions if q["answer_type"] in types]
    units = {c["table"]["uid"]: context_scale(c) for c in contexts}
    records = [_score(pipeline, c, q, units[c["table"]["uid"]])
               for c, q in tqdm(scored, desc="asking", leave=False)]
    return {
        "benchmark": "TAT-QA dev", "path": str(path), "contexts": len(contexts),
        "questions": {"total": len(questions), "scored": len(records),
                      "not_attempted": {t: skipped.count(t) for t in sorted(set(skipped))}
                      | {"total": len(skipped)}},
        "scores": {s: summarise(records, s) for s in SETTINGS},
        "timing": {"index_seconds": round(index_seconds, 2), "median_ask_ms": {
            s: round(statistics.median(r[s]["ms"] for r in records), 1) if records else 0.0
            for s in SETTINGS}},
        "reference": {"tagop_test_f1": 58.0, "human_f1": 90.8, "note": REFERENCE},
        "reader": models.reader_identity(settings.reader_precision),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "per_question": records,
    }


def _cell(score: dict) -> str:
    return f"{score['em']:.1f} / {score['f1']:.1f} ({score['n']})"


def _reader_line(results: dict) -> str:
    reader = results.get("reader")
    if not reader:
        return "Reader: not recorded (a run from before readers were recorded)."
    return (f"Measured {results.get('date', '?')} with the {reader['precision']} reader "
            f"(weights of training step {reader['step']}, sha256 {reader['weights_sha256']}).")


def markdown(results: dict) -> str:
    """A report section: setting x group EM / F1 (n), counts, timing, reference points."""
    q, t = results["questions"], results["timing"]
    skipped = ", ".join(f"{k} {v}" for k, v in q["not_attempted"].items() if k != "total")
    lines = [f"## TAT-QA dev: span, multi-span, arithmetic and count questions ({results['contexts']} contexts)", "",
             "EM / F1 (n questions), 0-100.", "",
             "| setting | " + " | ".join(GROUPS) + " |", "|---" * (len(GROUPS) + 1) + "|"]
    for setting, label in SETTINGS.items():
        scores = results["scores"][setting]
        lines.append(f"| {label} | " + " | ".join(_cell(scores[g]) for g in GROUPS) + " |")
    lines += ["", f"Questions: {q['total']}; scored {q['scored']}; not attempted "
              f"{q['not_attempted']['total']} ({skipped or 'none'}).",
              f"Index build {t['index_seconds']:.1f} s; median ask {t['median_ask_ms']['limited']:.0f} ms "
              f"(limited), {t['median_ask_ms']['open']:.0f} ms (open). Every question is answered "
              "(threshold 0): TAT-QA has no unanswerable questions.", "", _reader_line(results), "",
              REFERENCE, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print a compact table, write the JSON results and the markdown section."""
    parser = argparse.ArgumentParser(prog="python -m eval.tatqa", description=__doc__.split("\n")[0])
    parser.add_argument("--path", default=str(DEFAULT_PATH), help="TAT-QA JSON file")
    parser.add_argument("--limit", type=int, default=None, help="only the first N contexts")
    parser.add_argument("--out", default="eval/tatqa_results.json", help="JSON results")
    parser.add_argument("--markdown", default="eval/tatqa_report.md", help="markdown report section")
    parser.add_argument("--types", nargs="+", choices=SCORED_TYPES, default=list(SCORED_TYPES),
                        help="answer types to score (default: all three)")
    parser.add_argument("--abstain", action="store_true",
                        help="keep the shipped abstention thresholds (default: answer everything)")
    args = parser.parse_args(argv)
    results = run(args.path, args.limit, Settings() if args.abstain else None, tuple(args.types))
    Path(args.out).write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    Path(args.markdown).write_text(markdown(results), encoding="utf-8")
    print(f"{'setting':<9}" + "".join(f"{g:>22}" for g in GROUPS))
    for setting in SETTINGS:
        print(f"{setting:<9}" + "".join(f"{_cell(results['scores'][setting][g]):>22}" for g in GROUPS))
    q, t = results["questions"], results["timing"]
    print(f"scored {q['scored']} of {q['total']} questions (not attempted {q['not_attempted']}); "
          f"index {t['index_seconds']} s; median ask ms {t['median_ask_ms']}")
    print(f"wrote {args.out} and {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
