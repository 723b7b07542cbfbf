"""Resumable CPU training of the span reader.

State lives in a work directory outside git: ``model.safetensors`` (fp32),
``optimizer.pt`` (loaded with ``weights_only=True``), ``state.json`` (step,
epoch, position in the epoch, history of dev scores) and ``best.safetensors``.
The batch order of each epoch and the dropout seed of each step are derived from
the run's seed, so a resumed run continues exactly where it stopped.

The base model is any folder ``AutoModelForQuestionAnswering`` reads, with its own tokenizer;
``prepare`` may change the model before training (a layer cut, adapters), and the optimizer
then trains only the parameters that still require a gradient.  Models whose tokenizer has no
``token_type_ids`` (MPNet) are fed none, and batches are padded with the tokenizer's pad id.

Not handled: changing hyper-parameters of a run half-way (start a new work dir); recording
what ``prepare`` did (the caller checks that a resumed run is prepared the same way).
"""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from tqdm import tqdm

from qa.training import noise, squad
from qa.training.cpu import native_bf16
from qa.training.evaluate import squad_scores

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainConfig:
    """Hyper-parameters of one training run (stored in the work dir's state)."""

    seed: int = 13
    epochs: int = 2
    batch_size: int = 32
    lr: float = 1e-4
    warmup: float = 0.05
    weight_decay: float = 0.01
    max_len: int = 192
    stride: int = 64
    negative_fraction: float = 0.33
    checkpoint_minutes: float = 10.0
    eval_every: int = 1000
    dev_sample: int = 2000
    bf16: bool = True
    question_noise: float = 0.0      # share of training questions rewritten casually (noise.py)
    init_from: str = ""              # exported reader to fine-tune from (else the base encoder)
    cut_negatives: float = 0.0       # share of questions also asked of their paragraph less its answer


def config_matches(recorded: dict, cfg: TrainConfig) -> bool:
    """Whether a recorded config is ``cfg`` (fields added since it was recorded take their
    defaults)."""
    return {**asdict(TrainConfig()), **recorded} == asdict(cfg)


def dev_choice(scores: dict) -> float:
    """The dev figure checkpoints are chosen by: F1, averaged with the F1 on casual rewrites
    of the same questions when the run trains on casual questions."""
    return (scores["f1"] + scores.get("casual_f1", scores["f1"])) / 2


def _lr_at(cfg: TrainConfig, step: int, total: int) -> float:
    warm = max(1, int(total * cfg.warmup))
    if step < warm:
        return cfg.lr * (step + 1) / warm
    return cfg.lr * max(0.0, (total - step) / max(1, total - warm))


