"""The one fund a filing is about, and a question's words that only name it.

A summary prospectus is about one fund, and its cover names it ("Vanguard Explorer™ Fund").
Within that filing, "What does the Vanguard Explorer Fund seek?" is asking "What does the Fund
seek?": every passage is about the fund, so its name says nothing about *where* the answer is,
yet it pulls the cover (which repeats the name) above the passage that answers.  Retrieval inside
one filing therefore searches with :func:`without_subject`, the question with its naming of the
filing's own fund put as "the Fund".

A share class before a name is not part of it ("Class A of the Fund"), nor one after a short name
("GMO Multi-Sector Fixed Income Class I", "… Income R6"), and a hyphenated word with a capital
after its hyphen ("ex-US") is a word of a name.

Not handled: a cover naming several funds (a multi-fund supplement; then a fund's name does say
where to look, and the question is searched as asked), a fund named on the cover only by its
ticker, and names the question abbreviates ("QQQ" for "Invesco QQQ Trust").
"""
from __future__ import annotations

import re

COVER_CHARS = 3000
_SUBJECTS = ("fund", "funds", "portfolio", "portfolios", "etf", "trust")
_WORD = r"(?:[A-Z0-9]|[a-z]+-[A-Z0-9])[\w&.’'\-]*[™®]?"     # a name's words are capitalised (or numbers, or "ex-US")
_NAME = re.compile(rf"\b((?:{_WORD}[ \t]+(?:(?:of|and|&|for)[ \t]+)?){{1,9}}(?:Fund|Portfolio|ETF|FUND|PORTFOLIO))\b"
                   r"(?![ \t]+(?i:holdings|managers?|management|turnover|securities|transactions)\b)")   # "SCHEDULE OF PORTFOLIO HOLDINGS"
# Words that head or fill a fee-table or section line ("Total Annual Fund Operating Expenses",
# "Investment Objective The Fund") rather than a fund's name.
_GENERIC = frozenset({"the", "a", "an", "of", "and", "for", "annual", "total", "net", "acquired", "investment",
                      "objective", "objectives", "goal", "summary", "prospectus", "series", "inc", "inc.",
                      "fund", "funds", "portfolio", "etf", "trust", "shares", "class", "&", "mutual",
                      "no-load", "statutory", "supplement", "dated", "to", "this", "our", "your",
                      "operating", "expenses", "fees", "other"})
_TOKEN = re.compile(r"[A-Za-z0-9][\w&.’'\-]*")
_CAPPED_AFTER = re.compile(r"[a-z]+-[A-Z0-9]")        # "ex-US" inside a name
_CLASS_CODE = re.compile(r"[A-Z]{1,2}\d?")             # a share class by code after a name ("… Income R6")


def _norm(word: str) -> str:
    word = word.lower().strip("™®.’'").replace("’", "'")
    return word[:-2] if word.endswith("'s") else word        # "Fund’s ETF" names no other fund


def _distinctive(phrase: str) -> frozenset[str]:
    words = {_norm(w) for w in _TOKEN.findall(phrase)}
    return frozenset(w for w in words if w not in _GENERIC)


def subject_words(source: str) -> frozenset[str]:
    """The distinctive words of the one fund the cover of ``source`` names (empty when it names
    none, or several funds whose names do not contain one another)."""
    names = {d for m in _NAME.finditer(source[:COVER_CHARS]) if (d := _distinctive(m.group(1)))}
    if not names:
        return frozenset()
    smallest = min(names, key=len)
    if any(not smallest <= other for other in names):     # two different funds
        return frozenset()
    return frozenset().union(*names)


def without_subject(question: str, subject: frozenset[str]) -> str:
    """``question`` with each name of the subject fund put as "the Fund" ("Who manages the Core
    Bond Fund?" -> "Who manages the Fund?").  A name is a run of capitalised words (or numbers)
    ending with "Fund" (or "Portfolio", "ETF", "Trust"), each of them a word of the subject's
    name and at least one of them distinctive, so "the fund" alone is left as it is, and so is
    "State Farm Municipal Bond Fund" when the cover names only a "Municipal Bond Fund".  The
    question is returned unchanged when ``subject`` is empty."""
    if not subject:
        return question
    tokens = [m.group() for m in re.finditer(r"\S+", question)]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        inside = i > 1 and _bare(tokens[i - 1])[:1].isupper()     # a longer name goes on before it
        # a share class is no part of the name after it ("Class A of Virtus Silvant … Fund")
        end = None if inside or _norm(_bare(tokens[i])) in ("class", "classes") else _name_end(tokens, i, subject)
        if end is not None and _norm(_bare(tokens[end])) not in _SUBJECTS and out and \
                out[-1].lower() in ("the", "this", "a", "an"):
            end = None                  # "the KAR Equity Income summary prospectus": a short name as a modifier
        if end is None:
            out.append(tokens[i])
            i += 1
            continue
        if out and out[-1].lower() in ("the", "a", "an"):
            out.pop()
        out += ["the", "Fund" + _trailing(tokens[end])]
        i = end + 1
    return " ".join(out)


def _name_end(tokens: list[str], i: int, subject: frozenset[str]) -> int | None:
    """The position of the subject noun ending a name of the subject that starts at ``i``, or of
    the last word of a short name of it (:func:`_short_name`)."""
    words: list[str] = []
    for j in range(i, min(len(tokens), i + 12)):
        bare = _bare(tokens[j])
        if _norm(bare) in _SUBJECTS:
            distinctive = {w for w in words if w not in _GENERIC}
            if not (words and distinctive and distinctive <= subject):
                return None
            while j + 1 < len(tokens) and _bare(tokens[j]) == tokens[j] and _norm(_bare(tokens[j + 1])) in _SUBJECTS:
                j += 1                                        # "ETF Trust"
            return j
        if words and (_norm(bare) in ("class", "classes") or (_CLASS_CODE.fullmatch(bare) and _norm(bare) not in subject)):
            return _short_name(words, subject, tokens[j - 1], j - 1)     # "GMO Multi-Sector Fixed Income Class I"
        connector = bare in ("of", "&", "and")
        if not (bare[:1].isupper() or bare[:1].isdigit() or (connector and words) or (words and _CAPPED_AFTER.match(bare))):
            return _short_name(words, subject, tokens[j - 1] if words else "", j - 1)
        words.append(_norm(bare))
        if bare != tokens[j] or j + 1 == len(tokens):         # "II's", "II?": the name ends here
            return _short_name(words, subject, tokens[j], j)
    return None


def _short_name(words: list[str], subject: frozenset[str], last_token: str, last: int) -> int | None:
    """``last`` when ``words`` are a short name of the subject without its noun ("Windsor II" of
    "Vanguard Windsor II Fund"): every one a distinctive word of its name, and two or more of
    them, or one with a possessive ("Wellesley's")."""
    if not words or any(w in _GENERIC or w not in subject for w in words):
        return None
    return last if len(words) >= 2 or last_token.endswith(("'s", "’s")) else None


def _bare(token: str) -> str:
    bare = token.strip("?,.;:()“”\"")
    return bare[:-2] if bare.lower().endswith(("'s", "’s")) else bare
def _trailing(token: str) -> str:
    """The possessive and punctuation a name's last token carries ("Fund's?" -> "'s?")."""
    m = re.search(r"(['’]s)?[?,.;:)]*$", token)
    return m.group(0) if m else ""
