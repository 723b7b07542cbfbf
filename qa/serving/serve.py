"""Serve the web UI: ``qa serve`` or ``make app`` (127.0.0.1 unless told otherwise).

    qa serve [--host 0.0.0.0] [--port 7860] [--calibration FILE]   # or QA_HOST / QA_PORT / QA_CALIBRATION

The bundled index and the models are loaded before the page opens, so the first
question is answered at once.  Not handled: TLS and log-in (put a proxy in front
before opening it beyond this machine).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa serve", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=os.environ.get("QA_HOST", "127.0.0.1"),
                        help="address to listen on (QA_HOST; default 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=os.environ.get("QA_PORT", "7860"),
                        help="port (QA_PORT; default 7860)")
    parser.add_argument("--calibration", metavar="FILE",
                        help="answer with this calibration (`qa eval --calibrate --out FILE`; sets QA_CALIBRATION)")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="do not load the index and models before opening the page")
    return parser


def _warm_up() -> None:
    from qa import bundled
    from qa.errors import QAError
    try:
        bundled.ask("Who is the adviser?")
    except QAError as exc:           # the page will show it again on the first question
        logging.getLogger(__name__).warning("warm-up failed: %s", exc)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.calibration:
        from qa.errors import QAError
        from qa.reading.calibration import ENV, Calibrator
        try:
            Calibrator.load(args.calibration)
        except QAError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        os.environ[ENV] = args.calibration     # every pipeline of the page (bundled, uploads) uses it
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "httpcore", "urllib3", "faiss.loader"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from qa.serving.webui import build_app, launch
    if args.warm_up:
        print("loading the bundled filing and the models ...", flush=True)
        _warm_up()
    app = build_app()
    try:
        launch(app, args.host, args.port, prevent_thread_lock=True, quiet=True)
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port} ({exc}); pick another --port",
              file=sys.stderr)
        return 2
    print(f"filing-qa is listening on http://{args.host}:{args.port}  (Ctrl+C stops it)", flush=True)
    try:
        app.block_thread()
    finally:
        app.close()
    return 0
