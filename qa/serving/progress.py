"""What the command line shows of long work: announcements on one line, stages as bars.

The library never prints.  It announces slow first-use work (building the bundled index,
exporting a model to ONNX) on its loggers at INFO, and reports the stages of indexing through a
:data:`qa.indexing.progress.Progress` callback.  :func:`announce` lets those INFO lines through
to stderr even without ``-v``; :class:`Bars` draws a tqdm bar per stage on stderr.

Not handled: a bar for the ONNX export itself (one call into torch, with no progress to report;
its announcement line says what is happening).
"""
from __future__ import annotations

import logging
import sys

from tqdm import tqdm

# The loggers whose INFO lines announce slow first-use work.
ANNOUNCERS = ("qa.bundled", "qa.runtime.onnx_export")
UNITS = {"chunking": " docs", "embedding": " texts"}


class Bars:
    """A progress callback drawing one tqdm bar per stage (on stderr)."""

    def __init__(self, prefix: str = "", disable: bool = False):
        self.prefix, self.disable = prefix, disable
        self._bars: dict[str, tqdm] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        bar = self._bars.get(stage)
        if bar is None:
            bar = self._bars[stage] = tqdm(total=total, desc=f"{self.prefix}{stage}", unit=UNITS.get(stage, ""),
                                           file=sys.stderr, disable=self.disable, leave=False)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
            del self._bars[stage]


class _Line(logging.Handler):
    """Writes each record's message as one line on stderr (above any bar being drawn)."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        line = f"{message} ..." if record.levelno <= logging.INFO else f"warning: {message}"
        tqdm.write(line, file=sys.stderr)


def announce() -> None:
    """Show the library's announcements of slow first-use work on stderr (idempotent)."""
    for name in ANNOUNCERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, _Line) for h in logger.handlers):
            handler = _Line(level=logging.INFO)
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
            logger.propagate = False
