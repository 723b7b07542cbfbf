"""The number normaliser and answer metrics (fast)."""
import pytest

from qa.evaluation.metrics import exact_match, f1
from qa.text.numbers import canonical_numbers, parse_number


@pytest.mark.parametrize("a,b", [("(8.87)%", "-8.87%"), ("$1,159", "1159"), (".50%", "0.50%"),
                                 ("0.5%", "0.50%"), ("two billion", "$2 billion"),
                                 ("$2 billion", "2,000,000,000"), ("29 years", "twenty nine years")])
def test_equivalent_numbers(a, b):
    assert canonical_numbers(a).split() == canonical_numbers(b).split()
    assert exact_match(a, b) == 1.0


@pytest.mark.parametrize("a,b", [("8.87%", "-8.87%"), ("$1,159", "$115.9"), ("0.25%", "0.25")])
def test_different_numbers(a, b):
    assert exact_match(a, b) == 0.0


def test_parse_number():
    assert parse_number("(8.87)%").value == -8.87 and parse_number("(8.87)%").percent
    assert parse_number("$1,159").money and parse_number("$1,159").value == 1159
    assert parse_number("None") is None and parse_number("Class B") is None


def test_squad_f1():
    assert f1("the ClearBridge Advisors, LLC", "ClearBridge Advisors LLC") == 1.0
    assert 0 < f1("ClearBridge", "ClearBridge Advisors, LLC") < 1
    assert f1("", "x") == 0.0
