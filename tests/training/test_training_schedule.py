"""The reader's learning-rate schedule: compressed finishes and a warm restart.

Plumbing only: a Trainer is built without its model or data (only the attributes the
schedule reads), so no training happens here; the real run is measured in the model card.
"""
from types import SimpleNamespace

import pytest

from qa.training.loop import TrainConfig, Trainer, _lr_at

PER_EPOCH = 100


def _trainer(step: int) -> Trainer:
    trainer = Trainer.__new__(Trainer)          # no model, no features: schedule fields only
    trainer.cfg = TrainConfig(batch_size=1)
    trainer.features = SimpleNamespace(ids=[0] * PER_EPOCH)
    trainer.state = {"step": step}
    return trainer


def test_finish_at_decays_from_the_current_rate_to_zero():
    trainer = _trainer(120)
    before = trainer._lr(2 * PER_EPOCH)
    trainer.finish_at(160)
    assert trainer._lr(2 * PER_EPOCH) == pytest.approx(before)
    trainer.state["step"] = 140
    assert trainer._lr(2 * PER_EPOCH) == pytest.approx(before / 2)
    trainer.state["step"] = 160
    assert trainer._lr(2 * PER_EPOCH) == 0 and trainer._done()


def test_rejoin_schedule_restarts_at_the_configured_rate_and_runs_to_the_last_epoch():
    trainer = _trainer(120)
    trainer.finish_at(160)
    trainer.state["step"] = 160                  # the compressed run is over, rate zero
    trainer.rejoin_schedule()
    total = 2 * PER_EPOCH
    assert not trainer._done()
    restart = _lr_at(trainer.cfg, 160, total)
    assert restart > 0 and trainer._lr(total) == pytest.approx(restart)
    trainer.state["step"] = total
    assert trainer._done()
    assert [s["to"] for s in trainer.state["schedule"]] == [160, total]


def test_rejoin_schedule_is_a_no_op_on_the_configured_schedule():
    trainer = _trainer(50)
    trainer.rejoin_schedule()
    assert "finish_at" not in trainer.state
