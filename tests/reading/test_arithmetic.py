"""Arithmetic over printed numbers (fast tier: no model)."""
from decimal import Decimal

import pytest

from qa.reading.arithmetic import compute, operand


@pytest.mark.parametrize("text,value,percent,money", [
    ("$1,159", Decimal("1159"), False, True),
    ("(8.87)%", Decimal("-8.87"), True, False),
    ("(0.35)%", Decimal("-0.35"), True, False),
    ("-2.5", Decimal("-2.5"), False, False),
    ("$(9,982)", Decimal("-9982"), False, True),
    ("None", Decimal("0"), False, False),
    ("\u2014", Decimal("0"), False, False),
])
def test_printed_operands(text, value, percent, money):
    parsed = operand(text)
    assert (parsed.value, parsed.percent, parsed.money) == (value, percent, money)


@pytest.mark.parametrize("text", ["N/A text", "Class A", "(12", "2019 and 2018", ""])
def test_not_a_number(text):
    assert operand(text) is None


def _run(operation, *texts):
    return compute(operation, [operand(t) for t in texts])


def test_a_change_of_percentages_is_in_points():
    r = _run("difference", "0.94%", "0.69%")
    assert (r.result, r.formula, r.plain, r.percent) == ("0.25 percentage points", "0.94% \u2212 0.69%", "0.25", True)


def test_a_change_of_dollars_keeps_the_dollar_and_its_decimals():
    assert _run("change", "$96", "$1,159").result == "-$1,063"
    assert _run("change", "601,256", "510,762").result == "90,494"


def test_percentage_change_average_sum_share_ratio():
    assert _run("percent_change", "668", "716").result == "-6.70%"
    assert _run("average", "1,095", "1,048").result == "1,071.50"
    assert _run("sum", "0.25%", "0.05%").result == "0.30%"
    assert _run("share", "296,316", "26,069").plain == "1136.66"
    assert _run("ratio", "3", "4").result == "0.75"


def test_what_cannot_be_computed_is_not():
    assert _run("percent_change", "5", "0") is None          # division by zero
    assert _run("change", "5", "6", "7") is None              # pairwise needs two
    assert _run("sum", "5%", "$6") is None                    # a percentage and an amount
    assert compute("sum", [operand("5")]) is None


def test_a_percentage_change_divides_by_the_signed_earlier_value():
    assert _run("percent_change", "(238)", "(168)").result == "41.67%"      # a negative figure grew
    assert _run("percent_change", "48,218", "(1,221)").plain == "-4049.06"
    assert _run("average", "$(17,334)", "$(6,442)").result == "-$11,888.00"   # other signs as printed


def test_a_scale_word_is_kept_and_must_match():
    a, b = operand("$60.3 million"), operand("$80.5 million")
    assert a.value == Decimal("60.3") and a.scale == "million" and a.money
    assert compute("sum", [a, b]).result == "$140.8 million"
    assert compute("sum", [a, operand("$900,000")]) is None       # one in millions, one not
