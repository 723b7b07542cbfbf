"""Speed and size benchmark of a source checkout: ``python -m eval.bench`` (``make bench``).

The measuring is :mod:`qa.evaluation.bench` and the command line :mod:`qa.serving.bench_cli`
(``qa bench``); this entry point gives them the checkout's places: ``eval/bench.json``, the
README's speed table, and TAT-QA dev contexts (``../shared/benchmarks/tatqa``, when present) in
the synthetic shelf.  Not handled: GPU, and shelves that do not fit in memory.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from qa.serving.bench_cli import Defaults
from qa.serving.bench_cli import main as bench_main

ROOT = Path(__file__).resolve().parent.parent
TATQA = ROOT.parent / "shared" / "benchmarks" / "tatqa" / "tatqa_dataset_dev.json"


def tatqa_texts() -> dict[str, str]:
    """TAT-QA dev contexts rendered as filings (none when the file is absent)."""
    if not TATQA.exists():
        return {}
    from eval.tatqa import render
    return {f"tatqa-{ctx['table']['uid'][:8]}": render(ctx) for ctx in json.loads(TATQA.read_text())}


CHECKOUT = Defaults(out=ROOT / "eval" / "bench.json", readme=ROOT / "README.md", shelf_texts=tatqa_texts,
                    prog="python -m eval.bench")


def main(argv: list[str] | None = None) -> int:
    return bench_main(argv, CHECKOUT)


if __name__ == "__main__":
    sys.exit(main())
