"""``qa bench``: speed and size, measured on this machine (:mod:`qa.evaluation.bench`).

    qa bench [--scale 1000 10000] [--filing PATH ...] [--out bench.json]

Cold start (new process to first answer), warm ``ask`` p50/p95 over the bundled gold questions,
the bundled index build, peak memory, and a scale run over a synthetic shelf of filings.  Prints
a table and writes the figures as JSON to ``--out`` (default ``./qa-bench.json``).  In a source
checkout, ``python -m eval.bench`` runs the same with the checkout's places (``eval/bench.json``,
the README's table, TAT-QA contexts in the shelf).

Not handled: GPU, and shelves that do not fit in memory.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Callable

from qa.errors import QAError


@dataclasses.dataclass(frozen=True)
class Defaults:
    """Where ``qa bench`` writes when the flags do not say, and what more a checkout gives."""

    out: Path = Path("qa-bench.json")
    readme: Path | None = None
    shelf_texts: Callable[[], dict[str, str]] | None = None     # more filings for the shelf
    prog: str = "qa bench"


def build_parser(defaults: Defaults = Defaults()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=defaults.prog, description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, nargs="*", default=None,
                        help="shelf sizes in filings (default 1000, or none with --keep-scale; "
                             "e.g. --scale 1000 10000)")
    parser.add_argument("--out", type=Path, default=defaults.out, help=f"figures as JSON (default {defaults.out})")
    parser.add_argument("--readme", type=Path, default=defaults.readme, metavar="FILE",
                        help="also regenerate the speed table of this README")
    parser.add_argument("--no-readme", dest="readme", action="store_const", const=None,
                        help="leave the README alone")
    parser.add_argument("--filing", type=Path, action="append", default=None,
                        help="also read and index this real filing on its own (repeatable), e.g. "
                             "../shared/filings/delaware-eq2-485bpos-2023.htm")
    parser.add_argument("--keep-scale", action="store_true",
                        help="keep the shelf rows recorded in --out (those of other sizes than --scale)")
    return parser


def main(argv: list[str] | None = None, defaults: Defaults = Defaults()) -> int:
    from qa.serving.cli import configure_logging
    from qa.serving.progress import Bars
    args = build_parser(defaults).parse_args(argv)
    configure_logging(False)
    from qa.evaluation import bench
    sizes = args.scale if args.scale is not None else ([] if args.keep_scale else [1000])
    kept = json.loads(args.out.read_text()).get("scale", []) if args.keep_scale and args.out.exists() else []
    extra = defaults.shelf_texts() if defaults.shelf_texts and sizes else None
    try:
        result = bench.measure(sizes, kept, args.filing or [], extra, Bars("indexing: "))
    except QAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print(bench.table(result))
    if args.readme is not None:
        bench.update_readme(result, args.readme)
    return 0
