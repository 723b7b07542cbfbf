"""Scoring one answer against a gold row, and aggregating scores by category.

EM/F1 use SQuAD normalisation plus the project's number normalisation
(:mod:`qa.evaluation.metrics`).  A retrieved passage "hits" a gold evidence range when it
holds at least half of that range's characters.  Abstention metrics treat
"answerable" as the positive class; AUROC ranks answers by ``score``.  An answerable row with
no evidence (a user's gold file may leave it out) is marked ``no_evidence`` and left out of the
recall and MRR figures.

Not handled: partial credit for list answers beyond token F1 of the joined text.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from sklearn.metrics import roc_auc_score

from qa.evaluation.metrics import best_score, exact_match, f1

CONFIDENT_WRONG_F1 = 0.5


def _covers(start: int, end: int, evidence: list[list[int]]) -> bool:
    for s, e in evidence:
        inside = max(0, min(end, e) - max(start, s))
        if inside >= max(1, (e - s) / 2):
            return True
    return False


def first_hit_rank(answer, row: dict) -> int | None:
    """1-based rank of the first evidence passage covering the gold evidence, or None."""
    return hit_rank(answer.evidence, row)


def hit_rank(passages, row: dict) -> int | None:
    """1-based rank of the first passage (anything with start/end) covering the gold evidence."""
    for rank, p in enumerate(passages, 1):
        if _covers(p.start, p.end, row["evidence"]):
            return rank
    return None


def same_value(derived, value: str) -> bool:
    """Whether a computed answer's value is ``value`` to the places ``value`` gives ("261" for
    "261.00"; "-0.25" is not "0.25")."""
    if derived is None:
        return False
    try:
        want = Decimal(value)
        return Decimal(derived.value).quantize(want, rounding=ROUND_HALF_UP) == want
    except ArithmeticError:
        return False


def score_row(answer, row: dict, seconds: float | None = None,
              retrieved: list | None = None) -> dict:
    """Per-question result: found, EM, F1, retrieval rank, correctness.  A derived row is right
    (EM and F1 1) when the answer computes its value; words and formatting do not count."""
    answerable = row["category"] != "unanswerable"
    evidenced = answerable and bool(row.get("evidence"))
    prediction = answer.text if answer.found else ""
    em = best_score(exact_match, prediction, row["answers"]) if answerable else float(not answer.found)
    f = best_score(f1, prediction, row["answers"]) if answerable else float(not answer.found)
    if row["category"] == "derived":
        em = f = float(answer.found and same_value(getattr(answer, "derivation", None), row["value"]))
    out = {"id": row["id"], "question": row["question"], "category": row["category"],
           "answerable": answerable, "found": answer.found, "prediction": prediction,
           "gold": row["answers"][:1], "score": round(float(answer.score), 4), "em": em, "f1": f,
           "method": answer.method, "rank": first_hit_rank(answer, row) if evidenced else None,
           "confident_wrong": bool(answer.found and (not answerable or f < CONFIDENT_WRONG_F1))}
    if answerable and not evidenced:
        out["no_evidence"] = True
    if seconds is not None:
        out["ms"] = round(1000 * seconds, 2)
    if retrieved is not None and evidenced:
        out["retrieval_rank"] = hit_rank(retrieved, row)
    return out


def _auroc(results: list[dict]) -> float | None:
    labels = [r["answerable"] for r in results]
    if all(labels) or not any(labels):
        return None
    scores = [r["score"] if r["found"] else r["score"] - 1.0 for r in results]
    return round(float(roc_auc_score(labels, scores)), 4)


def summarise(results: list[dict]) -> dict:
    """Aggregate metrics (percentages) over a list of per-question results."""
    if not results:
        return {"n": 0}
    answerable = [r for r in results if r["answerable"]]
    unanswerable = [r for r in results if not r["answerable"]]
    abstained = [r for r in results if not r["found"]]
    ranks = [r["rank"] for r in answerable if not r.get("no_evidence")]
    out = {
        "n": len(results),
        "em": _pct(np.mean([r["em"] for r in answerable])) if answerable else None,
        "f1": _pct(np.mean([r["f1"] for r in answerable])) if answerable else None,
        "abstain_precision": _pct(len([r for r in abstained if not r["answerable"]]) / len(abstained))
        if abstained else None,
        "abstain_recall": _pct(np.mean([not r["found"] for r in unanswerable])) if unanswerable else None,
        "auroc": _auroc(results),
        "confident_wrong": sum(r["confident_wrong"] for r in results),
    }
    if ranks:
        out.update({f"recall@{k}": _pct(np.mean([x is not None and x <= k for x in ranks])) for k in (1, 3, 5)})
        out["mrr"] = round(float(np.mean([1.0 / x if x else 0.0 for x in ranks])), 4)
        first = [r.get("retrieval_rank") for r in answerable if "retrieval_rank" in r]
        if first:
            out.update({f"retrieval@{k}": _pct(np.mean([x is not None and x <= k for x in first]))
                        for k in (1, 3, 5)})
    ms = [r["ms"] for r in results if "ms" in r]
    if ms:
        out.update(p50_ms=round(float(np.percentile(ms, 50)), 1), p95_ms=round(float(np.percentile(ms, 95)), 1))
    return out


def by_category(results: list[dict]) -> dict[str, dict]:
    """``summarise`` for all results and for each category."""
    cats = sorted({r["category"] for r in results})
    table = {"all": summarise(results)}
    table.update({c: summarise([r for r in results if r["category"] == c]) for c in cats})
    return table


def _pct(x: float) -> float:
    return round(100.0 * float(x), 2)
