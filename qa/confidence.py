"""The neural reader's confidence as a calibrated probability that its answer is right.

A neural candidate gets a few features (the margin of its span over the null
answer, the span's own probability, whether its type fits the question, the
passage's rank, how many of the question's terms the passage holds, how many other
passages proposed the same text); a
logistic model over them, fitted on the gold set by ``qa eval --calibrate`` and
shipped in ``qa/calibration.json``, gives the probability.  The structural
readers (table, list, schedule) keep their own scores: they fire rarely and are
precise when they do.  Without a fitted model (or one made for another reader)
the neural reader's own score is used.

Not handled: per-document calibration; the model is fitted on one filing's
questions and assumes other filings behave alike.
"""
from __future__ import annotations

import functools
import json
import math

import numpy as np

from qa import lexical

CALIBRATED = "neural"
FEATURES = ["margin", "span_prob", "type_ok", "type_bad", "rank", "coverage", "cell", "support"]


def features(cand, passage, question) -> list[float]:
    """The feature vector of one candidate (see ``FEATURES``)."""
    f = cand.features
    have = set(lexical.terms(passage.view.text + " " + passage.chunk.heading))
    wanted = set(question.terms)
    coverage = len(wanted & have) / len(wanted) if wanted else 0.0
    typed = f.get("type_ok")
    return [max(-10.0, min(15.0, f.get("margin", 0.0))) / 5.0, f.get("span_prob", 0.0),
            float(typed is True), float(typed is False), min(passage.rank, 10) / 5.0, coverage,
            float(passage.chunk.kind == "cell"), 0.0]     # support: set by with_support()


def with_support(vector: list[float], passages: int) -> list[float]:
    """The vector with its support feature: how many other passages read proposed the same
    answer text (0, 1, 2 or more, scaled to 0..1)."""
    return vector[:-1] + [min(2, passages) / 2.0]


_OVERRIDE: list = []


def use_model(model: dict | None) -> None:
    """Use this fitted model (``{"coef", "intercept"}``), or none with ``None``, instead of the
    shipped one; ``reset()`` goes back.  For calibration runs."""
    _OVERRIDE[:] = [model]


def reset() -> None:
    _OVERRIDE.clear()


def _model() -> tuple[np.ndarray, float] | None:
    if _OVERRIDE:
        model = _OVERRIDE[0]
        return None if model is None else (np.asarray(model["coef"], float), float(model["intercept"]))
    return _shipped()


@functools.cache
def _shipped() -> tuple[np.ndarray, float] | None:
    from qa.settings import calibration_path, reader_fingerprint
    try:
        cal = json.loads(calibration_path().read_text())
    except (OSError, ValueError):
        return None
    model = cal.get("model")
    if not model or cal.get("reader") != reader_fingerprint() or model.get("features") != FEATURES:
        return None
    return np.asarray(model["coef"], dtype=float), float(model["intercept"])


def calibrated(vector: list[float]) -> float | None:
    """P(right) for a feature vector, or None when no fitted model applies."""
    model = _model()
    if model is None:
        return None
    coef, intercept = model
    z = float(np.dot(coef, vector) + intercept)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
