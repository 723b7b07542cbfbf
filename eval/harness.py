"""The evaluation of a source checkout: ``python -m eval.harness`` (``make eval``).

    python -m eval.harness [--calibrate] [--with-filings] [--no-readme] [--no-plots]

The harness is :mod:`qa.evaluation.harness` and its command line :mod:`qa.serving.eval_cli`
(``qa eval``); this entry point gives them the checkout's places: the report, plots and
``results.json`` in ``eval/``, the README's quality table, the external reports in ``eval/``
(TAT-QA, ablation, precision), and ``qa/calibration.json`` as where a new calibration is
shipped.  ``--with-filings`` calibrates on the filings dev set (``../shared/filings``) too.
Not handled: anything the package's ``qa eval`` does not do.
"""
from __future__ import annotations

import sys
from pathlib import Path

from qa.evaluation.harness import calibrate_model, cross_validated, diff, gold_chunks, run  # noqa: F401 (scripts)
from qa.serving.eval_cli import Defaults
from qa.serving.eval_cli import main as eval_main
from qa.settings import calibration_path

EVAL_DIR = Path(__file__).resolve().parent


def filings_dev(settings):
    """The filings dev set as extra calibration questions (:func:`eval.filings.calibration_rows`)."""
    from eval import filings
    return filings.calibration_rows(settings)


CHECKOUT = Defaults(report_dir=EVAL_DIR, calibration_out=calibration_path(), readme=EVAL_DIR.parent / "README.md",
                    reports=EVAL_DIR, extra=filings_dev, prog="python -m eval.harness")


def main(argv: list[str] | None = None) -> int:
    return eval_main(argv, CHECKOUT)


if __name__ == "__main__":
    sys.exit(main())
