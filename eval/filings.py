"""Real-filings evaluation: question sets over real EDGAR filings.

    python -m eval.filings [--set dev|blind|dev2|blind2|both|all] [--misses] [--filings DIR]

Each row of ``eval/filings_dev.jsonl`` / ``eval/filings_blind.jsonl`` names its filing
(``doc``), the question, verbatim ``answers`` (empty for a question the filing does not
answer), a ``category`` and a ``quote`` of the filing around the answer.  Offsets are not
stored: they depend on how HTML is rendered, which is what is being developed.  Each
question is asked of its own filing (``QA.ask(q, doc_id)``), all filings of a set in one index.

Four sets: ``dev`` and ``blind`` over the 30 filings in ``../shared/filings``; ``dev2`` and
``blind2`` over 18 further filings of other fund families, kept in ``../fresh/dev2`` and
``../fresh/blind2`` (not committed: ``eval/FRESH_SOURCES.md`` says where each comes from; a
set whose folder is missing is skipped with a note).  ``both`` runs dev and blind, ``all``
the four.  The dev sets are for development: ``--misses`` lists their wrong answers.  The
blind sets were written by helpers that never saw the system's answers; only their aggregate
figures are printed or written, and ``--misses`` lists nothing of them.

Not handled: list answers get token F1 over the joined items, not per-item credit.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from qa.errors import IndexLoadError, QAError
from qa.evaluation.gold import squash
from qa.evaluation.metrics import best_score, exact_match, f1
from qa.parsing.sources import doc_id_for, read_filing
from qa.pipeline import QA
from qa.serving.progress import Bars
from qa.settings import Settings

EVAL_DIR = Path(__file__).parent
FILINGS = Path(__file__).resolve().parents[2] / "shared" / "filings"
FRESH = Path(__file__).resolve().parents[2] / "fresh"
SETS = {"dev": EVAL_DIR / "filings_dev.jsonl", "blind": EVAL_DIR / "filings_blind.jsonl",
        "dev2": EVAL_DIR / "filings_dev2.jsonl", "blind2": EVAL_DIR / "filings_blind2.jsonl",
        "dev3": EVAL_DIR / "filings_dev3.jsonl",
        # table questions in other words over the dev3 and dev2 filings (2026-12-08)
        "dev4": EVAL_DIR / "filings_dev4.jsonl", "dev5": EVAL_DIR / "filings_dev5.jsonl",
        # an ETF trust's complete submission, ETF and multi-fund documents (2026-12-08)
        "dev6": EVAL_DIR / "filings_dev6.jsonl",
        # eight further summaries, to measure the second 2026-12-08 session's mechanisms on unseen filings
        "dev7": EVAL_DIR / "filings_dev7.jsonl",
        # two complete-submission 497K files of new families and an N-Q holdings schedule (2026-12-08)
        "dev8": EVAL_DIR / "filings_dev8.jsonl"}
FOLDERS = {"dev": FILINGS, "blind": FILINGS, "dev2": FRESH / "dev2", "blind2": FRESH / "blind2",
           "dev3": FRESH / "dev3", "dev4": FRESH / "dev3", "dev5": FRESH / "dev2", "dev6": FRESH / "dev6", "dev7": FRESH / "dev7",
           "dev8": FRESH / "dev8"}
DEV_SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8")
GROUPS = {"both": ["dev", "blind"], "all": ["dev", "blind", "dev2", "blind2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8"]}
CATEGORIES = ("prose", "table", "number", "list", "header", "unanswerable")
CACHE = EVAL_DIR / "runs"
CONFIDENT_WRONG_F1 = 0.5


def load_set(path: Path) -> list[dict]:
    """The rows of a filings question set; raises ValueError naming a bad line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc})") from exc
    return rows


def validate(rows: list[dict]) -> list[str]:
    """Every problem of a set: missing fields, unknown categories, repeated ids."""
    problems, seen = [], set()
    for i, row in enumerate(rows):
        name = row.get("id", f"row #{i}")
        for key in ("id", "doc", "question", "answers", "category"):
            if key not in row:
                problems.append(f"{name}: missing {key!r}")
        if row.get("category") not in CATEGORIES:
            problems.append(f"{name}: category {row.get('category')!r} is not one of {CATEGORIES}")
        if (row.get("category") == "unanswerable") != (not row.get("answers")):
            problems.append(f"{name}: answers must be empty exactly when the question is unanswerable")
        if name in seen:
            problems.append(f"{name}: id used twice")
        seen.add(name)
    return problems


def build(rows: list[dict], folder: Path, name: str, settings: Settings) -> tuple[QA, dict, dict]:
    """One index over the set's filings (cached in eval/runs/, rebuilt when a text changes)."""
    files = sorted({row["doc"] for row in rows})
    texts, names, ids = {}, {}, {}
    start = time.perf_counter()
    for file in files:
        doc_id = doc_id_for(file, set(texts))
        ids[file] = doc_id
        texts[doc_id], names[doc_id] = read_filing(folder / file, settings.max_file_bytes), file
    parse_s = time.perf_counter() - start
    cache = CACHE / f"filings-{name}"
    start = time.perf_counter()
    try:
        qa = QA.load(cache, settings, expected=texts, rebuild=False)
        built = False
    except IndexLoadError:                            # missing, stale or damaged: build anew
        qa = QA.from_texts(texts, settings, names, progress=Bars())
        qa.save(cache)
        built = True
    seconds = time.perf_counter() - start
    stats = {"parse_s": round(parse_s, 2), "index_s": round(seconds, 2), "built": built,
             "chunks": len(qa.data.chunks), "chars": sum(len(t) for t in texts.values())}
    if built:
        stats["chunks_per_s"] = round(len(qa.data.chunks) / max(seconds, 1e-9), 1)
    return qa, ids, stats


