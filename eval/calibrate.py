"""Choosing the abstention threshold on the gold set by k-fold cross-validation.

Each answer is run with no threshold; at threshold ``t`` it is kept when its
score is at least ``t``.  A decision is good when it keeps a correct answer
(F1 >= 0.5) or withholds a wrong or unanswerable one; a kept wrong answer costs
``WRONG_COST`` good decisions.  For each fold the threshold that maximises this
utility on the other folds is applied to the held-out fold; the shipped
threshold is the median of the fold thresholds, and the held-out decisions give
an honest estimate of how it does on new questions of the same kind.

Not handled: per-category thresholds (one threshold serves all readers).
"""
from __future__ import annotations

import numpy as np

WRONG_COST = 3.0


def _correct(r: dict) -> bool:
    return r["answerable"] and r["f1"] >= 0.5


def utility(results: list[dict], threshold: float) -> float:
    total = 0.0
    for r in results:
        kept = r["found"] and r["score"] >= threshold
        if kept:
            total += 1.0 if _correct(r) else -WRONG_COST
        else:
            total += 0.0 if _correct(r) else 1.0
    return total


def best_threshold(results: list[dict]) -> float:
    """The threshold with the highest utility (midpoint between neighbouring scores)."""
    scores = sorted({r["score"] for r in results} | {0.0, 1.0})
    grid = [(a + b) / 2 for a, b in zip(scores, scores[1:])] + [0.0]
    return float(max(grid, key=lambda t: (utility(results, t), -t)))


def cross_validate(results: list[dict], folds: int = 5, seed: int = 0) -> dict:
    """Fold thresholds, the shipped (median) threshold and held-out outcomes."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(results))
    parts = np.array_split(order, folds)
    thresholds, kept_right, kept_wrong, withheld = [], 0, 0, 0
    for k in range(folds):
        train = [results[i] for j, p in enumerate(parts) if j != k for i in p]
        t = best_threshold(train)
        thresholds.append(round(t, 4))
        for i in parts[k]:
            r = results[i]
            if r["found"] and r["score"] >= t:
                kept_right += _correct(r)
                kept_wrong += not _correct(r)
            else:
                withheld += 1
    return {"method": f"{folds}-fold cross-validation, utility = right kept + wrong withheld "
                      f"- {WRONG_COST:g} x wrong kept; shipped threshold = median of fold thresholds",
            "fold_thresholds": thresholds, "threshold": float(np.median(thresholds)),
            "held_out": {"kept_right": int(kept_right), "kept_wrong": int(kept_wrong),
                         "withheld": int(withheld)}}


def apply(results: list[dict], threshold: float) -> list[dict]:
    """Results as they would be with ``threshold`` (answers below it withheld)."""
    out = []
    for r in results:
        r = dict(r)
        if r["found"] and r["score"] < threshold:
            r.update(found=False, prediction="", confident_wrong=False,
                     em=0.0 if r["answerable"] else 1.0, f1=0.0 if r["answerable"] else 1.0)
        out.append(r)
    return out


def risk_coverage(results: list[dict]) -> tuple[list[float], list[float]]:
    """Coverage (share of questions answered) and risk (share of those answered wrongly)."""
    kept = sorted((r for r in results if r["found"]), key=lambda r: -r["score"])
    cov, risk, wrong = [], [], 0
    for i, r in enumerate(kept, 1):
        wrong += not _correct(r)
        cov.append(i / len(results))
        risk.append(wrong / i)
    return cov, risk
