"""Reading filings from disk into text, and the bundled filing.

EDGAR text comes as UTF-8, cp1252 or Latin-1; we try them in that order.  Line
ends are normalised to ``\\n``; every offset the tool reports is into the text
returned here (``QA.source_text(doc_id)``), not into the raw bytes.

HTML is reduced to its text by :mod:`qa.parsing.html`, a PDF (told by its ``%PDF-`` header)
by :mod:`qa.parsing.pdf`: the text stored and returned is then the extracted text.

Not handled: EDGAR containers holding only a PDF (the PDF part is skipped, see
:mod:`qa.parsing.submission`).
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from qa.digests import file_sha256, sha256  # noqa: F401  (re-exported)
from qa.errors import SourceError
from qa.parsing import submission

log = logging.getLogger(__name__)

BUNDLED_FILE = Path(__file__).resolve().parents[1] / "data" / "met-investors-janus-aggressive-growth-supplement-2006-09-22.txt"
BUNDLED_ID = "met-investors-janus-aggressive-growth-2006-09-22"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, name: str = "input") -> str:
    """Decode filing bytes (UTF-8, then cp1252, then Latin-1) and check it is text."""
    if not data.strip():
        raise SourceError(f"{name} is empty: give a filing with some text in it")
    if b"\x00" in data[:8192]:
        raise SourceError(f"{name} looks binary (it holds NUL bytes): give a .txt, .htm or .pdf filing")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise SourceError(f"{name} looks binary (many control characters): give a .txt, .htm or .pdf filing")
    return text


def read_filing(path: str | Path, max_bytes: int) -> str:
    """Read one filing as text: the format is told by content, not by the file's extension.

    Raises :class:`SourceError` with a fix for missing, empty, binary, PDF, image-only or
    over-large files.
    """
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"cannot read {path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceError(f"{path} is {size:,} bytes, above the limit of {max_bytes:,}: "
                          "split it, or raise Settings.max_file_bytes")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from exc
    return bytes_to_text(data, str(path))


def bytes_to_text(data: bytes, name: str = "input") -> str:
    """The readable text of a filing's bytes, whatever its format (told by content)."""
    from qa.parsing import pdf
    if pdf.is_pdf(data):
        return pdf.pdf_to_text(data, name)
    return to_text(decode(data, name), name)


def to_text(raw: str, name: str = "input") -> str:
    """The readable text of a decoded filing: EDGAR containers unwrapped, HTML rendered."""
    prefix = ""
    if submission.is_container(raw):
        sub = submission.split(raw)
        part = submission.main_document(sub)
        if part is None:
            raise SourceError(f"{name} holds no readable document (only exhibits, images, PDFs or "
                              "XBRL data): give the filing's main document")
        skipped = [p.type or p.filename for p in sub.parts if p is not part]
        if skipped:
            log.info("%s: read the %s document; skipped %d other part(s): %s", name, part.type or "main",
                     len(skipped), ", ".join(skipped[:8]))
        raw, prefix = part.text, submission.header_table(sub)
    if looks_html(raw):
        from qa.parsing.html import html_to_text
        text = html_to_text(raw)
        if not text.strip():
            hint = " (only images: it needs OCR first)" if re.search(r"<img\b", raw, re.I) else ""
            raise SourceError(f"{name} holds no visible text{hint}")
    else:
        text = raw
    return f"{prefix}\n\n{text}" if prefix else text


def looks_html(text: str) -> bool:
    """HTML or XHTML: an <html>/<body> tag in the first 4 KB, or closing tags of paragraphs or
    cells in the first 20 KB.  EDGAR plain text with ``<TABLE>``/``<S>``/``<C>``/``<PAGE>`` is not."""
    head = text.lstrip()[:4096].lower()
    if re.search(r"<(?:!doctype html|html|body)\b", head):
        return True
    return len(re.findall(r"</(?:p|div|td|tr|font|span|b|i)>", text[:20000], re.IGNORECASE)) >= 3


def doc_id_for(path: str | Path, taken: set[str] = frozenset()) -> str:
    """A short, filesystem-safe, unique id from a file name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(path).stem).strip("-.") or "doc"
    doc_id, n = stem[:80], 2
    while doc_id in taken:
        doc_id, n = f"{stem[:76]}-{n}", n + 1
    return doc_id
