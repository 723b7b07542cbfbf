"""Arithmetic over printed numbers, in ``Decimal``: the result of an operation, and the formula
and result written the way a filing prints numbers.

An operand is the text of a cell or span as printed ("$1,159", "(0.35)%", "0.94%").  Results
of a percentage change, a share and an average are given to two decimals; a change or a sum
to the operands' own decimals.  A change between percentages is in percentage points.

Signs are the printed ones ("(17,334)" is -17,334), and a percentage change divides by the
signed earlier value, so that a figure printed negative in both years changes in the sense of
its amount: (238) after (168) is up 41.67%.  (TAT-QA dev's annotators read every such
percentage change this way; for sums, averages and changes of negative figures they keep the
sign about as often as they drop it, and the sign is kept here.)

An operand may carry a scale word ("$60.3 million", as prose prints amounts); operands of one
operation must share it, and the result carries it ("$140.8 million").

Not handled: operands in different units or scales ("$1.2 million" against "$900,000"), and
operations other than those of :data:`OPERATIONS`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation

from qa.text.numbers import NONE_WORDS

OPERATIONS = ("change", "difference", "percent_change", "sum", "average", "share", "ratio")
# operations over values a sentence lists ("$60.3 million and $80.5 million in 2018 and 2019"): the
# derived reader computes them; the respectively reader does not list the values for them
OVER_LISTED = ("sum", "average", "difference", "change", "percent_change")
PAIRWISE = frozenset({"change", "difference", "percent_change", "share", "ratio"})   # exactly two operands
_PRINTED = re.compile(r"^(?P<open>\()?\s*(?P<minus>[-\u2212\u2013])?\s*(?P<cur>\$)?\s*(?P<paren>\()?\s*"
                      r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<close>\))?\s*"
                      r"(?P<pct>%)?\s*(?P<close2>\))?$")
_TWO = Decimal("0.01")


@dataclass(frozen=True)
class Operand:
    """A printed number: its value, its decimals, and whether it is a percentage or dollars."""

    text: str
    value: Decimal
    places: int
    percent: bool = False
    money: bool = False
    none: bool = False         # a stand-in for nothing ("None", "—"), counted as 0 of the others' unit
    scale: str = ""            # a scale word printed with it ("$60.3 million"): "thousand", "million", "billion"


@dataclass(frozen=True)
class Result:
    """A computed result: the plain number, how the answer reads, and the formula."""

    value: Decimal
    plain: str
    result: str
    formula: str
    percent: bool


_SCALE_WORD = re.compile(r"\s+(thousand|million|billion|trillion)$", re.IGNORECASE)


def operand(text: str, percent_label: bool = False) -> Operand | None:
    """The printed number ``text`` ("$1,159", "(8.87)%", "-2.5", "$60.3 million"), or None when
    it is not one number (a dash, "N/A", words).  ``percent_label``: its row or column says "%"."""
    t = " ".join(text.split())
    if t.lower() in NONE_WORDS:            # "None" in a fee table, "—" in a statement: nothing
        return Operand(t, Decimal(0), 0, percent_label, none=True)
    scaled = _SCALE_WORD.search(t)
    m = _PRINTED.match(t[:scaled.start()] if scaled else t)
    if not m:
        return None
    digits = m.group("num").replace(",", "")
    value = Decimal(digits)
    opened = m.group("open") or m.group("paren")
    closed = m.group("close") or m.group("close2")
    if (opened and closed) or m.group("minus"):
        value = -value
    elif opened or closed:
        return None
    places = len(digits.partition(".")[2])
    return Operand(t, value, places, bool(m.group("pct")) or percent_label, bool(m.group("cur")),
                   scale=scaled.group(1).lower() if scaled else "")


def _grouped(value: Decimal, places: int) -> str:
    """``value`` to ``places`` decimals with thousands separators ("-1,234.50")."""
    q = value.quantize(Decimal(1).scaleb(-places)) if places else value.quantize(Decimal(1))
    text = f"{abs(q):,.{places}f}"
    return f"-{text}" if q < 0 else text


def _written(value: Decimal, places: int, operands: list[Operand], percent: bool, points: bool) -> str:
    number = _grouped(value, places)
    if points:
        return f"{number} percentage points"
    if percent:
        return f"{number}%"
    if any(o.money for o in operands):
        return f"-${number[1:]}" if number.startswith("-") else f"${number}"
    return number


def _formula(operation: str, texts: list[str]) -> str:
    if operation in ("change", "difference"):
        return f"{texts[0]} \u2212 {texts[1]}"
    if operation == "percent_change":
        return f"({texts[0]} \u2212 {texts[1]}) / {texts[1]}"
    if operation == "sum":
        return " + ".join(texts)
    if operation == "average":
        return f"({' + '.join(texts)}) / {len(texts)}"
    return f"{texts[0]} / {texts[1]}"


def _value(operation: str, values: list[Decimal]) -> Decimal:
    if operation in ("change", "difference"):
        return values[0] - values[1]
    if operation == "percent_change":
        return (values[0] - values[1]) / values[1] * 100
    if operation == "sum":
        return sum(values, Decimal(0))
    if operation == "average":
        return sum(values, Decimal(0)) / len(values)
    if operation == "share":
        return values[0] / values[1] * 100
    return values[0] / values[1]


def compute(operation: str, operands: list[Operand]) -> Result | None:
    """``operation`` over ``operands`` in the order given (the later or first-named first for
    a change, the part first for a share); None when the operands do not allow it (a
    division by zero, a pairwise operation without exactly two, percentages mixed with amounts)."""
    if operation not in OPERATIONS or len(operands) < 2 or (operation in PAIRWISE and len(operands) != 2):
        return None
    printed = [o for o in operands if not o.none]
    if not printed or len({o.percent for o in printed}) > 1 and operation not in ("share", "ratio", "percent_change"):
        return None
    if len({o.scale for o in printed}) > 1:
        return None                          # "$1.2 million" against "$900,000": not handled
    try:
        value = _value(operation, [o.value for o in operands])
    except (DivisionByZero, InvalidOperation):
        return None
    of_percents = printed[0].percent
    percent = operation in ("percent_change", "share") or (of_percents and operation in ("sum", "average", "change", "difference"))
    places = 2 if operation in ("percent_change", "share", "ratio", "average") else max(o.places for o in operands)
    points = of_percents and operation in ("change", "difference")
    written = _written(value, places, printed, percent and not points, points)
    if printed[0].scale and not percent and operation not in ("ratio",):
        written = f"{written} {printed[0].scale}"          # "$140.8 million"
    plain = _grouped(value, places).replace(",", "")
    return Result(value, plain, written, _formula(operation, [o.text for o in operands]), percent)
