"""Fund-filing vocabulary: the words an analyst asks with, and the words a fee or performance
table prints for the same thing.

"What is the front-end load?" names the row "Maximum Sales Charge (Load) Imposed on
Purchases"; "the CDSC" names "Maximum Deferred Sales Charge (Load)"; "the net expense ratio"
names "Total Annual Fund Operating Expenses After Fee Waiver and/or Expense Reimbursement".
:func:`label_text` appends the printed wording to a question, for matching table labels only
(retrieval and the span reader keep the question as asked).

Not handled: vocabulary outside fund prospectuses and annual reports, and phrasings these
patterns do not list (each entry is a term of the trade, not a question).
"""
from __future__ import annotations

import re

# (what an analyst says, what the table prints)
TERMS: tuple[tuple[str, str], ...] = (
    (r"\bfront[- ]?end (?:sales )?(?:load|charge)s?\b|\bfront loads?\b|\bupfront sales charge\b|\binitial sales charge\b",
     "maximum sales charge (load) imposed on purchases"),
    (r"\bcdsc\b|\bback[- ]?end (?:load|charge)s?\b|\bcontingent deferred sales charge\b|\bdeferred (?:sales )?load\b",
     "maximum deferred sales charge (load)"),
    (r"\bnet expense ratio\b|\bnet expenses?\b",
     "total annual fund operating expenses after fee waivers and expense reimbursements"),
    (r"\bgross expense ratio\b|\btotal expense ratio\b|\bgross expenses\b|\b(?<!net )expense ratio\b",
     "total annual fund operating expenses"),
    (r"\b12b-?1\b|\bdistribution fees?\b|\bservice fees?\b", "distribution and service (12b-1) fees"),
    (r"\bbest quarter\b|\bhighest quarter(?:ly)? return\b|\bbest quarterly return\b", "best quarter highest quarterly return"),
    (r"\bworst quarter\b|\blowest quarter(?:ly)? return\b|\bworst quarterly return\b", "worst quarter lowest quarterly return"),
    (r"\bsince[- ]inception\b|\blife of (?:the )?(?:fund|class)\b", "since inception life of fund"),
    (r"\bpre-?tax\b|\bbefore taxes\b", "return before taxes"),
)
_COMPILED = tuple((re.compile(p, re.IGNORECASE), printed) for p, printed in TERMS)


def label_text(question: str) -> str:
    """The question with the printed wording of each trade term it uses appended (once each)."""
    extra = [printed for pattern, printed in _COMPILED if pattern.search(question)]
    return f"{question} {' '.join(dict.fromkeys(extra))}" if extra else question


_COVER = (
    ("ticker", re.compile(r"\btickers?\b|\b(?:trading )?symbols?\b", re.IGNORECASE)),
    ("file_number", re.compile(r"\bfile (?:number|no\.?)s?\b|\bregistration (?:number|no\.?)\b", re.IGNORECASE)),
)


def cover_fact(question: str) -> str:
    """"ticker" or "file_number" when the question asks for that fact of a filing's cover, else ""."""
    for name, pattern in _COVER:
        if pattern.search(question):
            return name
    return ""
