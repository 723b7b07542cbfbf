"""The Calibrator a pipeline owns: loading, choosing, injecting (plumbing: no model is loaded)."""
import json

import pytest

from qa.pipeline import QA
from qa.reading import confidence
from qa.reading.calibration import CalibrationError, Calibrator
from qa.settings import Settings, reader_fingerprint


def _record(threshold=0.42, reader=None, coef=None):
    coef = coef if coef is not None else [0.0] * len(confidence.FEATURES)
    return {"threshold": threshold, "reader": reader or reader_fingerprint(),
            "model": {"features": confidence.FEATURES, "coef": coef, "intercept": 0.0}}


def _file(tmp_path, record, name="cal.json"):
    path = tmp_path / name
    path.write_text(json.dumps(record))
    return path


def test_a_record_for_this_reader_applies_its_model_and_threshold():
    cal = Calibrator.from_record(_record(coef=[1.0] + [0.0] * (len(confidence.FEATURES) - 1)))
    assert cal.threshold == 0.42 and cal.fits_reader
    assert cal.probability([0.0] * len(confidence.FEATURES)) == 0.5
    assert cal.probability([30.0] + [0.0] * (len(confidence.FEATURES) - 1)) > 0.99


def test_a_record_for_another_reader_applies_nothing():
    cal = Calibrator.from_record(_record(reader="neural:other"))
    assert cal.threshold is None and cal.probability([0.0] * 11) is None and not cal.fits_reader


def test_none_gives_raw_scores():
    assert Calibrator.none().probability([1.0] * 11) is None and Calibrator.none().threshold is None


def test_load_errors_say_how_to_make_a_calibration(tmp_path):
    with pytest.raises(CalibrationError, match="qa eval --gold FILE --calibrate --out"):
        Calibrator.load(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(CalibrationError, match="not valid JSON"):
        Calibrator.load(tmp_path / "bad.json")
    with pytest.raises(CalibrationError, match="not a calibration"):
        Calibrator.load(_file(tmp_path, {"model": {}}))


def test_settings_then_environment_then_shipped(tmp_path, monkeypatch):
    monkeypatch.delenv("QA_CALIBRATION", raising=False)
    mine, env = _file(tmp_path, _record(0.3), "mine.json"), _file(tmp_path, _record(0.7), "env.json")
    assert Calibrator.for_settings(Settings(calibration=str(mine))).threshold == 0.3
    assert Calibrator.for_settings(Settings()).source == str(Calibrator.shipped().source)
    monkeypatch.setenv("QA_CALIBRATION", str(env))
    assert Calibrator.for_settings(Settings()).threshold == 0.7
    assert Calibrator.for_settings(Settings(calibration=str(mine))).threshold == 0.3


def test_a_pipeline_owns_the_calibrator_it_is_given_or_its_settings_name(tmp_path, monkeypatch):
    monkeypatch.delenv("QA_CALIBRATION", raising=False)
    given = Calibrator.from_record(_record(0.55))
    assert QA(None, Settings(), readers=[], calibrator=given).calibrator is given
    path = _file(tmp_path, _record(0.25))
    assert QA(None, Settings(calibration=str(path)), readers=[]).calibrator.threshold == 0.25
    with pytest.raises(CalibrationError):
        QA(None, Settings(calibration=str(tmp_path / "none.json")), readers=[])


def test_no_module_level_calibration_state_is_left():
    for name in ("use_model", "reset", "reload_shipped", "calibrated", "_OVERRIDE", "_shipped"):
        assert not hasattr(confidence, name), name


@pytest.mark.slow
def test_an_injected_threshold_decides_what_is_answered(bundled_qa):
    question = "When did the Board approve the new agreement?"
    assert bundled_qa.ask(question).found
    strict = QA(bundled_qa.data, bundled_qa.settings, calibrator=Calibrator(threshold=1.01))
    answer = strict.ask(question)
    assert not answer.found or answer.method != confidence.CALIBRATED
