"""Phrase completion of reader spans, with the real spaCy model on the bundled filing's text."""
from __future__ import annotations

import re

import pytest

from qa import phrases

pytestmark = pytest.mark.slow


def _complete(text: str, fragment: str) -> str:
    """The completion of the first occurrence of ``fragment`` (matched across line breaks)."""
    found = re.search(r"\s+".join(map(re.escape, fragment.split())), text)
    s, e = phrases.complete(text, found.start(), found.end())
    assert s <= found.start() and found.end() <= e
    return " ".join(text[s:e].split())


@pytest.mark.parametrize("fragment,expected", [
    ("S&P 500", "S&P 500 Index"),                                    # head noun to the right
    ("emerging growth", "emerging growth companies"),
    ("High Quality", "High Quality Short-Term Debt Obligations"),
    ("CAM North America", "CAM North America, LLC"),                 # company suffix
])
def test_span_is_completed_to_its_phrase(filing_text, fragment, expected):
    assert _complete(filing_text, fragment) == expected


@pytest.mark.parametrize("fragment", ["Janus Capital Management LLC", "capital appreciation",
                                      "Met Investors Series Trust"])
def test_complete_phrase_is_left_alone(filing_text, fragment):
    assert _complete(filing_text, fragment) == fragment


def test_name_after_a_preposition_is_not_pulled_into_the_name_before_it():
    text = "The change was approved by the Board of Trustees of Met Investors Series Trust last week."
    start = text.index("Met")
    s, e = phrases.complete(text, start, start + len("Met Investors Series Trust"))
    assert text[s:e] == "Met Investors Series Trust"


def test_tidy_cuts_an_unclosed_bracket_and_balances_quotes():
    text = 'renamed ClearBridge Advisors, LLC ("ClearBridge") and their "start up" phase'
    start = text.index("ClearBridge")
    s, e = phrases.tidy(text, start, text.index('ClearBridge")') + len("ClearBridge"))
    assert text[s:e] == "ClearBridge Advisors, LLC"
    start = text.index("start up")
    s, e = phrases.tidy(text, start, start + len('start up" phase'))
    assert text[s:e] == '"start up" phase'


@pytest.mark.parametrize("start,end", [(0, 0), (5, 3), (-1, 4), (0, 10_000)])
def test_bad_offsets_come_back_unchanged(start, end):
    assert phrases.complete("short text", start, end) == (start, end)
