"""Print a text filing to PDF with headless Chromium, the way the PDF tests make their input.

``python tests/parsing/make_pdf.py IN.txt OUT.pdf`` wraps the text in ``<pre>`` (8 pt monospace,
US Letter, 0.6 in margins, no header or footer) and prints it; ``IN.html`` is printed as the page
it is.  :func:`print_pdf` returns None when no Chromium is installed, so a test can skip.
The fixtures in ``data/`` were made so: ``supplement.pdf`` from the bundled filing,
``ruled.pdf`` from ``ruled.html``; ``locked.pdf`` is ``ruled.pdf`` encrypted with pypdf
(``PdfWriter(clone_from=...).encrypt(user_password="secret", owner_password="owner")``).

Not handled: text in a format other than UTF-8.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = ("<!doctype html><html><head><meta charset='utf-8'><style>@page{size:letter;margin:0.6in}"
        "pre{font:8pt 'DejaVu Sans Mono',monospace;white-space:pre}</style></head><body><pre>%s</pre>"
        "</body></html>")


def chromium() -> str | None:
    """The path of a Chromium (or Chrome) binary, or None."""
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


def print_pdf(text: str, out: Path, is_html: bool = False) -> Path | None:
    """``text`` (or the HTML page ``text``) printed to ``out`` as a PDF; None when there is no Chromium."""
    binary = chromium()
    if binary is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "filing.html"
        page.write_text(text if is_html else PAGE % html.escape(text), encoding="utf-8")
        subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return out


if __name__ == "__main__":
    source = Path(sys.argv[1])
    made = print_pdf(source.read_text(encoding="utf-8"), Path(sys.argv[2]).resolve(), source.suffix == ".html")
    sys.exit(0 if made else "no chromium found: apt-get install -y chromium")
