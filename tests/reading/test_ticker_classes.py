"""A question's ticker read as its share class (qa.reading.ticker_classes); no models."""
from __future__ import annotations

from qa.reading.ticker_classes import ticker_classes, with_classes

COVER = ("Value Line Example Fund, Inc.\n\n|  |  |\n|---|---|\n| Investor Class | (Ticker Symbol: VLAAX) |\n"
         "| Institutional Class | (Ticker Symbol: VLAIX) |\n\nSUMMARY PROSPECTUS\n")
LETTERS = "Summary Prospectus\n\nVirtus Example Fund\n\n| A: PALAX | C: PALCX | R6: AGASX |\n|---|---|---|\n"


def test_a_ticker_is_put_as_the_class_its_cover_prints_beside_it():
    assert with_classes("VLAAX 12b-1 fee?", ticker_classes(COVER)) == "Investor Class 12b-1 fee?"
    assert with_classes("PALAX fee waiver", ticker_classes(LETTERS)) == "Class A fee waiver"
    assert with_classes("AGASX net expenses?", ticker_classes(LETTERS)) == "Class R6 net expenses?"


def test_other_capitals_and_filings_without_tickers_are_left_alone():
    assert with_classes("What is the FUND's NAV?", ticker_classes(COVER)) == "What is the FUND's NAV?"
    assert with_classes("VLAAX 12b-1 fee?", ticker_classes("No tickers here.")) == "VLAAX 12b-1 fee?"


def test_a_one_class_etfs_ticker_is_left_as_the_fund():
    cover = "Example Long-Term Bond ETF\n\nExample Long-Term Bond ETF Shares (VTEL)\n\nThe Fund seeks income.\n"
    assert with_classes("Who is the portfolio manager of VTEL?", ticker_classes(cover)) == "Who is the portfolio manager of VTEL?"
