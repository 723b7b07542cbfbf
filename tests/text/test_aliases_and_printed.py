"""The names a filing gives itself, and list parts quoted as printed (no models)."""
from qa.reading.parts import as_printed
from qa.text.aliases import own_names


def test_a_defined_alias_and_a_market_symbol_are_the_filings_own_names():
    text = "SPDR S&P 500 ETF Trust (“SPY” or the “Trust”) trades under the market symbol “SPY,”."
    assert own_names(text) == {"spy"}


def test_a_defined_term_for_a_concept_is_not_a_name_of_the_filing():
    assert own_names("(the “Fund”) … (the “Reclassification”) … (“EBIT”)") == set()


def test_parts_on_one_line_answer_as_printed():
    text = "in education, healthcare, housing, or pollution control."
    parts = tuple((text.index(w), text.index(w) + len(w)) for w in ("education", "healthcare", "housing", "pollution control"))
    assert as_printed(text, parts) == "education, healthcare, housing, or pollution control"


def test_bulleted_parts_do_not_answer_as_printed():
    text = "the following:\n• Stocks\n• Bonds"
    parts = ((text.index("Stocks"), text.index("Stocks") + 6), (text.index("Bonds"), text.index("Bonds") + 5))
    assert as_printed(text, parts) is None
