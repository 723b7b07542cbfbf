"""The calibration a pipeline uses: the neural reader's confidence model and its threshold.

A :class:`Calibrator` is read from a ``calibration.json`` (the one shipped in the package, one
named by ``Settings(calibration=PATH)`` / ``$QA_CALIBRATION``, or one that ``qa eval --calibrate
--out FILE`` wrote) or made from a freshly fitted record, and is owned by the ``QA`` that uses
it: nothing here is module-level state.  :meth:`Calibrator.none` gives the reader's raw scores
and the uncalibrated threshold, which is how calibration itself collects its data.

A record made for another reader (its ``reader`` is not :func:`qa.settings.reader_fingerprint`)
is not applied: its model and threshold are ignored, with a warning, and the raw scores are used.

Not handled: one calibration per document or per kind of filing; a pipeline has one.
"""
from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from qa.errors import QAError
from qa.reading.confidence import FEATURES
from qa.settings import Settings, calibration_path, reader_fingerprint

log = logging.getLogger(__name__)
ENV = "QA_CALIBRATION"


class CalibrationError(QAError):
    """A calibration file that is missing or not a calibration."""


@dataclass(frozen=True)
class Calibrator:
    """P(right) for a neural candidate's feature vector, and the threshold it must clear."""

    coef: tuple[float, ...] | None = None        # None: no model applies, raw scores are used
    intercept: float = 0.0
    threshold: float | None = None               # None: the reader's own (0.5)
    record: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    source: str | None = None                    # the file it was read from, if any

    @classmethod
    def none(cls) -> "Calibrator":
        """No model and no threshold: the reader's raw scores (for collecting calibration data)."""
        return cls()

    @classmethod
    def from_record(cls, record: Mapping[str, Any], source: str | None = None) -> "Calibrator":
        """From a calibration record (``threshold``, ``reader``, ``model``: ``coef``, ``intercept``,
        ``features``) as ``qa eval --calibrate`` writes it; one made for another reader applies nothing."""
        if record.get("reader") != reader_fingerprint():
            log.warning("%s was made for another reader (%s, not %s); run `qa eval --calibrate`",
                        source or "the calibration", record.get("reader"), reader_fingerprint())
            return cls(record=dict(record), source=source)
        model = record.get("model") or {}
        usable = bool(model) and model.get("features") == FEATURES
        threshold = record.get("threshold")
        return cls(coef=tuple(float(c) for c in model["coef"]) if usable else None,
                   intercept=float(model.get("intercept", 0.0)) if usable else 0.0,
                   threshold=None if threshold is None else float(threshold), record=dict(record), source=source)

    @classmethod
    def load(cls, path: str | Path) -> "Calibrator":
        """Read a calibration file; raises :class:`CalibrationError` saying how to make one."""
        path = Path(path)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CalibrationError(f"no calibration file at {path}: make one with "
                                   f"`qa eval --gold FILE --calibrate --out {path}`") from exc
        except ValueError as exc:
            raise CalibrationError(f"{path} is not valid JSON ({exc}): give the file that "
                                   "`qa eval --calibrate --out FILE` wrote") from exc
        if not isinstance(record, dict) or "threshold" not in record:
            raise CalibrationError(f"{path} is not a calibration (no 'threshold'): give the file that "
                                   "`qa eval --calibrate --out FILE` wrote")
        return cls.from_record(record, str(path))

    @classmethod
    def shipped(cls) -> "Calibrator":
        """The calibration shipped in the package, or :meth:`none` when it is missing or damaged."""
        try:
            return cls.load(calibration_path())
        except CalibrationError as exc:
            log.warning("%s; using the reader's raw scores", exc)
            return cls.none()

    @classmethod
    def for_settings(cls, settings: Settings) -> "Calibrator":
        """``settings.calibration``, else ``$QA_CALIBRATION``, else the shipped calibration."""
        path = settings.calibration or os.environ.get(ENV)
        return cls.load(path) if path else cls.shipped()

    @property
    def fits_reader(self) -> bool:
        """Whether it was made for the reader in use (else nothing of it is applied)."""
        return self.record.get("reader") == reader_fingerprint()

    def probability(self, vector: list[float] | tuple[float, ...]) -> float | None:
        """P(right) for a feature vector (see :data:`qa.reading.confidence.FEATURES`), or None
        when no model applies."""
        if self.coef is None:
            return None
        z = float(np.dot(np.asarray(self.coef, dtype=float), vector) + self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
