"""The evaluation harness: a gold set through the real pipeline, scored, calibrated, compared.

:func:`evaluate` runs every gold question integrated (retrieval + readers) and isolated (readers
given the gold passage) as the pipeline answers them, and once more with no threshold for the
risk-coverage curve.  Recall figures come from the very retrieval that answered
(:meth:`qa.pipeline.QA.ask_traced`).  With ``recalibrate`` (or when the calibration in use was
made for another reader) it first fits the confidence model and threshold
(:mod:`qa.evaluation.calibrate`) on the gold rows and evaluates with that new
:class:`~qa.reading.calibration.Calibrator`; writing it anywhere is the caller's choice.

The bundled blind set is run too, integrated and as shipped, and reported only as aggregate
figures: its questions were written without seeing the system's answers, are never used for
calibration, and its misses are not listed, so that changes made by reading misses cannot be
fitted to it.  The command line is :mod:`qa.serving.eval_cli` (``qa eval``).

Not handled: comparing two calibrations in one run (run twice, with ``--calibration``).
"""
from __future__ import annotations

import dataclasses
import time
from typing import Callable

from qa import bundled
from qa.evaluation import calibrate
from qa.evaluation.metrics import best_score, exact_match, f1
from qa.evaluation.scoring import by_category, score_row
from qa.evaluation.user_gold import GoldSet
from qa.indexing.progress import Progress
from qa.pipeline import QA
from qa.reading import confidence
from qa.reading.calibration import Calibrator
from qa.settings import Settings, reader_fingerprint

# More calibration questions: (a pipeline over their filings, rows naming their ``doc_id``).
Extra = tuple[QA, list[dict]]


def gold_chunks(pipeline: QA, row: dict) -> list[int]:
    """Chunks holding the gold evidence: the cell chunk for table rows, else the best prose chunk
    (among the chunks of the row's ``doc_id`` when it names one)."""
    want = "cell" if row["category"] == "table" else "prose"
    chunks = pipeline.data.chunks
    lo, hi = pipeline.data.ranges[row["doc_id"]] if row.get("doc_id") else (0, len(chunks))
    picked: list[int] = []
    for s, e in row["evidence"]:
        def fit(i: int, s: int = s, e: int = e) -> tuple:
            c = chunks[i]
            return max(0, min(c.end, e) - max(c.start, s)), c.kind == want, c.start - c.end
        best = max(range(lo, hi), key=fit)
        if fit(best)[0] > 0 and best not in picked:
            picked.append(best)
    return picked


def run(pipeline: QA, rows: list[dict], isolated: bool = True) -> tuple[list[dict], list[dict]]:
    """(integrated, isolated) per-question results with the pipeline's own thresholds.  Isolated
    results are for answerable rows with evidence only."""
    integrated, alone = [], []
    for row in rows:
        t0 = time.perf_counter()
        traced = pipeline.ask_traced(row["question"], row.get("doc_id"))
        seconds = time.perf_counter() - t0
        retrieved = [pipeline.data.chunks[h.chunk] for h in traced.hits[:pipeline.settings.top_k]]
        integrated.append(score_row(traced.answer, row, seconds, retrieved))
        if isolated and row["category"] != "unanswerable" and row.get("evidence"):
            alone.append(score_row(pipeline.read(row["question"], gold_chunks(pipeline, row)), row))
    return integrated, alone


def collect(pipeline: QA, rows: list[dict], per_method: int = 2) -> list[dict]:
    """Every question's candidates (the best ``per_method`` of each reader) with features and
    whether each is right (F1 >= 0.5 against the gold answers; never for unanswerable rows)."""
    out = []
    for row in rows:
        if row["category"] == "derived":     # computed answers: nothing for the span reader's confidence
            continue
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


def uncalibrated(pipeline: QA) -> QA:
    """The pipeline with the readers' raw scores and no threshold (calibration's data)."""
    return QA(pipeline.data, dataclasses.replace(pipeline.settings, threshold=0.0), pipeline.readers,
              Calibrator.none())


def cross_validated(pipeline: QA, rows: list[dict], extra: Extra | None = None) -> tuple[list[dict], dict]:
    """The gold questions' raw candidates (and those of ``extra``) and the 5-fold
    cross-validation over them (:func:`qa.evaluation.calibrate.cross_validate`: fold thresholds,
    held-out results)."""
    per_question = collect(uncalibrated(pipeline), rows)
    if extra is not None:
        per_question += collect(uncalibrated(extra[0]), extra[1])
    return per_question, calibrate.cross_validate(per_question, reader_thresholds(pipeline))


def calibrate_model(pipeline: QA, rows: list[dict], extra: Extra | None = None) -> dict:
    """A calibration record fitted on the gold rows (and ``extra``'s): the confidence model, the
    neural threshold and held-out figures over all of them (``Calibrator.from_record`` uses it)."""
    per_question, cal = cross_validated(pipeline, rows, extra)
    held_out = cal.pop("held_out_results")
    cal["held_out"] = {k: v for k, v in by_category(held_out)["all"].items()
                       if not k.startswith(("recall", "mrr"))}
    cal["model"] = calibrate.fit([c for q in per_question for c in q["cands"]
                                  if c["method"] == confidence.CALIBRATED])
    cal.update(date=time.strftime("%Y-%m-%d"), reader=reader_fingerprint(), gold_rows=len(rows),
               extra_rows=len(extra[1]) if extra else 0)
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


def pipeline_for(gold: GoldSet, settings: Settings, progress: Progress | None = None) -> QA:
    """A pipeline over the gold set's filings (the bundled index when it names none)."""
    if gold.texts is None:
        return QA(bundled.pipeline(progress).data, settings)
    return QA.from_texts(gold.texts, settings, gold.names, progress)


@dataclasses.dataclass(frozen=True)
class Evaluation:
    """What :func:`evaluate` found: the report's result and the calibration it used."""

    result: dict
    calibrator: Calibrator
    recalibrated: bool          # the calibration was fitted in this run (the caller may save it)


def evaluate(gold: GoldSet, settings: Settings | None = None, recalibrate: bool = False,
             extra: Callable[[Settings], Extra] | None = None, progress: Progress | None = None) -> Evaluation:
    """Run the gold set (and its blind set) and return everything the report needs.  ``extra``
    gives more calibration questions (used only when calibrating)."""
    base = settings or Settings()
    shipped = pipeline_for(gold, base, progress)
    calibrator = shipped.calibrator
    fresh = recalibrate or not calibrator.fits_reader
    if fresh:
        record = calibrate_model(shipped, gold.rows, extra(base) if extra else None)
        calibrator = Calibrator.from_record(record)
        shipped = QA(shipped.data, base, calibrator=calibrator)
    raw = QA(shipped.data, dataclasses.replace(base, threshold=0.0), calibrator=calibrator)
    integrated, isolated = run(shipped, gold.rows)
    raw_integrated, _ = run(raw, gold.rows, isolated=False)
    blind = by_category(run(shipped, gold.blind, isolated=False)[0]) if gold.blind else {}
    result = {"date": time.strftime("%Y-%m-%d %H:%M"), "threshold": calibrator.threshold,
              "calibration": dict(calibrator.record), "integrated": by_category(integrated),
              "isolated": by_category(isolated), "blind": blind, "questions": integrated,
              "isolated_questions": isolated, "raw": raw_integrated, "settings": dataclasses.asdict(base),
              "gold_label": gold.label, "blind_label": gold.blind_label}
    return Evaluation(result, calibrator, fresh)
