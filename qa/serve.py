"""Serve the web UI: ``qa serve`` or ``make app`` (127.0.0.1 unless told otherwise).

    qa serve [--host 0.0.0.0] [--port 7860]       # or QA_HOST / QA_PORT
"""
from __future__ import annotations

import argparse
import logging
import os


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qa serve", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=os.environ.get("QA_HOST", "127.0.0.1"),
                        help="address to listen on (QA_HOST; default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("QA_PORT", "7860")),
                        help="port (QA_PORT; default 7860)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from qa.webui import build_app
    app = build_app()
    print(f"filing-qa is listening on http://{args.host}:{args.port}", flush=True)
    app.queue(default_concurrency_limit=2).launch(server_name=args.host, server_port=args.port,
                                                  show_error=False)
    return 0
