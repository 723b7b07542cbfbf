"""How long-running library work reports its progress: through a callback, never a print.

A ``Progress`` is any callable ``progress(stage, done, total)``: ``stage`` names the work
("chunking", "embedding"), ``done`` of ``total`` units are finished.  It is called once with
``done == 0`` when a stage starts and again as it advances, the last time with ``done == total``.
The command line turns the calls into progress bars, the web UI into its own bar; library code
given none reports nothing.

Not handled: cancelling the work from the callback.
"""
from __future__ import annotations

from typing import Callable

Progress = Callable[[str, int, int], None]


def report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    """Tell ``progress`` (when there is one) how far ``stage`` has got."""
    if progress is not None:
        progress(stage, done, total)
