"""The trust a fund is a series of (qa.reading.readers.registrant); no models."""
from __future__ import annotations

from qa.reading.readers.registrant import registrant
from qa.understanding.lexicon import cover_fact


def _name(source: str, question: str = "Which trust is the Fund part of?") -> str | None:
    found = registrant(source, question)
    return source[slice(*found)] if found else None


def test_series_of_in_the_text_names_the_trust_not_a_predecessors():
    text = ("Summary Prospectus\n\nThe Virtus Zevenbergen Fund, a series of Virtus Asset Trust, is the successor "
            "of the RidgeWorth Growth Fund, a series of RidgeWorth Funds, after a reorganization.")
    assert _name(text) == "Virtus Asset Trust"
    text = ("Virtus Alpha Fund, a series of Virtus Alternative Solutions Trust, is the successor of the Alpha "
            "Fund, formerly a series of Natixis Funds Trust II.")
    assert _name(text) == "Virtus Alternative Solutions Trust"


def test_of_several_funds_the_one_the_question_names():
    text = ("| Delaware Select Growth Fund, a series of Voyageur Mutual Funds III | "
            "Delaware Ivy Large Cap Growth Fund, a series of Ivy Funds |")
    assert _name(text, "Which trust is the Select Growth Fund part of?") == "Voyageur Mutual Funds III"
    assert _name(text, "Which trust is the Ivy Large Cap Growth Fund a series of?") == "Ivy Funds"


def test_cover_portfolio_line_defined_name_and_trust_line():
    assert _name("Clover Small Value Fund\n\nA Portfolio of Federated Hermes Equity Funds\n\nCLASS A") == \
        "Federated Hermes Equity Funds"
    assert _name("THE ADVISORS’ INNER CIRCLE FUND II\n\n(the “Trust”)\n\nVontobel Fund") == \
        "THE ADVISORS’ INNER CIRCLE FUND II"
    assert _name("On July 17, 2025, Invesco QQQ Trust, Series 1 (the “Trust”) said") == "Invesco QQQ Trust, Series 1"
    assert _name("the Board of\nTrustees of Met Investors  Series Trust (the \"Trust\") approved") == \
        "Met Investors  Series Trust"
    assert _name("JPMORGAN TRUST I\n\nJPMorgan SmartRetirement Funds\n\n") == "JPMORGAN TRUST I"


def test_no_trust_named_gives_none():
    assert _name("Value Line Core Bond Fund\n\nSUMMARY PROSPECTUS\n\nThe Fund holds a portfolio of Index "
                 "Securities and a series of the Fund.") is None


def test_the_question_asking_for_the_trust():
    assert cover_fact("Which trust is the AlphaSimplex Fund a series of?") == "trust"
    assert cover_fact("The fund is a series of which trust?") == "trust"
    assert cover_fact("Which trust company is the custodian?") != "trust"
