"""Retrieval ablation on the gold set: chunk size and overlap, dense/BM25 weights,
passages read (and when: the early exit after the top passage), and the sentence window
read around each passage.

    python -m eval.ablation            # writes eval/ablation.json and eval/ablation.md

One factor at a time from the defaults; each setting is scored with no
threshold (F1 over answerable questions, recall@3, MRR, p50 latency), so the
figures compare retrieval and reading, not abstention.  Not handled: a full
grid (the factors are mostly independent here, and a grid costs hours).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from qa import bundled
from qa.evaluation.gold import load_gold
from qa.evaluation.harness import run
from qa.evaluation.scoring import score_row, summarise
from qa.pipeline import QA
from qa.settings import Settings

OUT = Path(__file__).parent


def variants(base: Settings) -> list[tuple[str, Settings]]:
    """(label, settings) for each setting tried, the defaults first."""
    r = dataclasses.replace
    out = [("defaults", base)]
    for words in (45, 60, 90, 130):
        for overlap in (0, 1):
            if (words, overlap) != (base.chunk_words, base.chunk_overlap_sentences):
                out.append((f"chunk {words} words, overlap {overlap}",
                            r(base, chunk_words=words, chunk_overlap_sentences=overlap)))
    for dense, bm25 in ((1.0, 0.0), (0.0, 1.0), (1.0, 0.5), (0.5, 1.0)):
        out.append((f"dense {dense:g} / BM25 {bm25:g}", r(base, dense_weight=dense, bm25_weight=bm25)))
    for k in (1, 2, 3, 5):
        if k != base.read_k:
            out.append((f"read {k} passages", r(base, read_k=k)))
    out.append((f"read all {base.read_k} at once (no early exit)", r(base, first_read=0)))
    for sure in (0.8, 0.95):
        out.append((f"early exit at {sure:g}", r(base, early_exit=sure)))
    out.append(("3 at once, 2 more when unsure (earlier default)",
                r(base, first_read=0, read_k=3, read_more=2)))
    for w in (0, 1, 2):
        if w != base.read_window:
            out.append((f"read window ±{w} chunks", r(base, read_window=w)))
    return out


def _retrieval_only(pipeline: QA, rows: list[dict]) -> list[dict]:
    """Per-question ranks of the gold evidence among the retrieved passages (no reading)."""
    from types import SimpleNamespace

    from qa import retrieval
    out = []
    for row in rows:
        if row["category"] == "unanswerable":
            continue
        hits = retrieval.search(pipeline.data, row["question"], pipeline.settings, pipeline.settings.top_k)
        chunks = [pipeline.data.chunks[h.chunk] for h in hits]
        fake = SimpleNamespace(evidence=chunks, text="", found=False, score=0.0, method="")
        out.append(score_row(fake, row))
    return out


def evaluate(settings: Settings, rows: list[dict], retrieval_only: bool = False) -> dict:
    settings = dataclasses.replace(settings, threshold=0.0)
    pipeline = QA.from_texts(bundled.bundled_texts(), settings)
    integrated = _retrieval_only(pipeline, rows) if retrieval_only else run(pipeline, rows)[0]
    s = summarise(integrated)
    return {k: s.get(k) for k in ("f1", "em", "recall@1", "recall@3", "mrr", "p50_ms")} | {
        "chunks": len(pipeline.data.chunks)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.ablation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--retrieval-only", action="store_true", help="rank passages, skip reading")
    args = parser.parse_args(argv)
    rows = load_gold()
    results = [{"setting": label, **evaluate(s, rows, args.retrieval_only)}
               for label, s in variants(Settings())
               if not (args.retrieval_only and ("read" in label))]
    if args.retrieval_only:
        print("\n".join(f"{r['setting']}: R@1 {r['recall@1']} R@3 {r['recall@3']} MRR {r['mrr']}"
                         for r in results))
        return 0
    (OUT / "ablation.json").write_text(json.dumps(results, indent=1) + "\n")
    cols = ["f1", "em", "recall@1", "recall@3", "mrr", "p50_ms", "chunks"]
    lines = ["One factor at a time from the defaults, no threshold (`python -m eval.ablation`).\n",
             "| setting | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    lines += [f"| {r['setting']} | " + " | ".join(str(r[c]) for c in cols) + " |" for r in results]
    (OUT / "ablation.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
