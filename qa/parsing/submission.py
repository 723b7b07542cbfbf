"""EDGAR's SGML containers: the complete submission and the single-document wrapper.

A complete submission (``<SEC-DOCUMENT>``) holds a ``<SEC-HEADER>`` of key: value lines
and several ``<DOCUMENT>`` parts, each with ``<TYPE>``, ``<SEQUENCE>``, ``<FILENAME>`` and a
``<TEXT>`` body.  A file saved from EDGAR's archive often holds one part alone
(``<DOCUMENT><TYPE>497K…<TEXT><html>…``).

:func:`split` finds the parts; :func:`main_document` picks the one whose type is the
submission's form type (else the first readable part).  Exhibits are skipped, and so are
parts that are not text: uuencoded files, PDFs, images, XML/XBRL and ZIP parts.  The
header's facts (company, CIK, form type, file numbers, filing date, period) are kept for
:func:`header_table`, which renders them so a question can reach them.

Not handled: exhibits as documents of their own (they are skipped, see the README), and
headers split across ``<IMS-HEADER>`` variants other than the usual ``<SEC-HEADER>``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_DOC = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.IGNORECASE | re.DOTALL)
_FIELD = re.compile(r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*(.*)$", re.IGNORECASE | re.MULTILINE)
_TEXT = re.compile(r"<TEXT>\s*\n?(.*?)(?:</TEXT>|\Z)", re.IGNORECASE | re.DOTALL)
_HEADER = re.compile(r"<(?:SEC|IMS)-HEADER>(.*?)</(?:SEC|IMS)-HEADER>", re.IGNORECASE | re.DOTALL)
_HEADER_LINE = re.compile(r"^[ \t]*([A-Z][A-Z0-9 ,./&()-]{2,60}?):[ \t]*(\S.*?)[ \t]*$", re.MULTILINE)
_UUENCODE = re.compile(r"^begin [0-7]{3,4} \S", re.MULTILINE)
_NOT_TEXT = ("GRAPHIC", "ZIP", "EXCEL", "XML", "JSON", "PDF", "EX-101", "XBRL")
_HEADER_KEYS = ("COMPANY CONFORMED NAME", "CENTRAL INDEX KEY", "CONFORMED SUBMISSION TYPE",
                "FORM TYPE", "SEC FILE NUMBER", "FILM NUMBER", "FILED AS OF DATE",
                "CONFORMED PERIOD OF REPORT", "DATE AS OF CHANGE", "ACCESSION NUMBER",
                "SEC ACT", "STANDARD INDUSTRIAL CLASSIFICATION", "STATE OF INCORPORATION",
                "FISCAL YEAR END", "IRS NUMBER", "BUSINESS PHONE")


@dataclass(frozen=True)
class Part:
    """One ``<DOCUMENT>`` of a submission."""

    type: str
    sequence: str
    filename: str
    description: str
    text: str

    @property
    def readable(self) -> bool:
        """Text or HTML a person reads (not an image, archive, PDF, XML or uuencoded file)."""
        kind = self.type.upper()
        name = self.filename.lower()
        if any(kind.startswith(k) for k in _NOT_TEXT) or name.endswith((".pdf", ".jpg", ".gif", ".png",
                                                                         ".zip", ".xml", ".xsd", ".json")):
            return False
        if _UUENCODE.search(self.text[:2000]):
            return False
        head = self.text.lstrip()[:200]
        if head.startswith("%PDF"):
            return False
        return not (head.startswith(("<XBRL", "<?xml")) and "<html" not in self.text[:4000].lower())


@dataclass(frozen=True)
class Submission:
    header: list[tuple[str, str]] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)

    @property
    def form_type(self) -> str:
        facts = dict(self.header)
        return facts.get("CONFORMED SUBMISSION TYPE") or facts.get("FORM TYPE") or ""


def is_container(text: str) -> bool:
    """True for a complete submission or a ``<DOCUMENT>`` wrapper (judged on the first 4 KB)."""
    head = text.lstrip()[:4096].upper()
    return head.startswith(("<SEC-DOCUMENT>", "<SEC-HEADER>", "<IMS-DOCUMENT>", "<DOCUMENT>")) or \
        ("<SEC-HEADER>" in head and "<DOCUMENT>" in text[:200000].upper())


def split(text: str) -> Submission:
    """The header facts and the parts of an SGML container; never raises on odd input."""
    header = []
    m = _HEADER.search(text[:200000])
    if m:
        seen = set()
        for key, value in _HEADER_LINE.findall(m.group(1)):
            key = " ".join(key.split())
            if key in _HEADER_KEYS and (key, value) not in seen:
                seen.add((key, value))
                header.append((key, value))
    parts = []
    for doc in _DOC.finditer(text):
        body = doc.group(1)
        fields = {k.upper(): v.strip() for k, v in _FIELD.findall(body[:2000])}
        inner = _TEXT.search(body)
        parts.append(Part(fields.get("TYPE", ""), fields.get("SEQUENCE", ""), fields.get("FILENAME", ""),
                          fields.get("DESCRIPTION", ""), inner.group(1) if inner else ""))
    return Submission(header, parts)


def main_document(sub: Submission) -> Part | None:
    """The part whose type is the form type, else the first readable part; None if none is readable."""
    readable = [p for p in sub.parts if p.readable and p.text.strip()]
    form = sub.form_type.upper()
    for part in readable:
        if form and part.type.upper() == form:
            return part
    main = [p for p in readable if not p.type.upper().startswith("EX-")]
    return (main or [None])[0]


def header_table(sub: Submission) -> str:
    """The header's facts as a two-column pipe table, or "" without a header; a file number's
    label names the act it is under ("Sec File Number (1933 Act)"), from the "SEC ACT" line
    before it."""
    if not sub.header:
        return ""
    rows, act = [], ""
    for key, value in sub.header:
        if key.upper() == "SEC ACT":
            act = value                 # the act the file number below is under
        label = f"{key.title()} ({act})" if act and key.upper() == "SEC FILE NUMBER" else key.title()
        rows.append(f"| {label} | {value.replace('|', '/')} |")
    return "\n".join(["| EDGAR SEC header | Value |", "|---|---|", *rows])
