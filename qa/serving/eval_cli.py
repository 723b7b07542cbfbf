"""``qa eval``: measure the pipeline on the bundled gold set, or on your own questions.

    qa eval                                   # the bundled gold and blind sets
    qa eval --gold my-gold.jsonl [--filings a.htm b.txt ...] [--report DIR]
    qa eval --gold my-gold.jsonl --filings ... --calibrate --out calibration.json
    qa ask "..." --calibration calibration.json

Writes ``results.json`` (per question), ``report.md``, ``plots/`` and a per-question diff
against the previous ``results.json`` of the same folder (regressions first) to ``--report``
(default ``./qa-eval``).  ``--calibrate`` fits the neural reader's confidence model and
threshold on the gold rows by 5-fold cross-validation and writes them to ``--out``; the
evaluation then uses them.  The gold file's format is in the README (and
:mod:`qa.evaluation.user_gold`).  In a source checkout, ``python -m eval.harness`` runs the
same with the checkout's own places: reports in ``eval/``, the README's table, the shipped
``qa/calibration.json``.

Not handled: evaluating a saved index (the gold file's filings are indexed for the run).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Callable

from qa.errors import QAError

REPORT_DIR = Path("qa-eval")


@dataclasses.dataclass(frozen=True)
class Defaults:
    """Where a run writes when the flags do not say: ``qa eval``'s, or a source checkout's."""

    report_dir: Path = REPORT_DIR
    calibration_out: Path | None = None     # where a (re)calibration goes without --out
    readme: Path | None = None              # a README whose quality table is regenerated
    reports: Path | None = None             # a folder of external reports to include
    extra: Callable | None = None           # settings -> (QA, rows): more calibration questions
    prog: str = "qa eval"


def build_parser(defaults: Defaults = Defaults()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=defaults.prog, description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, help="your gold JSONL file (default: the bundled gold set)")
    parser.add_argument("--filings", type=Path, nargs="+", metavar="PATH",
                        help="the filings the gold rows' `doc` refers to (default: the bundled filing)")
    parser.add_argument("--calibrate", action="store_true",
                        help="fit a new confidence model and threshold on the gold rows (5-fold CV)")
    parser.add_argument("--out", type=Path, default=defaults.calibration_out, metavar="FILE",
                        help="where --calibrate writes the calibration (a .json file)"
                             + (f"; default {defaults.calibration_out}" if defaults.calibration_out else ""))
    parser.add_argument("--calibration", type=Path, metavar="FILE",
                        help="evaluate with this calibration (from --calibrate --out) instead of the shipped one")
    parser.add_argument("--report", type=Path, default=defaults.report_dir, metavar="DIR",
                        help=f"folder for results.json, report.md and plots/ (default {defaults.report_dir})")
    parser.add_argument("--readme", type=Path, default=defaults.readme, metavar="FILE",
                        help="also regenerate the quality table of this README")
    parser.add_argument("--no-readme", dest="readme", action="store_const", const=None,
                        help="leave the README alone")
    parser.add_argument("--no-plots", action="store_true")
    if defaults.extra is not None:
        parser.add_argument("--with-filings", action="store_true",
                            help="calibrate on the filings dev set too (../shared/filings); never the blind sets")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    return parser


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace, defaults: Defaults) -> None:
    """Flag combinations that cannot work: exits with argparse's usage error."""
    if args.filings and not args.gold:
        parser.error("--filings names the documents of a gold file: add --gold FILE")
    if args.calibrate and args.out is None:
        parser.error("--calibrate needs --out FILE: where to write the calibration "
                     "(then use it with --calibration FILE)")
    if args.out is not None and not args.calibrate and args.out != defaults.calibration_out:
        parser.error("--out is where --calibrate writes the calibration: add --calibrate")
    if args.out is not None and args.out.is_dir():
        parser.error(f"--out {args.out} is a folder: give a file name such as {args.out / 'calibration.json'}")


def _gold(args: argparse.Namespace, settings):
    from qa.evaluation import user_gold
    if args.gold is None:
        return user_gold.bundled_set()
    return user_gold.user_set(args.gold, args.filings, settings)


def _save_calibration(evaluation, out: Path | None) -> None:
    if not evaluation.recalibrated:
        return
    if out is None:
        print("note: the calibration was fitted for this run only; add --calibrate --out FILE to keep it",
              file=sys.stderr)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(evaluation.result["calibration"], indent=1) + "\n")
    print(f"calibration written to {out}; use it with --calibration {out}", file=sys.stderr)


def _write(result: dict, args: argparse.Namespace, reports: Path | None) -> None:
    from qa.evaluation import harness, report
    folder: Path = args.report
    folder.mkdir(parents=True, exist_ok=True)
    previous_path = folder / "results.json"
    previous = json.loads(previous_path.read_text())["questions"] if previous_path.exists() else None
    result["diff"] = harness.diff(previous, result["questions"]) if previous is not None else None
    previous_path.write_text(json.dumps(result, indent=1, default=str) + "\n")
    report.write(result, folder, plots=not args.no_plots, readme=args.readme, reports=reports)


def main(argv: list[str] | None = None, defaults: Defaults = Defaults()) -> int:
    from qa.serving.cli import configure_logging
    from qa.serving.progress import Bars
    parser = build_parser(defaults)
    args = parser.parse_args(argv)
    _check(parser, args, defaults)
    configure_logging(args.verbose)
    try:
        from qa.evaluation import harness, report
        from qa.settings import Settings
        settings = Settings(calibration=str(args.calibration) if args.calibration else None)
        gold = _gold(args, settings)
        extra = defaults.extra if getattr(args, "with_filings", False) else None
        evaluation = harness.evaluate(gold, settings, args.calibrate, extra, Bars("indexing: "))
        _save_calibration(evaluation, args.out)
        _write(evaluation.result, args, defaults.reports)
    except QAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = evaluation.result
    print(report.summary_table(result))
    changes = result["diff"] or []
    regressions = [d for d in changes if d["regression"]]
    print(f"\n{len(changes)} changed answers, {len(regressions)} regressions"
          + "".join(f"\n  REGRESSION {d['id']}: {d['before']!r} -> {d['after']!r}" for d in regressions)
          + f"\nreport: {args.report / 'report.md'}")
    return 0
