"""One number normaliser for matching and evaluation.

Equivalences it gives: ``(8.87)%`` = ``-8.87%``, ``$1,159`` = ``1159``,
``.50%`` = ``0.50%`` = ``0.5%``, ``two billion`` = ``$2 billion`` = ``2,000,000,000``.

Not handled: fractions ("one half"), ordinals ("third"), ranges ("2-3"),
and number words above the billions or written with "and" ("one hundred and five").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = re.compile(r"\b(19|20)\d\d\b")     # a year as tables and questions print it: 1900-2099
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# stand-ins a table prints for "no amount"
NONE_WORDS = frozenset({"none", "n/a", "na", "\u2014", "\u2013", "-", "--", "nil"})
_PRINTED = re.compile(r"^[(\-\u2013\u2014]?\s*[$\u20ac\u00a3]?\s*\(?\d[\d,]*(?:\.\d+)?\)?\s*%?\)?$")

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join(list(_UNITS) + list(_TENS))
_WORDS_RE = re.compile(rf"\b(?:{_WORD})(?:[\s-]+(?:{_WORD}|hundred))*\b", re.IGNORECASE)

NUMBER_RE = re.compile(
    r"(?P<open>\()?(?P<minus>-)?(?P<cur>\$)?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<close>\))?(?P<pct>\s?%)?"
    r"(?:\s+(?P<scale>thousand|million|billion)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    """A parsed quantity: its value, and whether it was a percentage or money."""

    value: float
    percent: bool = False
    money: bool = False

    def key(self) -> str:
        """An alphanumeric token that survives SQuAD punctuation stripping."""
        text = f"{abs(self.value):.6f}".rstrip("0").rstrip(".")
        whole, _, frac = text.partition(".")
        sign = "neg" if self.value < 0 else ""
        return f"{sign}{whole}{'d' + frac if frac else ''}{'pct' if self.percent else ''}"


# the scale a table or statement states for its amounts: "(in thousands)", "$'000", "$m", "in 000's"
SCALE = re.compile(
    r"(?:\bin\s*|[$£€¥]\s*|\b(?:rmb|usd)\s*['’]?\s*|\(\s*)(?P<word>thousand|million|billion)s?\b"
    r"|(?P<thousand>(?:['’‘]|\$\s*)000\b|\bin\s+000['’]?s\b)|(?P<million>[$£€¥]\s*m\b)|(?P<billion>[$£€¥]\s*bn\b)",
    re.IGNORECASE)


def stated_scale(text: str) -> str:
    """The first scale ``text`` states ("thousand", "million", "billion"), or "" when none.
    Not handled: "in 000s" without an apostrophe before the s, and scales in words far from "in"."""
    match = SCALE.search(text)
    if not match:
        return ""
    return (match.group("word") or next(k for k in ("thousand", "million", "billion")
                                        if match.group(k))).lower()


def _words_to_digits(text: str) -> str:
    """Replace runs of number words ("twenty five") with digits ("25")."""
    def convert(match: re.Match) -> str:
        total = 0
        for word in re.split(r"[\s-]+", match.group(0).lower()):
            if word == "hundred":
                total = max(total, 1) * 100
            else:
                total += _UNITS.get(word, 0) + _TENS.get(word, 0)
        return str(total)
    return _WORDS_RE.sub(convert, text)


def _to_number(m: re.Match) -> Number:
    value = float(m.group("num").replace(",", ""))
    if m.group("scale"):
        value *= _SCALES[m.group("scale").lower()]
    negative = bool(m.group("minus")) or bool(m.group("open") and m.group("close"))
    return Number(-value if negative else value, bool(m.group("pct")), bool(m.group("cur")))


def asset_amounts(text: str) -> list[float]:
    """The money or scaled amounts of 1,000 or more in ``text`` ("$500 million", "2 billion",
    "$25,000"), in order; percentages and small numbers are left out."""
    out = []
    for m in NUMBER_RE.finditer(_words_to_digits(text)):
        n = _to_number(m)
        if not n.percent and (n.money or m.group("scale")) and n.value >= 1000:
            out.append(n.value)
    return out


def is_printed_value(text: str) -> bool:
    """One number as a table prints it ("$1,159", "(0.35)%", "(0.03%)", "0.30"), or a stand-in for none."""
    t = text.strip()
    return bool(t) and (bool(_PRINTED.match(t)) or t.lower() in NONE_WORDS)


def parse_numbers(text: str) -> list[Number]:
    """Every quantity in ``text``, in order."""
    return [_to_number(m) for m in NUMBER_RE.finditer(_words_to_digits(text))]


def parse_number(text: str) -> Number | None:
    """The single quantity ``text`` consists of, or None when it is not one number."""
    text = _words_to_digits(text.strip())
    m = NUMBER_RE.fullmatch(text)
    return _to_number(m) if m else None


def canonical_numbers(text: str) -> str:
    """Rewrite every quantity in ``text`` as its :meth:`Number.key`."""
    return NUMBER_RE.sub(lambda m: " " + _to_number(m).key() + " ", _words_to_digits(text))
