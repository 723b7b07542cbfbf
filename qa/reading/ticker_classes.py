"""A ticker in a question read as the share class it trades as: "VLAAX 12b-1 fee?" asks
"Investor Class 12b-1 fee?" of a filing whose cover prints "Investor Class (Ticker Symbol: VLAAX)".

Tables and prose name a class by its label, not its ticker, so a question naming the ticker
matches no row or column.  :func:`ticker_classes` reads the filing's tickers with the class
label the cover prints beside each (the cover reader's reading: "A: PDIAX", "VNDFX (Class A)",
"Class II: INDSX"); :func:`with_classes` puts each ticker of the question as its class ("Class A"
for a bare letter or code).

Not handled: a ticker printed without a class beside it (a one-class fund's: its name is
already "the Fund"), and tickers the question writes in lower case.
"""
from __future__ import annotations

import re

from qa.reading.readers.cover import tickers

_TOKEN = re.compile(r"\b[A-Z]{4,5}\b")


def ticker_classes(source: str) -> dict[str, str]:
    """Each ticker of the filing with the class it trades as, as a question would name it."""
    out: dict[str, str] = {}
    for fact in tickers(source):
        label = re.sub(r"^(?:the\s+)?fund\s+", "", fact.label.strip(" :()"), flags=re.IGNORECASE)
        if not label:
            continue
        if re.fullmatch(r"[A-Z]{1,2}\d?|R\d|[IVX]{1,3}", label):      # "A", "R6", "II": a class letter or code
            label = f"Class {label}"
        elif label.endswith("ETF Shares"):
            continue                    # "… Bond ETF Shares (VTEL)": a one-class ETF's ticker names the Fund
        out.setdefault(source[fact.start:fact.end], label)
    return out


def with_classes(question: str, classes: dict[str, str]) -> str:
    """``question`` with each ticker it names put as its class."""
    if not classes:
        return question
    return _TOKEN.sub(lambda m: classes.get(m.group(0), m.group(0)), question)
