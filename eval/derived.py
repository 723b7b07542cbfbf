"""Derived-answer evaluation: arithmetic questions over the bundled supplement's fee,
expense-example and returns tables (the gold set's ``derived`` rows, and its unanswerable rows
whose fact starts ``derived-``).

Each row gives the computed value the answer must carry (``Derivation.value``), or ``None``
for a question the filing cannot answer (a share class it does not have): then no derived
answer may be given.  Every derived answer's operands are checked to be quoted from the
filing: each operand's text is ``source_text[start:end]``.

    python -m eval.derived [--out eval/derived_report.md]

Not handled: partial credit (a value is right or wrong), and questions answered by a printed
figure rather than a computation.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from qa import bundled
from qa.evaluation.gold import load_gold
from qa.evaluation.scoring import same_value
from qa.pipeline import QA
from qa.text.views import squash


def load() -> list[dict]:
    """The gold set's derived questions: id, question and the value (None: not computable)."""
    return [{"id": row["id"], "question": row["question"], "value": row.get("value")}
            for row in load_gold() if row["fact"].startswith("derived-")]


def quoted(pipeline: QA, answer) -> bool:
    """Whether every operand of a derived answer is the filing's own text at its offsets."""
    d = answer.derivation
    return bool(d.operands) and all(
        squash(pipeline.source_text(s.doc_id)[s.start:s.end]) == s.text for s in d.operands)


def evaluate(pipeline: QA, rows: list[dict]) -> dict:
    """Per-question outcomes and the totals: right, derived answers, unquoted operands."""
    out = []
    for row in rows:
        answer = pipeline.ask(row["question"])
        d = answer.derivation if answer.found else None
        right = same_value(d, row["value"]) if row["value"] is not None else d is None
        out.append({"id": row["id"], "question": row["question"], "want": row["value"], "right": right,
                    "answer": str(d) if d else (answer.text if answer.found else ""), "method": answer.method,
                    "quoted": quoted(pipeline, answer) if d else None})
    derived = [r for r in out if r["quoted"] is not None]
    return {"n": len(out), "right": sum(r["right"] for r in out), "derived": len(derived),
            "unquoted": sum(not r["quoted"] for r in derived), "rows": out}


def markdown(result: dict) -> str:
    lines = ["## Derived answers (bundled supplement)", "",
             f"{result['right']} of {result['n']} right ({100 * result['right'] / result['n']:.1f}%); "
             f"{result['derived']} derived answers, {result['unquoted']} with an operand not quoted from the filing.", "",
             "| id | question | want | answer | right |", "|---|---|---|---|---|"]
    for r in result["rows"]:
        lines.append(f"| {r['id']} | {r['question']} | {r['want'] if r['want'] is not None else 'not given'} "
                     f"| {r['answer'] or '(no answer)'} ({r['method']}) | {'yes' if r['right'] else 'no'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.derived", description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="eval/derived_report.md")
    args = parser.parse_args(argv)
    result = evaluate(bundled.pipeline(), load())
    Path(args.out).write_text(markdown(result), encoding="utf-8")
    print(f"{result['right']} of {result['n']} right; {result['derived']} derived, {result['unquoted']} unquoted; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
