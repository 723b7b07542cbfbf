"""The ``qa`` command line: ask questions, build indexes, evaluate, benchmark, serve.

Errors meant for the user print as one line on stderr with exit status 2.  Slow first-use work
(building the bundled index, exporting a model to ONNX) is announced on stderr, with a progress
bar for the indexing (:mod:`qa.serving.progress`); stdout carries only the answer.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import textwrap
from pathlib import Path

from qa.errors import QAError


def configure_logging(verbose: bool) -> None:
    """WARNING (INFO with ``-v``) on stderr, and the library's first-use announcements always."""
    from qa.serving.progress import announce
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    announce()


def _pipeline(args):
    from qa import bundled
    from qa.pipeline import QA
    from qa.serving.progress import Bars
    from qa.settings import Settings
    settings = Settings(calibration=str(args.calibration) if args.calibration else None)
    if args.index:
        return QA.load(args.index, settings, progress=Bars("indexing: "))
    pipeline = bundled.pipeline(progress=Bars("indexing: "))
    return QA(pipeline.data, settings) if args.calibration else pipeline


def _highlight(answer) -> str:
    """The context with the answer marked by [[ ]]."""
    if answer.context_start is None or answer.start is None:
        return answer.context
    from qa.text.views import squash
    return squash(answer.context.replace(answer.text, f"[[{answer.text}]]", 1)) \
        if answer.text in answer.context else answer.context


def cmd_ask(args) -> int:
    pipeline = _pipeline(args)
    answer = pipeline.ask(args.question, doc_id=args.doc)
    if args.json:
        print(json.dumps(answer.to_dict(), indent=1, ensure_ascii=False))
        return 0
    if not answer.found:
        print("The filing does not say.")
        print(f"  confidence {answer.score:.2f}; closest passages:")
        for p in answer.evidence[:3]:
            print(textwrap.indent(textwrap.fill(p.text[:300], 88), "    > "))
        return 0
    derived = answer.derivation
    print(str(derived) if derived else answer.text)
    page = f"page {answer.page} · " if answer.page is not None else ""
    print(f"  confidence {answer.score:.2f} · {answer.doc_id} · {page}characters {answer.start}-{answer.end}"
          f" · {answer.method}")
    for span in derived.operands if derived else ():
        print(f"  operand {span.text} · characters {span.start}-{span.end}")
    print(textwrap.indent(textwrap.fill(_highlight(answer), 88), "  > "))
    return 0


def cmd_index_build(args) -> int:
    from qa.pipeline import QA
    from qa.serving.progress import Bars
    pipeline = QA.from_files(args.files, index_dir=args.out, progress=None if args.quiet else Bars())
    n = len(pipeline.data.chunks)
    print(f"indexed {len(pipeline.documents)} filing(s), {n} chunks -> {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Ask a fund filing a question.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question")
    ask.add_argument("question")
    ask.add_argument("--doc", help="only this document id")
    ask.add_argument("--index", type=Path, help="index folder (default: the bundled filing)")
    ask.add_argument("--json", action="store_true", help="print the full answer as JSON")
    ask.add_argument("--calibration", type=Path, metavar="FILE",
                     help="a calibration from `qa eval --calibrate --out FILE` (default: $QA_CALIBRATION, else the shipped one)")
    ask.set_defaults(func=cmd_ask)

    index = sub.add_parser("index", help="build indexes").add_subparsers(dest="action", required=True)
    build = index.add_parser("build", help="index filings into a folder")
    build.add_argument("files", nargs="+", type=Path)
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--quiet", action="store_true")
    build.set_defaults(func=cmd_index_build)

    for name in DELEGATED:     # listed in --help; their own parsers own every flag
        sub.add_parser(name, help=f"see `qa {name} --help`", add_help=False)
    return parser


def _delegate(module: str, rest: list[str]) -> int:
    import importlib
    try:
        target = importlib.import_module(module)
    except ImportError as exc:
        raise QAError(f"`{module}` cannot be imported ({exc}); reinstall filing-qa") from exc
    return target.main(rest) or 0


DELEGATED = {"eval": "qa.serving.eval_cli", "bench": "qa.serving.bench_cli", "serve": "qa.serving.serve"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in DELEGATED:
        try:
            return _delegate(DELEGATED[argv[0]], argv[1:])
        except QAError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    args = build_parser().parse_args(argv)
    configure_logging(args.verbose)
    try:
        return args.func(args)
    except QAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
