"""SQuAD-style evaluation of a span reader: EM/F1 on answerable questions and AUROC
of the null score on answerable-vs-negative pairs.

Not handled: batching across examples of very different length is done by
sorting, so memory stays small, but a single huge context is windowed like any
other; SQuAD v2 "official" HasAns/NoAns splits are not reproduced.
"""
from __future__ import annotations

import numpy as np
import torch
from sklearn.metrics import roc_auc_score

from qa.evaluation.metrics import best_score, exact_match, f1
from qa.reading.span_decoding import best_spans
from qa.training.cpu import native_bf16
from qa.training.squad import Example


def predict(model, tokenizer, examples: list[Example], max_len: int, stride: int,
            batch_size: int = 64, bf16: bool | None = None) -> list[tuple[str, float]]:
    """For each example: (best answer text, margin = best span score - null score).

    ``bf16`` (bf16 autocast) defaults to whether the CPU has it natively."""
    bf16 = native_bf16() if bf16 is None else bf16
    enc = tokenizer([e.question.lstrip() for e in examples], [e.context for e in examples],
                    truncation="only_second", max_length=max_len, stride=stride,
                    return_overflowing_tokens=True, return_offsets_mapping=True)
    n = len(enc["input_ids"])
    uses_types = "token_type_ids" in enc          # MPNet's tokenizer gives none
    order = sorted(range(n), key=lambda k: len(enc["input_ids"][k]))
    best: dict[int, tuple[float, str, float]] = {}
    model.eval()
    for lo in range(0, n, batch_size):
        rows = order[lo:lo + batch_size]
        width = max(len(enc["input_ids"][k]) for k in rows)
        ids = np.full((len(rows), width), tokenizer.pad_token_id or 0, dtype=np.int64)
        types = np.zeros_like(ids)
        mask = np.zeros_like(ids)
        for r, k in enumerate(rows):
            m = len(enc["input_ids"][k])
            ids[r, :m], mask[r, :m] = enc["input_ids"][k], 1
            if uses_types:
                types[r, :m] = enc["token_type_ids"][k]
        inputs = {"token_type_ids": torch.from_numpy(types)} if uses_types else {}
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            out = model(input_ids=torch.from_numpy(ids), **inputs, attention_mask=torch.from_numpy(mask))
        starts, ends = out.start_logits.float().numpy(), out.end_logits.float().numpy()
        for r, k in enumerate(rows):
            m = len(enc["input_ids"][k])
            ctx = np.array([s == 1 for s in enc.sequence_ids(k)])
            spans = best_spans(starts[r, :m], ends[r, :m], ctx, np.asarray(enc["offset_mapping"][k]),
                               top_k=1)
            if not spans:
                continue
            sample = enc["overflow_to_sample_mapping"][k]
            sp = spans[0]
            text = examples[sample].context[sp.char_start:sp.char_end]
            prev = best.get(sample)
            if prev is None or sp.score > prev[0]:
                best[sample] = (sp.score, text, sp.score - sp.null_score)
    return [(best[i][1], best[i][2]) if i in best else ("", -1e9) for i in range(len(examples))]


def auroc(positive_scores, negative_scores) -> float:
    """Probability that a random positive outscores a random negative (NaN if a side is empty)."""
    if len(positive_scores) == 0 or len(negative_scores) == 0:
        return float("nan")
    labels = [1] * len(positive_scores) + [0] * len(negative_scores)
    return float(roc_auc_score(labels, list(positive_scores) + list(negative_scores)))


def squad_scores(model, tokenizer, positives: list[Example], negatives: list[Example],
                 max_len: int, stride: int) -> dict:
    """EM/F1 (official SQuAD normalisation) on positives; null-score AUROC vs negatives."""
    pos_pred = predict(model, tokenizer, positives, max_len, stride)
    neg_pred = predict(model, tokenizer, negatives, max_len, stride) if negatives else []
    em = np.mean([best_score(exact_match, p, e.answers, numbers=False)
                  for (p, _), e in zip(pos_pred, positives)])
    f = np.mean([best_score(f1, p, e.answers, numbers=False)
                 for (p, _), e in zip(pos_pred, positives)])
    return {"em": round(float(100 * em), 2), "f1": round(float(100 * f), 2), "n": len(positives),
            "null_auroc": round(auroc([m for _, m in pos_pred], [m for _, m in neg_pred]), 4),
            "n_negatives": len(negatives)}
