"""Question wording for the facts every fund summary states: its best and worst quarter, a fee
waiver's term, the investment objective, a class's inception, a manager's start, the managers
themselves, and yes/no and date-or-percentage-only questions.  Like :mod:`qa.understanding.lexicon`
(of which it is the second half) it holds patterns only; :func:`qa.understanding.questions.analyse`
reads a question with them into ``Intents`` fields, and each reader reads those fields.

Not handled: wording these patterns do not list (each names how analysts ask, not a question).
"""
from __future__ import annotations

import re

from qa.understanding.lexicon import QUARTER_OR_TURNOVER

# --- The highest or lowest quarterly return asked for ("Best quarter for Class I?"), not its date. ---
QUARTER = {side: re.compile(rf"^(?![^?]*\b(?:when|date|(?:which|what|in which) quarter)\b)[^?]*\b{word}\s+"
                            r"(?:calendar[- ])?quarter(?:ly)?\b(?!\s+(?:end|ended|date))", re.IGNORECASE)
           for side, word in (("high", "(?:best|highest)"), ("low", "(?:worst|lowest)"))}

# --- How long a fee waiver or expense limitation runs ("Through what date are the expense limits in place?"). ---
WAIVER_TERM = re.compile(
    r"^(?=[^?]*\b(?:waiv\w*|reimburs\w*|expense (?:limit\w*|caps?)|limitation agreement|expense limits?|"
    r"cap\w* (?:the )?(?:fund(?:'s|’s)? )?expenses)\b)"
    r"(?=\s*(?:how long|until when)\b|\s*when\b[^?]*\b(?:end|expire|terminate|lapse)\w*\b"
    r"|[^?]*\b(?:through|until|till) (?:what|which) date\b)", re.IGNORECASE)

# --- A fund's investment objective ("What is the investment objective?", "What does the Fund seek?"), not a
# secondary one nor one before or after a change. ---
OBJECTIVE = re.compile(r"^(?![^?]*\b(?:secondary|before|previous\w*|prior|old|former\w*|new|chang\w*|after|will)\b)"
                       r"\s*(?:what|which)\s+(?:(?:is|are|was)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,6}?"
                       r"(?:investment\s+)?(?:objectives?|goals?)\b|(?:does|do)\s[^?]*\bseek\s*\??\s*$)", re.IGNORECASE)

# --- The index an index fund tracks ("Which index does the Fund track?", "What is the fund's target index?"),
# not an index's return nor a benchmark a table compares with. ---
TRACKED_INDEX = re.compile(
    r"^\s*(?:what|which)\b[^?]*\b(?:index|benchmark)\b[^?]*\b(?:track\w*|replicat\w*|follow\w*|mirror\w*)\b"
    r"|^\s*(?:what|which)\s+(?:is|was)\s+the\s+(?:[\w’'.-]+\s+){0,4}?(?:target|underlying|tracked)\s+index\b",
    re.IGNORECASE)

# --- When a share class or the fund began ("What is the Class R6 inception date?", "When did Class I shares
# launch?"), not when a person started managing. ---
INCEPTION = re.compile(
    r"^(?![^?]*\b(?:manag\w*|co-manag\w*|joined|portfolio managers?|predecessor|return\w*)\b)"
    r"(?=[^?]*\b(?:when|date|what day)\b)[^?]*\b(?:incept\w*|inception|commence\w*|launch\w*|start\w*|beg[ai]n\w*)\b",
    re.IGNORECASE)

# --- A question that opens with its verb ("Does…", "Is…", "Can…"): it asks whether, not for a list's
# items; a yes/no question proper when it is not a choice between two ("Is the fund diversified or
# non-diversified?") nor one asking how much as well. ---
_OPENS_WITH_VERB = r"^\s*(?:does|do|did|is|are|was|were|can|could|will|would|may|might|has|have|had|should|must)\b"
ASKS_WHETHER = re.compile(_OPENS_WITH_VERB, re.IGNORECASE)
YES_NO = re.compile(_OPENS_WITH_VERB + r"(?![^?]*\b(?:or|how much|how many|what|which)\b)", re.IGNORECASE)

# --- Since when a named manager has managed the fund ("Since when has Andrew Susser managed the fund?"). ---
MANAGER_SINCE = re.compile(
    r"^(?![^?]*\bpredecessor\b)(?=\s*(?:since when|how long|since what year|when did|(?:in )?what year did)\b)"
    r"(?=[^?]*\b(?:manag\w*|co-manag\w*|pms?|portfolio managers?|on the fund|with the fund)\b)", re.IGNORECASE)

# --- A question only a date or a percentage answers ("When did Class R6 shares incept?", "What is the
# fund's 7-day yield?"), not "When may the Portfolio depart…?" (a condition answers) nor "What do the total
# return calculations assume?". ---
TYPED_ONLY = re.compile(
    r"^\s*when\s+(?:did|was|were|is)\b(?![^?]*\b(?:might|may|can|could|would|should)\b)"
    r"|^\s*(?:on\s+)?(?:what|which)\s+date\b"
    r"|^\s*(?:what|which)\s+(?:is|was|are|were)\s+[^?]*\b(?:returns?|yields?|expense ratios?)\s*(?:for|of|in|over|\?|$)"
    rf"|^(?![^?]*\b(?:when|date|(?:which|what) quarter)\b)[^?]*(?:{QUARTER_OR_TURNOVER})", re.IGNORECASE)

# --- The people who manage a fund asked for: "Who are the portfolio managers?", "Who manages the Fund?" ---
ASKS_MANAGERS = re.compile(
    r"^\s*(?:who|which (?:individuals|people|persons|portfolio managers|pms|managers))\b[^?]*\b(?:co-?)?(?:manag\w*|pms?)\b"
    r"|^\s*(?:name|list|identify)\b[^?]*\b(?:portfolio managers?|pms?|managers)\b", re.IGNORECASE)
NOT_MANAGERS = re.compile(r"\b(?:investment manager|advis[eo]r|sub-?advis[eo]r|firm|company|since|how long|title|role|"
                          r"leav\w*|replac\w*|join\w*|retir\w*|no longer|responsib\w*|portion|primar\w*|sleeve|"
                          r"segment|component|allocation|equity|fixed income|lead)\b", re.IGNORECASE)

# --- An expense example's dollar cost ("1-year expense example for Class I?", "10-year cost on $10,000",
# "How much would I pay after 3 years?"; not "cost of revenue"): a rate in the fee table does not answer it. ---
DOLLARS = re.compile(r"\b(?:expense )?examples?\b|\bwould (?:i|you|an investor) pay\b|\bcosts? (?:on|after|over)\b|"
                     r"\b\d+[- ]?(?:year|yr)s? cost\b|\$10,000\b", re.IGNORECASE)
