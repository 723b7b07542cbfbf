"""Seconds per training step of the MPNet reader under each way of making it cheaper.

One step is what :meth:`qa.training.loop.Trainer._step` does: forward with the loss,
backward, gradient clipping and an AdamW step, on a batch of the MiniLM trainer's size
(32 windows) padded to its full window length (192 word pieces), so each figure is an upper
bound on a real step (length-grouped batches are often shorter).  Each configuration runs
``warmup`` untimed steps, then ``steps`` timed ones, on ``threads`` threads.

Not handled: memory use; quality (these are speed figures only; see the report for the
expected quality of each choice).
"""
from __future__ import annotations

import logging
import platform
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from qa.training.mpnet_model import ModelChoice, preparer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Result:
    """One configuration's timing."""

    layers: int
    lora_r: int
    bf16: bool
    trainable: int        # parameters the optimizer updates
    seconds: list[float]  # each timed step

    @property
    def mean(self) -> float:
        return sum(self.seconds) / len(self.seconds)


def configurations() -> list[tuple[ModelChoice, bool]]:
    """12 vs 6 layers x full vs LoRA r=16 x fp32 vs bf16 autocast."""
    return [(ModelChoice(layers, r), bf16) for layers in (12, 6) for r in (0, 16) for bf16 in (False, True)]


def time_one(model_path: Path, choice: ModelChoice, bf16: bool, batch: int = 32, length: int = 192,
             warmup: int = 1, steps: int = 2) -> Result:
    """Time ``steps`` training steps of one configuration after ``warmup`` untimed ones."""
    from transformers import AutoModelForQuestionAnswering
    from transformers.utils import logging as hf_logging
    hf_logging.set_verbosity_error()          # the new QA head's load report, once per model
    model = AutoModelForQuestionAnswering.from_pretrained(model_path)
    prepare = preparer(choice)
    model = prepare(model) if prepare else model
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=3e-5)
    gen = torch.Generator().manual_seed(0)
    ids = torch.randint(5, model.config.vocab_size, (batch, length), generator=gen)
    mask = torch.ones_like(ids)
    start = torch.randint(0, length, (batch,), generator=gen)
    end = torch.clamp(start + 3, max=length - 1)
    seconds = []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            out = model(input_ids=ids, attention_mask=mask, start_positions=start, end_positions=end)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        if i >= warmup:
            seconds.append(time.perf_counter() - t0)
    result = Result(choice.layers, choice.lora_r, bf16, sum(p.numel() for p in params), seconds)
    log.info("%s", result)
    return result


def run(model_path: Path, threads: int = 1, warmup: int = 1, steps: int = 2) -> list[Result]:
    """Time every configuration in turn on ``threads`` threads."""
    torch.set_num_threads(threads)
    return [time_one(model_path, choice, bf16, warmup=warmup, steps=steps) for choice, bf16 in configurations()]


def report(results: list[Result], threads: int, command: str, windows_per_epoch: int) -> str:
    """The markdown table written to docs/mpnet-bench.md."""
    base = next(r.mean for r in results if r.layers == 12 and not r.lora_r and not r.bf16)
    rows = []
    for r in results:
        hours = r.mean * windows_per_epoch / 32 / 3600
        rows.append(f"| {r.layers} | {'LoRA r=' + str(r.lora_r) if r.lora_r else 'full'} | "
                    f"{'bf16 autocast' if r.bf16 else 'fp32'} | {r.trainable / 1e6:.1f}M | "
                    f"{r.mean:.1f} | {' / '.join(f'{s:.1f}' for s in r.seconds)} | {base / r.mean:.2f}x | {hours:.0f} |")
    return "\n".join([
        f"Measured on {platform.processor() or platform.machine()}, torch {torch.__version__}, "
        f"{threads} thread(s), batch 32 x 192 word pieces (full windows: an upper bound), "
        f"timed steps after a warm-up step.",
        "",
        f"    {command}",
        "",
        "| layers | tuning | precision | trained params | s/step | timed steps (s) | speed vs 12/full/fp32 | h/epoch* |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"*h/epoch = s/step x {windows_per_epoch:,} windows / 32 (SQuAD v1.1 train with the trainer's "
        "33% negatives at 192/64), at full-length batches.",
    ])
