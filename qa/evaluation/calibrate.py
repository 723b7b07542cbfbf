"""Calibrating the neural reader's confidence and its abstention threshold on the gold set.

For every gold question we collect the readers' candidates with their features
and whether each is right (F1 >= 0.5).  Five-fold cross-validation: on four
folds, fit the logistic confidence model (:mod:`qa.reading.confidence`) on the neural
candidates and choose the neural threshold that maximises the utility below;
then answer the held-out fold as the pipeline would (the best candidate that
clears its reader's threshold; the structural readers keep their own).  The
held-out answers give honest figures; the shipped model is fitted on all
questions and the shipped threshold is the median of the fold thresholds.

Utility per question: a right answer +1, a wrong answer -``WRONG_COST``, no
answer +1 when the best candidate would have been wrong, else 0.  With a cost of
1 a candidate is worth giving when it is right with odds better than 2:1
(answering: 2p - 1; staying silent: 1 - p).  Measured on the gold set (held-out,
step-5425 reader in int8, read window 1): cost 1 gave EM 69.4 / F1 77.2 with 25
confident wrong answers, cost 2 gave 64.8 / 71.1 with the same 25, cost 3 gave
56.1 / 60.7 with 20 — five fewer wrong answers for thirty fewer right ones.

Not handled: per-category thresholds, and more than one filing's questions.
"""
from __future__ import annotations

import numpy as np

from qa.reading.confidence import CALIBRATED

WRONG_COST = 1.0


def fit(records: list[dict]) -> dict:
    """Logistic model P(right | features) over candidate records ``{"vector", "right"}``."""
    from sklearn.linear_model import LogisticRegression

    from qa.reading.confidence import FEATURES
    x = np.asarray([r["vector"] for r in records], dtype=float)
    y = np.asarray([r["right"] for r in records], dtype=int)
    if len(set(y)) < 2:
        return {"features": FEATURES, "coef": [0.0] * len(FEATURES), "intercept": 0.0, "records": len(y)}
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    return {"features": FEATURES, "coef": [round(float(c), 5) for c in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 5), "records": len(records)}


def _prob(model: dict, vector: list[float]) -> float:
    z = float(np.dot(model["coef"], vector) + model["intercept"])
    return float(1.0 / (1.0 + np.exp(-z)))


def scored(question: dict, model: dict) -> list[dict]:
    """The question's candidates with their confidence under ``model``, best first."""
    out = [dict(c, score=_prob(model, c["vector"]) if c["method"] == CALIBRATED else c["raw"])
           for c in question["cands"]]
    return sorted(out, key=lambda c: -c["score"])


def decide(cands: list[dict], threshold: float, fixed: dict[str, float]) -> dict | None:
    """The candidate the pipeline would give: the best one clearing its reader's threshold."""
    for c in cands:
        if c["score"] >= (threshold if c["method"] == CALIBRATED else fixed.get(c["method"], 0.5)):
            return c
    return None


def _utility(questions: list[list[dict]], threshold: float, fixed: dict[str, float]) -> float:
    total = 0.0
    for cands in questions:
        chosen = decide(cands, threshold, fixed)
        if chosen is not None:
            total += 1.0 if chosen["right"] else -WRONG_COST
        elif cands and not cands[0]["right"]:
            total += 1.0
    return total


def best_threshold(questions: list[list[dict]], fixed: dict[str, float]) -> float:
    scores = sorted({c["score"] for cands in questions for c in cands
                     if c["method"] == CALIBRATED} | {0.0, 1.0})
    grid = [(a + b) / 2 for a, b in zip(scores, scores[1:])]
    return float(max(grid, key=lambda t: (_utility(questions, t, fixed), -t)))


def outcome(question: dict, chosen: dict | None) -> dict:
    """A per-question result (as :func:`qa.evaluation.scoring.score_row` makes them) for a decision."""
    r = dict(question["result"])
    answerable = r["answerable"]
    if chosen is None:
        r.update(found=False, score=0.0, prediction="", confident_wrong=False,
                 em=float(not answerable), f1=float(not answerable), method="")
    else:
        r.update(found=True, score=round(chosen["score"], 4), prediction=chosen["text"],
                 em=chosen["em"], f1=chosen["f1"], method=chosen["method"],
                 confident_wrong=bool(not answerable or chosen["f1"] < 0.5))
    return r


def cross_validate(per_question: list[dict], fixed: dict[str, float], folds: int = 5,
                   seed: int = 0) -> dict:
    """Fold thresholds, the shipped (median) threshold and the held-out results."""
    parts = np.array_split(np.random.default_rng(seed).permutation(len(per_question)), folds)
    held_out: list[dict] = [{}] * len(per_question)
    thresholds = []
    for k in range(folds):
        train = [per_question[i] for j, p in enumerate(parts) if j != k for i in p]
        model = fit([c for q in train for c in q["cands"] if c["method"] == CALIBRATED])
        t = best_threshold([scored(q, model) for q in train], fixed)
        thresholds.append(round(t, 4))
        for i in parts[k]:
            held_out[i] = outcome(per_question[i], decide(scored(per_question[i], model), t, fixed))
    return {"method": f"{folds}-fold cross-validation; utility = right +1, wrong -{WRONG_COST:g}, "
                      "no answer +1 when the best candidate was wrong; shipped threshold = median "
                      "of fold thresholds; model = logistic regression fitted on all gold candidates",
            "fold_thresholds": thresholds, "threshold": float(np.median(thresholds)),
            "held_out_results": held_out}


def risk_coverage(results: list[dict]) -> tuple[list[float], list[float]]:
    """Coverage (share of questions answered) and risk (share of those answered wrongly)."""
    kept = sorted((r for r in results if r["found"]), key=lambda r: -r["score"])
    cov, risk, wrong = [], [], 0
    for i, r in enumerate(kept, 1):
        wrong += not (r["answerable"] and r["f1"] >= 0.5)
        cov.append(i / len(results))
        risk.append(wrong / i)
    return cov, risk