def calibration_rows(settings: Settings) -> tuple[QA, list[dict]]:
    """The dev set as calibration data: its index (raw scores, no threshold) and gold-style rows
    naming their ``doc_id``.  Only the dev set: the blind set is never calibrated on."""
    import dataclasses
    rows = load_set(SETS["dev"])
    qa, ids, _ = build(rows, FILINGS, "dev", settings)
    raw = QA(qa.data, dataclasses.replace(settings, threshold=0.0))
    return raw, [{"id": r["id"], "question": r["question"], "answers": r["answers"], "category": r["category"],
                  "doc_id": ids[r["doc"]]} for r in rows]


def score(row: dict, answer) -> dict:
    """EM/F1 of one answer; an abstention scores 0 on an answerable question."""
    golds = [squash(a) for a in row["answers"]]
    answerable = bool(golds)
    prediction = squash(answer.text) if answer.found else ""
    em = best_score(exact_match, prediction, golds) if answerable and prediction else 0.0
    f = best_score(f1, prediction, golds) if answerable and prediction else 0.0
    wrong = answer.found and (not answerable or f < CONFIDENT_WRONG_F1)
    return {"id": row["id"], "doc": row["doc"], "category": row["category"], "question": row["question"],
            "answers": row["answers"], "prediction": prediction, "found": answer.found,
            "score": round(answer.score, 3), "method": getattr(answer, "method", ""),
            "em": em, "f1": f, "confident_wrong": bool(wrong)}


def run(rows: list[dict], qa: QA, ids: dict) -> list[dict]:
    results = []
    for row in rows:
        start = time.perf_counter()
        try:
            answer = qa.ask(row["question"], ids[row["doc"]])
        except QAError as exc:
            answer = _Abstained(str(exc))
        result = score(row, answer)
        result["ms"] = round((time.perf_counter() - start) * 1000, 1)
        results.append(result)
    return results


class _Abstained:
    """Stands in for an answer when ``ask`` refused the question (it counts as an abstention)."""

    def __init__(self, reason: str):
        self.text, self.found, self.score, self.method = "", False, 0.0, f"error: {reason}"


def summarise(results: list[dict]) -> dict:
    """Per category and overall: n, EM, F1, abstained, confident wrong, p50/p95 ms."""
    groups = {"all": results}
    for cat in CATEGORIES:
        groups[cat] = [r for r in results if r["category"] == cat]
    out = {}
    for name, rs in groups.items():
        if not rs:
            continue
        answerable = [r for r in rs if r["category"] != "unanswerable"]
        unanswerable = [r for r in rs if r["category"] == "unanswerable"]
        ms = sorted(r["ms"] for r in rs)
        out[name] = {"n": len(rs),
                     "em": _pct(statistics.fmean(r["em"] for r in answerable)) if answerable else None,
                     "f1": _pct(statistics.fmean(r["f1"] for r in answerable)) if answerable else None,
                     "abstained": (f"{sum(not r['found'] for r in unanswerable)}/{len(unanswerable)}"
                                   if unanswerable else None),
                     "confident_wrong": sum(r["confident_wrong"] for r in rs),
                     "p50_ms": ms[len(ms) // 2], "p95_ms": ms[min(len(ms) - 1, int(len(ms) * 0.95))]}
    return out


def _pct(x: float) -> float:
    return round(100 * x, 2)


def markdown(name: str, summary: dict, stats: dict) -> str:
    lines = [f"**Filings {name} set** ({summary['all']['n']} questions over the filings it names; "
             f"{stats['chunks']:,} chunks from {stats['chars']:,} characters)", "",
             "| category | n | EM | F1 | unanswerable abstained | conf. wrong | p50 ms | p95 ms |",
             "|---|---|---|---|---|---|---|---|"]
    for cat, s in summary.items():
        cells = [cat, s["n"], s["em"], s["f1"], s["abstained"], s["confident_wrong"], s["p50_ms"], s["p95_ms"]]
        lines.append("| " + " | ".join("–" if c is None else str(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.filings", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=[*SETS, *GROUPS], default="both")
    parser.add_argument("--filings", type=Path, help="the filings folder (default: the set's own)")
    parser.add_argument("--misses", action="store_true", help="list a dev set's wrong answers")
    parser.add_argument("--out", type=Path, default=EVAL_DIR / "filings_report.md")
    args = parser.parse_args(argv)
    names = GROUPS.get(args.set, [args.set])
    report, settings = [], Settings()
    for name in names:
        folder = args.filings or FOLDERS[name]
        if not folder.is_dir():
            print(f"note: no filings folder at {folder}; the {name} set is skipped", file=sys.stderr)
            continue
        rows = load_set(SETS[name])
        problems = validate(rows)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 2
        qa, ids, stats = build(rows, folder, name, settings)
        results = run(rows, qa, ids)
        summary = summarise(results)
        report.append(markdown(name, summary, stats))
        print(report[-1])
        print(json.dumps(stats))
        if name in DEV_SETS:
            (EVAL_DIR / f"filings_{name}_results.json").write_text(json.dumps(results, indent=1) + "\n")
            if args.misses:
                for r in results:
                    if r["em"] < 1 and (r["category"] != "unanswerable" or r["found"]):
                        print(f"- {r['id']} [{r['category']}] {r['question']!r}\n    got {r['prediction']!r} "
                              f"({r['score']}, {r['method']}) want {r['answers'][:2]}")
    if args.set in GROUPS and report:
        args.out.write_text("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
