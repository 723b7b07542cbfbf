"""Ways to make the MPNet reader cheaper to train: a layer cut and LoRA adapters.

:func:`preparer` returns the ``prepare`` hook :class:`qa.training.loop.Trainer` applies to the
freshly loaded ``MPNetForQuestionAnswering``.  A cut keeps every other encoder layer (0, 2, ...
10 of 12, as DistilBERT's initialisation did); LoRA (peft) puts rank-``r`` adapters on the
attention projections ``q k v o`` and the feed-forward ``dense`` layers, and trains them with
the new QA head.

Not handled: merging adapters into the weights for export (``peft``'s ``merge_and_unload``
does it); cuts other than every n-th layer; models other than MPNet/BERT-style encoders
whose layers sit in ``<base>.encoder.layer``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Callable

import torch

LORA_TARGETS = ["q", "k", "v", "o", "dense"]       # MPNet's names for query/key/value/dense


@dataclass(frozen=True)
class ModelChoice:
    """How the base model is changed before training (recorded in the work dir)."""

    layers: int = 12         # encoder layers kept: 12 (all) or a divisor of 12 (every n-th kept)
    lora_r: int = 0          # 0: full fine-tuning; > 0: LoRA adapters of this rank

    def to_dict(self) -> dict:
        return asdict(self)


def cut_layers(model: torch.nn.Module, keep: int) -> torch.nn.Module:
    """Keep ``keep`` evenly spaced encoder layers (every other one for 6 of 12), in place."""
    encoder = model.base_model.encoder
    total = len(encoder.layer)
    if keep == total:
        return model
    if keep <= 0 or total % keep:
        raise ValueError(f"cannot keep {keep} of {total} layers evenly: choose a divisor of {total}")
    step = total // keep
    encoder.layer = torch.nn.ModuleList(encoder.layer[i] for i in range(0, total, step))
    model.config.num_hidden_layers = keep
    return model


def add_lora(model: torch.nn.Module, r: int) -> torch.nn.Module:
    """Wrap ``model`` with rank-``r`` LoRA adapters; the QA head stays fully trainable."""
    try:
        from peft import LoraConfig, get_peft_model
    except ImportError as err:
        raise ImportError("LoRA needs peft: `.venv/bin/pip install -e '.[train]'` (or `pip install peft`)") from err
    config = LoraConfig(r=r, lora_alpha=2 * r, lora_dropout=0.1, target_modules=LORA_TARGETS,
                        modules_to_save=["qa_outputs"], bias="none")
    return get_peft_model(model, config)


def preparer(choice: ModelChoice) -> Callable[[torch.nn.Module], torch.nn.Module] | None:
    """The ``prepare`` hook for the trainer, or None when the model is used as loaded."""
    if choice.layers == 12 and not choice.lora_r:
        return None

    def prepare(model: torch.nn.Module) -> torch.nn.Module:
        model = cut_layers(model, choice.layers)
        return add_lora(model, choice.lora_r) if choice.lora_r else model
    return prepare