class Trainer:
    """Owns the model, optimizer, data and work dir of one run."""

    def __init__(self, workdir: Path, cfg: TrainConfig, base_model: str,
                 prepare: Callable[[torch.nn.Module], torch.nn.Module] | None = None):
        from transformers import AutoModelForQuestionAnswering, AutoTokenizer
        self.workdir, self.cfg = Path(workdir), cfg
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.tokenizer = AutoTokenizer.from_pretrained(base_model)
        self.uses_types = "token_type_ids" in self.tokenizer.model_input_names
        self.model = AutoModelForQuestionAnswering.from_pretrained(base_model)
        if prepare is not None:
            self.model = prepare(self.model)
        self.log_every = 0             # > 0: log step, examples and mean loss every so many steps
        self.stop_requested = False    # set (e.g. by a SIGTERM handler) to checkpoint and return
        self.state = {"step": 0, "epoch": 0, "batch": 0, "examples": 0, "seconds": 0.0,
                      "history": [], "best_f1": -1.0, "config": asdict(cfg)}
        self.features = self._features()
        self.dev_pos, self.dev_neg = self._dev()
        trained = [(n, p) for n, p in self.model.named_parameters() if p.requires_grad]
        no_decay = [p for n, p in trained if "bias" in n or "LayerNorm" in n]
        decay = [p for n, p in trained if not ("bias" in n or "LayerNorm" in n)]
        self.optimizer = torch.optim.AdamW(
            [{"params": decay, "weight_decay": cfg.weight_decay},
             {"params": no_decay, "weight_decay": 0.0}], lr=cfg.lr)
        self._resume()
        self.bf16 = cfg.bf16 and native_bf16()
        if cfg.bf16 and not self.bf16:
            log.warning("this CPU has no native bf16 (AVX-512 BF16 or AMX): training in fp32, "
                        "which is slower than bf16 on a CPU that has it (about 5 s a step of 32 "
                        "on 2 AVX2 cores)")

    def _features(self) -> squad.Features:
        cache = self.workdir / "features.npz"
        if cache.exists():
            data = np.load(cache, allow_pickle=False)
            cuts = np.cumsum(data["lengths"])[:-1]
            return squad.Features(np.split(data["ids"], cuts), np.split(data["types"], cuts),
                                  data["start"], data["end"])
        articles = squad.load_articles(squad.squad_dir() / "train-v1.1.json")
        examples = squad.positives(articles)
        examples += squad.negatives(articles, self.cfg.negative_fraction, self.cfg.seed)
        examples += squad.cut_negatives(articles, self.cfg.cut_negatives, self.cfg.seed)
        examples = noise.casual_share(examples, self.cfg.question_noise, self.cfg.seed)
        log.info("building features for %d training examples", len(examples))
        feats = squad.build_features(self.tokenizer, examples, self.cfg.max_len, self.cfg.stride)
        np.savez(cache, ids=np.concatenate(feats.ids), types=np.concatenate(feats.type_ids),
                 lengths=np.array([len(x) for x in feats.ids]), start=feats.start, end=feats.end)
        return feats

    def _dev(self):
        articles = squad.load_articles(squad.squad_dir() / "dev-v1.1.json")
        rng = np.random.default_rng(0)
        pos = squad.positives(articles)
        pos = [pos[i] for i in sorted(rng.choice(len(pos), self.cfg.dev_sample, replace=False))]
        neg = squad.negatives(articles, 0.2, seed=0)
        neg = [neg[i] for i in sorted(rng.choice(len(neg), min(len(neg), 500), replace=False))]
        self.dev_casual = noise.casual_share(pos, 1.0, seed=0) if self.cfg.question_noise else []
        return pos, neg

    def _resume(self) -> None:
        state_file = self.workdir / "state.json"
        if not state_file.exists():
            if self.cfg.init_from:
                weights = load_file(Path(self.cfg.init_from) / "model.safetensors")
                self.model.load_state_dict({k: v.float() for k, v in weights.items()})
                log.info("fine-tuning from %s", self.cfg.init_from)
            return
        self.state = json.loads(state_file.read_text())
        if not config_matches(self.state["config"], self.cfg):
            raise SystemExit(f"{self.workdir} holds a run with other settings; use a new --workdir "
                             "or the same options as when it started")
        self.model.load_state_dict(load_file(self.workdir / "model.safetensors"))
        self.optimizer.load_state_dict(torch.load(self.workdir / "optimizer.pt", weights_only=True))
        log.info("resumed at step %d (epoch %d, batch %d)", self.state["step"],
                 self.state["epoch"], self.state["batch"])

    def warm_start(self, exported: Path) -> None:
        """Continue a lost run from its exported best weights: same data order and schedule from
        the recorded step on, but a fresh optimizer (Adam moments restart at zero)."""
        if self.state["step"]:
            raise SystemExit(f"{self.workdir} already holds a run at step {self.state['step']}")
        facts = json.loads((Path(exported) / "training.json").read_text())
        if not config_matches(facts["config"], self.cfg):
            raise SystemExit("the exported weights were trained with other settings")
        weights = load_file(Path(exported) / "model.safetensors")
        self.model.load_state_dict({k: v.float() for k, v in weights.items()})
        step = facts["best_step"]
        history = [h for h in facts["history"] if h["step"] <= step]
        per_epoch = -(-len(self.features) // self.cfg.batch_size)
        self.state.update(step=step, epoch=step // per_epoch, batch=step % per_epoch,
                          examples=facts["best_examples"], history=history,
                          best_f1=max(dev_choice(h) for h in history), warm_started_at=step)
        save_file({k: v.float().contiguous() for k, v in weights.items()}, self.workdir / "best.safetensors")
        log.info("warm start at step %d from %s", step, exported)

    def checkpoint(self) -> None:
        """Write model, optimizer and state atomically (temp file, then rename)."""
        tmp = self.workdir / "tmp"
        tmp.mkdir(exist_ok=True)
        save_file({k: v.contiguous() for k, v in self.model.state_dict().items()},
                  tmp / "model.safetensors")
        torch.save(self.optimizer.state_dict(), tmp / "optimizer.pt")
        (tmp / "state.json").write_text(json.dumps(self.state, indent=1))
        for name in ("model.safetensors", "optimizer.pt", "state.json"):
            os.replace(tmp / name, self.workdir / name)
        log.info("checkpoint at step %d", self.state["step"])

    def evaluate(self) -> dict:
        """Score the dev sample, record it, keep the best weights."""
        t0 = time.time()
        scores = squad_scores(self.model, self.tokenizer, self.dev_pos, self.dev_neg,
                              self.cfg.max_len, self.cfg.stride)
        if self.dev_casual:          # choose on plain and casual questions alike
            casual = squad_scores(self.model, self.tokenizer, self.dev_casual, [],
                                  self.cfg.max_len, self.cfg.stride)
            scores.update(casual_em=casual["em"], casual_f1=casual["f1"])
        scores.update(step=self.state["step"], examples=self.state["examples"],
                      seconds=round(time.time() - t0, 1))
        self.state["history"].append(scores)
        log.info("dev: %s", scores)
        if dev_choice(scores) > self.state["best_f1"]:
            self.state["best_f1"] = dev_choice(scores)
            save_file({k: v.contiguous() for k, v in self.model.state_dict().items()},
                      self.workdir / "best.safetensors")
        self.model.train()
        return scores

    def finish_at(self, step: int, lr: float | None = None) -> None:
        """Compress the rest of the schedule: from the current step the learning rate decays
        linearly from its current value (or ``lr``) to zero at ``step``, and training stops there
        (recorded in the state; calling it again with another step re-targets without a jump)."""
        if self.state.get("finish_at") == step:
            return
        if step <= self.state["step"]:
            raise SystemExit(f"--finish-at {step} is not after the current step {self.state['step']}")
        per_epoch = -(-len(self.features.ids) // self.cfg.batch_size)
        total = per_epoch * self.cfg.epochs
        if self.state.get("finish_at") and "schedule" not in self.state:      # set before it was recorded
            start = self.state["finish_from"]
            self.state["schedule"] = [{"from": start, "to": self.state["finish_at"],
                                       "lr": _lr_at(self.cfg, start, total)}]
        lr = self._lr(total) if lr is None else lr
        self.state.update(finish_at=step, finish_from=self.state["step"], finish_lr=lr)
        self.state.setdefault("schedule", []).append({"from": self.state["step"], "to": step,
                                                      "lr": lr})

    def rejoin_schedule(self) -> None:
        """After a compressed finish, go back to the configured schedule from the current step:
        a warm restart at the rate the full schedule has there, decaying to zero at the end of
        the configured epochs.  The optimizer state is kept.  Not handled: a run already there."""
        per_epoch = -(-len(self.features.ids) // self.cfg.batch_size)
        total = per_epoch * self.cfg.epochs
        if self.state.get("finish_at") in (None, total):
            return
        self.finish_at(total, lr=_lr_at(self.cfg, self.state["step"], total))

    def _lr(self, total: int) -> float:
        step, end = self.state["step"], self.state.get("finish_at")
        if not end:
            return _lr_at(self.cfg, step, total)
        start = self.state["finish_from"]
        base = self.state.get("finish_lr", _lr_at(self.cfg, start, total))
        return base * max(0, end - step) / max(1, end - start)

    def _done(self) -> bool:
        end = self.state.get("finish_at")
        return bool(end) and self.state["step"] >= end

    def _step(self, batch: np.ndarray, total: int) -> float:
        ids, types, mask, start, end = squad.collate(self.features, batch, self.tokenizer.pad_token_id or 0)
        inputs = {"token_type_ids": torch.from_numpy(types)} if self.uses_types else {}
        lr = self._lr(total)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        torch.manual_seed(self.cfg.seed * 1_000_003 + self.state["step"])
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            out = self.model(input_ids=torch.from_numpy(ids), **inputs,
                             attention_mask=torch.from_numpy(mask),
                             start_positions=torch.from_numpy(start).long(),
                             end_positions=torch.from_numpy(end).long())
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        return float(out.loss.detach())

    def _log_progress(self, losses: list[float], seconds: float, total: int) -> None:
        log.info("step %d/%d examples %d loss %.4f lr %.3g s/step %.1f", self.state["step"], total,
                 self.state["examples"], sum(losses) / len(losses), self._lr(total), seconds / len(losses))

    def train(self) -> None:
        """Run (or continue) until the configured number of epochs is done."""
        lengths = np.array([len(x) for x in self.features.ids])
        per_epoch = -(-len(lengths) // self.cfg.batch_size)
        total = per_epoch * self.cfg.epochs
        self.model.train()
        last_save, started = time.time(), time.time() - self.state["seconds"]
        bar = tqdm(total=total, initial=self.state["step"], unit="step", mininterval=30)
        losses: list[float] = []
        last_log = time.time()
        while self.state["epoch"] < self.cfg.epochs and not self._done():
            batches = squad.length_grouped_batches(lengths, self.cfg.batch_size,
                                                   self.cfg.seed + self.state["epoch"])
            for batch in batches[self.state["batch"]:]:
                loss = self._step(batch, total)
                self.state["step"] += 1
                self.state["batch"] += 1
                self.state["examples"] += len(batch)
                self.state["seconds"] = time.time() - started
                bar.update(1)
                bar.set_postfix(loss=f"{loss:.3f}", ex_s=f"{self.state['examples'] / self.state['seconds']:.1f}",
                                refresh=False)
                losses.append(loss)
                if self.log_every and self.state["step"] % self.log_every == 0:
                    self._log_progress(losses, time.time() - last_log, total)
                    losses, last_log = [], time.time()
                if self.state["step"] % self.cfg.eval_every == 0:
                    self.evaluate()
                    self.checkpoint()          # state.json must agree with best.safetensors
                    last_save = time.time()
                if time.time() - last_save > 60 * self.cfg.checkpoint_minutes:
                    self.checkpoint()
                    last_save = time.time()
                if self._done():
                    break
                if self.stop_requested:
                    self.checkpoint()
                    bar.close()
                    return
            else:
                self.state["epoch"] += 1
                self.state["batch"] = 0
            if self.state["step"] % self.cfg.eval_every:
                self.evaluate()
            self.checkpoint()
        bar.close()
