"""A person's title from the line that introduces them (qa.reading.readers.bios), no model."""
import pytest

from qa.reading.readers.bios import title_in
from qa.understanding.lexicon import asked_person


@pytest.mark.parametrize("question, person", [
    ("What is Cesar Orosco's title?", "Cesar Orosco"),
    ("Christopher Tessin's role?", "Christopher Tessin"),
    ("What is Deirdre O'Brien's title?", "Deirdre O'Brien"),
    ("What title does Nancy Zevenbergen hold?", "Nancy Zevenbergen"),
    ("What is the Fund's position in cash?", ""),
    ("Who is the portfolio manager?", ""),
])
def test_the_person_whose_title_is_asked(question, person):
    assert asked_person(question) == person


@pytest.mark.parametrize("sentence, surname, title", [
    ("Cesar Orosco, CFA, Ph.D., Head of Alpha Equity Investments at Vanguard.", "orosco",
     "Head of Alpha Equity Investments at Vanguard"),
    ("Nancy Zevenbergen, CFA, President, Chief Investment Officer and Analyst of Zevenbergen, has co-managed "
     "the fund since 2004.", "zevenbergen", "President, Chief Investment Officer and Analyst of Zevenbergen"),
    ("Andrew Susser, Executive Managing Director", "susser", "Executive Managing Director"),
    ("Jane Doe has managed the Fund since 2019.", "doe", None),
    ("Cesar Orosco, CFA, Ph.D., Head of Alpha Equity Investments at Vanguard.", "smith", None),
])
def test_the_title_after_the_name_and_credentials(sentence, surname, title):
    found = title_in(sentence, surname)
    assert (sentence[found[0]:found[1]] if found else None) == title
