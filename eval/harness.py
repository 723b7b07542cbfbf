"""The evaluation harness: the gold set through the real pipeline, scored and reported.

    python -m eval.harness [--no-readme] [--no-plots]      (also: qa eval …)

Runs every gold question integrated (retrieval + readers) and isolated (readers
given the gold passage) as the shipped pipeline answers them, and once more with
no threshold for the risk-coverage curve.  ``--calibrate`` (or a reader without
a calibration) first fits the confidence model and threshold (:mod:`eval.calibrate`).  Writes ``eval/results.json``,
``eval/report.md``, plots in ``eval/plots/`` and the README's quality table,
and lists per-question changes against the previous ``results.json``,
regressions first.  A gold row whose answers or offsets do not match the
source stops the run.

The blind set (``eval/blind.jsonl``, :data:`eval.gold.BLIND_PATH`) is run too, integrated
and as shipped, and reported only as aggregate figures: its questions were written without
seeing the system's answers, are never used for calibration, and its misses are not listed,
so that changes made by reading misses cannot be fitted to it.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

from eval import calibrate, report
from eval.gold import BLIND_PATH, load_gold, validate
from eval.scoring import by_category, score_row
from qa import bundled, retrieval
from qa.errors import QAError
from qa.pipeline import QA
from qa.reading import confidence
from qa.settings import Settings, calibration_path, reader_fingerprint, shipped_threshold

EVAL_DIR = Path(__file__).parent


def gold_chunks(pipeline: QA, row: dict) -> list[int]:
    """Chunks holding the gold evidence: the cell chunk for table rows, else the best prose chunk."""
    want = "cell" if row["category"] == "table" else "prose"
    chunks = pipeline.data.chunks
    picked: list[int] = []
    for s, e in row["evidence"]:
        def fit(i: int, s: int = s, e: int = e) -> tuple:
            c = chunks[i]
            return max(0, min(c.end, e) - max(c.start, s)), c.kind == want, c.start - c.end
        best = max(range(len(chunks)), key=fit)
        if fit(best)[0] > 0 and best not in picked:
            picked.append(best)
    return picked


def run(pipeline: QA, rows: list[dict], isolated: bool = True) -> tuple[list[dict], list[dict]]:
    """(integrated, isolated) per-question results with the pipeline's own thresholds."""
    integrated, alone = [], []
    for row in rows:
        t0 = time.perf_counter()
        answer = pipeline.ask(row["question"])
        seconds = time.perf_counter() - t0
        hits = retrieval.search(pipeline.data, row["question"], pipeline.settings, pipeline.settings.top_k)
        integrated.append(score_row(answer, row, seconds, [pipeline.data.chunks[h.chunk] for h in hits]))
        if isolated and row["category"] != "unanswerable":
            alone.append(score_row(pipeline.read(row["question"], gold_chunks(pipeline, row)), row))
    return integrated, alone


def collect(pipeline: QA, rows: list[dict], per_method: int = 2) -> list[dict]:
    """Every question's candidates (the best ``per_method`` of each reader) with features and
    whether each is right (F1 >= 0.5 against the gold answers; never for unanswerable rows)."""
    from qa.evaluation.metrics import best_score, exact_match, f1
    out = []
    for row in rows:
        q, passages, cands = pipeline.candidates(row["question"], row.get("doc_id"))
        answerable = row["category"] != "unanswerable"
        kept, counts = [], {}
        for c in cands:
            counts[c.method] = counts.get(c.method, 0) + 1
            if counts[c.method] > per_method:
                continue
            c = pipeline.as_answered(c, passages, q)
            text = c.text_in(pipeline.data.sources[c.doc_id])
            em = best_score(exact_match, text, row["answers"]) if answerable else 0.0
            f = best_score(f1, text, row["answers"]) if answerable else 0.0
            kept.append({"vector": list(c.vector), "text": text, "method": c.method, "em": em,
                         "f1": f, "right": int(answerable and f >= 0.5), "raw": c.score})
        result = {"id": row["id"], "question": row["question"], "category": row["category"],
                  "answerable": answerable, "gold": row["answers"][:1], "rank": None}
        out.append({"cands": kept, "result": result})
    return out


def reader_thresholds(pipeline: QA) -> dict[str, float]:
    """The fixed thresholds of the readers that are not calibrated."""
    return {r.name: r.threshold for r in pipeline.readers if r.name != confidence.CALIBRATED}


def cross_validated(pipeline: QA, rows: list[dict], extra: tuple[QA, list[dict]] | None = None
                    ) -> tuple[list[dict], dict]:
    """The gold questions' raw candidates (and those of ``extra``: another index and its
    questions, each row naming its ``doc_id``) and the 5-fold cross-validation over them
    (:func:`eval.calibrate.cross_validate`: fold thresholds, held-out results)."""
    confidence.use_model(None)                       # raw reader scores while collecting
    try:
        per_question = collect(pipeline, rows)
        if extra is not None:
            per_question += collect(*extra)
    finally:
        confidence.reset()
    return per_question, calibrate.cross_validate(per_question, reader_thresholds(pipeline))


