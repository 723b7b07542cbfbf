"""The reader in dynamic int8 against fp32 on the gold set: accuracy and speed.

    python -m eval.precision          # writes eval/precision.json and eval/precision.md

Both runs answer every question (no threshold) so the comparison is of the
reader's spans alone; latency is the warm ``ask`` time.  Not handled: other
quantisation schemes (static int8 needs calibration data; fp16 is slow on CPU).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from qa import bundled
from qa.evaluation.gold import load_gold
from qa.evaluation.harness import run
from qa.evaluation.scoring import summarise
from qa.pipeline import QA
from qa.settings import Settings

OUT = Path(__file__).parent


def compare() -> dict:
    rows = load_gold()
    data = bundled.pipeline().data
    out = {}
    for precision in ("fp32", "int8"):
        pipeline = QA(data, dataclasses.replace(Settings(), threshold=0.0, reader_precision=precision))
        run(pipeline, rows[:10], isolated=False)                     # warm up
        integrated, _ = run(pipeline, rows, isolated=False)
        s = summarise(integrated)
        out[precision] = {k: s[k] for k in ("em", "f1", "p50_ms", "p95_ms")}
        out[precision].update(_held_out(pipeline, rows))
    out["f1_loss"] = round(out["fp32"]["f1"] - out["int8"]["f1"], 2)
    out["held_out_f1_loss"] = round(out["fp32"]["held_out_f1"] - out["int8"]["held_out_f1"], 2)
    return out


def _held_out(pipeline: QA, rows: list[dict]) -> dict:
    """The reader as it would ship: its own confidence model and threshold, fitted by 5-fold
    cross-validation, each question answered by the fold that did not see it."""
    from qa.evaluation.harness import cross_validated
    s = summarise(cross_validated(pipeline, rows)[1]["held_out_results"])
    return {"held_out_em": s["em"], "held_out_f1": s["f1"], "held_out_confident_wrong": s["confident_wrong"]}


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m eval.precision", description=__doc__).parse_args(argv)
    result = compare()
    (OUT / "precision.json").write_text(json.dumps(result, indent=1) + "\n")
    lines = ["Reader precision on the gold set (`python -m eval.precision`). *All answered*: every question "
             "answered, candidates ranked by the shipped confidence model. *Held-out*: each reader with its "
             "own confidence model and threshold, fitted by 5-fold cross-validation, as it would ship.", "",
             "| reader | EM (all answered) | F1 (all answered) | held-out EM | held-out F1 | "
             "held-out confident wrong | ask p50 ms | ask p95 ms |", "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {p} | {r['em']} | {r['f1']} | {r['held_out_em']} | {r['held_out_f1']} | "
              f"{r['held_out_confident_wrong']} | {r['p50_ms']} | {r['p95_ms']} |"
              for p, r in result.items() if isinstance(r, dict)]
    lines += ["", f"F1 lost to int8: {result['f1_loss']} points all answered, "
              f"{result['held_out_f1_loss']} held-out."]
    (OUT / "precision.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
