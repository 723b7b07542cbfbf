"""The cover reader, fed a filing's text and passages directly (fast tier: no model loaded)."""
from __future__ import annotations

import pytest

from qa.indexing.records import Chunk
from qa.reading.readers.base import ReadPassage
from qa.reading.readers.cover import CoverReader
from qa.understanding.questions import analyse

COVER = ("Example Small Value Fund\n\nCLASS A SHARES (TICKER EXSAX)\n\nCLASS R6 SHARES (TICKER EXSRX)\n\n"
         "INSTITUTIONAL SHARES (TICKER EXSIX)\n\nInvestment Company Act File No. 811-01234\n\n"
         "Securities Act File No. 033-56789\n\nThe Fund seeks capital appreciation.\n")


def _ask(question: str, source: str = COVER) -> str:
    chunk = Chunk("d", "prose", 0, len(source), "", source)
    passage = ReadPassage(chunk, chunk.view(source), 0, None)
    cands = CoverReader({"d": source}).read(analyse(question, 500), [passage])
    return source[cands[0].start:cands[0].end] if cands else ""


def test_the_ticker_of_the_class_the_question_names():
    assert _ask("What is the ticker for Class R6 shares?") == "EXSRX"
    assert _ask("Ticker symbol of the Institutional Shares?") == "EXSIX"


def test_several_tickers_and_no_class_named_is_no_answer():
    assert _ask("What is the fund's ticker?") == ""


def test_the_file_number_of_the_act_the_question_names():
    assert _ask("What is the Investment Company Act file number?") == "811-01234"
    assert _ask("What is the Securities Act registration file number?") == "033-56789"


def test_other_questions_are_not_its_business():
    assert _ask("What does the fund seek?") == ""


# (cover line as printed, question, expected answer): labels beside, after or above the ticker
ONE_LINE = [
    ("Investor Class: EXAIX | Class A: EXAAX | Class II: EXBBX\n", "What's the Class II ticker?", "EXBBX"),
    ("Ticker: EXAFX (Class A); EXAJX (Class I)\n", "What is the Class I ticker?", "EXAJX"),
    ("Class/Ticker: ADV/EXADX; I/EXAGX; R6/EXAQX; S/EXAZX\n", "What's the ticker for the R6 class?", "EXAQX"),
    ("Class/Ticker\n\nA EXMAX Investor EXMVX C EXMCX I EXMIX\n", "What's the Class I ticker?", "EXMIX"),
    ("|  | Institutional Class | Investor Class |\n|---|---|---|\n| Example Fund | EXIIX | EXVVX |\n",
     "What's the ticker for the Investor Class?", "EXVVX"),
    ("Ticker: EXONX\n\nAbout the fund.\n\nTicker: EXONX\n", "What's the fund's ticker?", "EXONX"),
    ("Ticker: EXAFX (Class A); EXAJX (Class I)\n", "What are the fund's tickers?", "EXAFX (Class A); EXAJX (Class I)"),
    ("Example Corporate Bond ETF Shares (VTC)\n", "What is the ticker of the ETF Shares?", "VTC"),       # an ETF's cover
]


@pytest.mark.parametrize("source, question, expected", ONE_LINE)
def test_a_tickers_own_label_names_it(source, question, expected):
    assert _ask(question, "Example Fund\n\n" + source) == expected


def test_what_s_is_no_class_s():
    """The "s" of "What's" does not name a class printed as "S"."""
    assert _ask("What's the ticker?", "Example Fund\n\nClass/Ticker: I/EXAGX; S/EXAZX\n") == ""


def test_the_share_classes_a_filing_covers_are_its_cover_class_lines():
    assert _ask("What share classes does this supplement cover?") == \
        "CLASS A SHARES (TICKER EXSAX)\n\nCLASS R6 SHARES (TICKER EXSRX)\n\nINSTITUTIONAL SHARES (TICKER EXSIX)"


def test_the_funds_a_filing_covers_are_its_fund_name_lines_not_its_trust():
    source = ("Example Portfolios\n\nExample Mid-Cap Core Growth Fund\n\nA Portfolio of Example Equity Funds\n\n"
              "Example Multi-Cap Fund\n\n(the “Funds”)\n\nSupplement dated August 29, 2025, to the Funds’ "
              "Summary Prospectus and Prospectus dated November 1, 2024, which tells of changes to the portfolio "
              "managers of each Fund named above.\n\nExample Other Fund\n")
    assert _ask("Which funds does this supplement cover?", source) == \
        "Example Mid-Cap Core Growth Fund\n\nA Portfolio of Example Equity Funds\n\nExample Multi-Cap Fund"
    cands = CoverReader({"d": source}).read(analyse("Which funds does this supplement cover?", 500),
                                            [ReadPassage(Chunk("d", "prose", 0, len(source), "", source),
                                                         Chunk("d", "prose", 0, len(source), "", source).view(source), 0, None)])
    assert [source[s:e] for s, e in cands[0].parts] == ["Example Mid-Cap Core Growth Fund", "Example Multi-Cap Fund"]


def test_the_fund_a_supplement_relates_to_is_not_its_trust_line():
    source = ("J.P. MORGAN U.S. EQUITY FUNDS\n\nExample Mutual Fund Investment Trust\n\nExample Growth Advantage Fund\n\n"
              "(All Share Classes)\n\nSupplement dated January 30, 2025, to the Prospectuses dated November 1, 2024, "
              "as supplemented, which tells of a special meeting of the shareholders of the Fund named above.\n")
    assert _ask("Which fund does this J.P. Morgan supplement relate to?", source) == "Example Growth Advantage Fund"


def test_the_date_a_cover_gives_the_document_asked_about():
    source = ("Example Funds\n\nSupplement dated August 29, 2025, to the Funds’ Summary Prospectus and "
              "Prospectus dated November 1, 2024\n\nThe Fund seeks capital appreciation.\n")
    assert _ask("What date is this supplement?", source) == "August 29, 2025"
    assert _ask("What is the date of the prospectus?", source) == "November 1, 2024"
    assert _ask("What date does the supplement take effect?", source) == ""


def test_a_date_across_a_to_belongs_to_the_document_after_it():
    source = ("SUPPLEMENT TO SUMMARY PROSPECTUS, PROSPECTUS AND STATEMENT OF ADDITIONAL INFORMATION DATED "
              "NOVEMBER 30, 2024\n\nEffective July 18, 2025, the manager retired.\n")
    assert _ask("What date is this supplement?", source) == ""
    assert _ask("What is the date of the prospectus?", source) == "NOVEMBER 30, 2024"


def test_a_ticker_of_another_class_does_not_answer():
    from qa.reading.readers.cover import _line_class, _of_class
    assert not _of_class("What is the ticker for the Fund's Institutional Class?", "Investor Class")
    assert not _of_class("Ticker for Acuitas US Microcap Investor Shares?", "Institutional Shares")
    assert _of_class("Ticker for Class A?", "A") and _of_class("What is the ticker?", "Investor Class")
    assert _line_class("| Investor Class | (Ticker Symbol: VAGIX) |") == "Investor Class"