def calibrate_model(pipeline: QA, rows: list[dict], extra: tuple[QA, list[dict]] | None = None) -> dict:
    """Fit the confidence model and the neural threshold on the gold set (and ``extra``'s
    questions), with held-out figures over all of them."""
    per_question, cal = cross_validated(pipeline, rows, extra)
    held_out = cal.pop("held_out_results")
    cal["held_out"] = {k: v for k, v in by_category(held_out)["all"].items()
                       if not k.startswith(("recall", "mrr"))}
    cal["model"] = calibrate.fit([c for q in per_question for c in q["cands"]
                                  if c["method"] == confidence.CALIBRATED])
    cal.update(date=time.strftime("%Y-%m-%d"), reader=reader_fingerprint(), gold_rows=len(rows),
               extra_rows=len(extra[1]) if extra else 0)
    calibration_path().write_text(json.dumps(cal, indent=1) + "\n")
    confidence.reload_shipped()
    shipped_threshold.cache_clear()
    return cal


def diff(previous: list[dict], current: list[dict]) -> list[dict]:
    """Questions whose F1 or found changed, regressions first."""
    before = {r["id"]: r for r in previous}
    changes = []
    for r in current:
        old = before.get(r["id"])
        if old is None or (old["f1"], old["found"]) == (r["f1"], r["found"]):
            continue
        changes.append({"id": r["id"], "question": r["question"], "before": old["prediction"],
                        "after": r["prediction"], "f1_before": old["f1"], "f1_after": r["f1"],
                        "regression": r["f1"] < old["f1"]})
    return sorted(changes, key=lambda c: (not c["regression"], c["id"]))


def _calibration(pipeline: QA, rows: list[dict], recalibrate: bool, with_filings: bool = False) -> dict:
    path = calibration_path()
    stale = not path.exists() or json.loads(path.read_text()).get("reader") != reader_fingerprint()
    if recalibrate or stale:
        extra = None
        if with_filings:
            from eval import filings
            extra = filings.calibration_rows(pipeline.settings)
        return calibrate_model(pipeline, rows, extra)
    return json.loads(path.read_text())


def checked_rows() -> tuple[list[dict], list[dict]]:
    """(gold rows, blind rows), or SystemExit listing what is wrong with either file (ids must
    not repeat across the two)."""
    rows = load_gold()
    blind = load_gold(BLIND_PATH) if BLIND_PATH.exists() else []
    problems = validate(rows + blind, bundled.bundled_texts()[bundled.BUNDLED_ID])
    if problems:
        raise SystemExit("gold set is broken:\n  " + "\n  ".join(problems[:20]))
    return rows, blind


def evaluate(recalibrate: bool = False, settings: Settings | None = None, with_filings: bool = False) -> dict:
    """Run the gold set (and the blind set) and return everything the report needs."""
    rows, blind = checked_rows()
    base = settings or Settings()
    data = bundled.pipeline().data
    raw = QA(data, dataclasses.replace(base, threshold=0.0))
    cal = _calibration(raw, rows, recalibrate, with_filings)
    shipped = QA(data, base)
    integrated, isolated = run(shipped, rows)
    raw_integrated, _ = run(raw, rows, isolated=False)
    blind_results = by_category(run(shipped, blind, isolated=False)[0]) if blind else {}
    return {"date": time.strftime("%Y-%m-%d %H:%M"), "threshold": cal["threshold"], "calibration": cal,
            "integrated": by_category(integrated), "isolated": by_category(isolated), "blind": blind_results,
            "questions": integrated, "isolated_questions": isolated, "raw": raw_integrated,
            "settings": dataclasses.asdict(base)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qa eval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calibrate", action="store_true", help="choose a new threshold by CV")
    parser.add_argument("--with-filings", action="store_true",
                        help="calibrate on the filings dev set too (../shared/filings); never the blind sets")
    parser.add_argument("--no-readme", action="store_true", help="leave README.md alone")
    parser.add_argument("--no-plots", action="store_true")
    parser.add_argument("--out", type=Path, default=EVAL_DIR)
    args = parser.parse_args(argv)
    try:
        result = evaluate(args.calibrate, with_filings=args.with_filings)
    except QAError as exc:
        raise SystemExit(f"error: {exc}") from exc
    args.out.mkdir(parents=True, exist_ok=True)
    previous_path = args.out / "results.json"
    previous = json.loads(previous_path.read_text())["questions"] if previous_path.exists() else []
    result["diff"] = diff(previous, result["questions"])
    previous_path.write_text(json.dumps(result, indent=1) + "\n")
    report.write(result, args.out, plots=not args.no_plots, readme=not args.no_readme)
    print(report.summary_table(result))
    regressions = [d for d in result["diff"] if d["regression"]]
    print(f"\n{len(result['diff'])} changed answers, {len(regressions)} regressions"
          + "".join(f"\n  REGRESSION {d['id']}: {d['before']!r} -> {d['after']!r}" for d in regressions))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
