"""Lists in prose read by their punctuation (qa.reading.coordination), with the real spaCy model."""
from __future__ import annotations

import pytest

from qa.reading.coordination import listed

pytestmark = pytest.mark.slow

BONDS = ("The Fund may invest in corporate bonds, securities issued or guaranteed by the U.S. government, its "
         "agencies or instrumentalities (U.S. government securities), mortgage-backed securities, and other "
         "fixed income securities.")
ADVISERS = ("Subadvisers. Bridge City Capital, LLC; ClariVest Asset Management, LLC; Meros Investment "
            "Management, L.P.; and Tieton Capital Management, LLC are the Subadvisers to the Fund.")
RATINGS = ("Investment grade securities are those rated by Standard & Poor’s (at least BBB-), Moody’s (at least "
           "Baa3) or Fitch (at least BBB-), or are determined by the Adviser to be of comparable quality.")


def _listed(text: str, span: str) -> str:
    start = text.index(span)
    s, e = listed(text, start, start + len(span), (0, len(text)))
    return text[s:e]


@pytest.mark.parametrize("text,span,expected", [
    (BONDS, "corporate bonds", BONDS[BONDS.index("corporate"):-1]),               # items holding "or"
    (ADVISERS, "Tieton Capital Management, LLC",                                   # back from the last item
     ADVISERS[ADVISERS.index("Bridge"):ADVISERS.index(" are")]),
    (ADVISERS, "Bridge City Capital, LLC", ADVISERS[ADVISERS.index("Bridge"):ADVISERS.index(" are")]),
    (RATINGS, "Standard & Poor’s", RATINGS[RATINGS.index("Standard"):RATINGS.index(", or are")]),
    ("Dividends are paid in April, July, October and January.", "April", "April, July, October and January"),
    ("In addition, the Fund may invest in stocks, bonds and cash.", "cash", "stocks, bonds and cash"),
])
def test_a_span_at_either_end_of_a_list_runs_over_the_list(text, span, expected):
    assert _listed(text, span) == expected


@pytest.mark.parametrize("text,span", [
    ("The Fund invests in stocks, and it may also buy bonds.", "stocks"),         # a clause, not an item
    ("Dividends declared in October, November or December, payable to holders of record in one of those "
     "months, and paid during the following January, are treated as paid.", "October, November or December"),
    ("The Fund invests in bonds.", "bonds"),
    ("Its areas are Social Inclusion and Education, focusing on a more inclusive society and access to "
     "education.", "Social Inclusion and Education"),
])
def test_a_span_that_is_not_one_end_of_a_list_is_left_alone(text, span):
    assert _listed(text, span) == span
