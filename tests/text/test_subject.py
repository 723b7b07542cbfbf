"""The one fund a filing is about, and a question's naming of it (qa.text.subject)."""
import pytest

from qa.text.subject import subject_words, without_subject

ONE = ("Vanguard Explorer™ Fund\n\nSummary Prospectus\n\nFebruary 28, 2025\n\nInvestor Shares & Admiral™ Shares\n\n"
       "Vanguard Explorer Fund Investor Shares (VEXPX)\n\nInvestment Objective\n\nThe Fund seeks to provide "
       "long-term capital appreciation.\n\n| | Total Annual Fund Operating Expenses | 0.40% |")
SEVERAL = ("JPMORGAN TRUST I\n\nJPMorgan SmartRetirement® Income Fund\nJPMorgan SmartRetirement® 2025 Fund\n"
           "JPMorgan SmartRetirement® 2030 Fund\n\nSupplement dated August 25, 2025")


def test_a_cover_naming_one_fund_gives_its_distinctive_words():
    assert {"vanguard", "explorer"} <= subject_words(ONE)
    assert "annual" not in subject_words(ONE) and "fund" not in subject_words(ONE)


def test_a_cover_naming_several_funds_gives_none():
    assert subject_words(SEVERAL) == frozenset()
    assert subject_words("Annual report of the company.") == frozenset()


@pytest.mark.parametrize("asked, searched", [
    ("What does the Vanguard Explorer Fund seek?", "What does the Fund seek?"),
    ("Who advises Vanguard Explorer Fund?", "Who advises the Fund?"),
    ("What was the Explorer Fund's turnover rate?", "What was the Fund's turnover rate?"),
    ("Ticker of an Explorer ETF share class?", "Ticker of the Fund share class?"),
    ("What is the return of Explorer Admiral Shares?", "What is the return of Explorer Admiral Shares?"),
    ("What does the fund seek?", "What does the fund seek?"),
    ("Who manages the Windsor Explorer Fund?", "Who manages the Windsor Explorer Fund?"),
])
def test_only_a_full_naming_of_the_subject_is_put_as_the_fund(asked, searched):
    assert without_subject(asked, subject_words(ONE)) == searched


def test_nothing_changes_without_a_subject():
    assert without_subject("What does the Vanguard Explorer Fund seek?", frozenset()) == \
        "What does the Vanguard Explorer Fund seek?"


@pytest.mark.parametrize("asked, searched", [
    ("What was Windsor II's portfolio turnover rate?", "What was the Fund's portfolio turnover rate?"),
    ("What kinds of companies does Windsor II mainly invest in?", "What kinds of companies does the Fund mainly invest in?"),
    ("When did Andrew Lacey start co-managing part of Windsor II?", "When did Andrew Lacey start co-managing part of the Fund?"),
    ("Is Vanguard the adviser?", "Is Vanguard the adviser?"),                      # one word, no possessive
    ("What does the Vanguard Group charge?", "What does the Vanguard Group charge?"),   # "Group" is no word of it
])
def test_a_short_name_of_the_subject_without_its_noun_is_put_as_the_fund(asked, searched):
    assert without_subject(asked, frozenset({"vanguard", "windsor", "ii"})) == searched


def test_a_short_name_after_the_is_a_modifier_and_stays():
    assert without_subject("Which share classes does the Windsor II summary prospectus cover?",
                           frozenset({"vanguard", "windsor", "ii"})) == \
        "Which share classes does the Windsor II summary prospectus cover?"


def test_a_share_class_before_the_name_stays_and_a_possessive_noun_is_not_eaten():
    subject = frozenset({"virtus", "silvant", "mid-cap", "growth"})
    assert without_subject("Total annual fund operating expenses for Class A of Virtus Silvant Mid-Cap Growth Fund?",
                           subject) == "Total annual fund operating expenses for Class A of the Fund?"
    assert without_subject("What was the Virtus Silvant Mid-Cap Growth Fund's portfolio turnover?", subject) == \
        "What was the Fund's portfolio turnover?"


def test_a_name_with_a_lower_case_prefix_and_a_possessive_on_the_cover_is_one_subject():
    cover = ("Vanguard FTSE All-World ex-US Small-Cap ETF\n\nSummary Prospectus\n\nVanguard FTSE All-World "
             "ex-US Small-Cap Index Fund ETF Shares (VSS)\n\nThe Fund’s ETF Shares are listed on NYSE Arca.")
    subject = subject_words(cover)
    assert {"ftse", "ex-us", "small-cap"} <= subject
    assert without_subject("Expenses of the Vanguard FTSE All-World ex-US Small-Cap ETF?", subject) == "Expenses of the Fund?"


@pytest.mark.parametrize("asked, searched", [
    ("What would I pay in GMO Multi-Sector Fixed Income Class I?", "What would I pay in the Fund Class I?"),
    ("Net expense ratio for GMO Multi-Sector Fixed Income R6?", "Net expense ratio for the Fund R6?"),
])
def test_a_share_class_after_a_short_name_ends_it(asked, searched):
    assert without_subject(asked, frozenset({"gmo", "multi-sector", "fixed", "income"})) == searched


def test_a_portfolio_noun_of_a_form_title_names_no_fund():
    cover = "FORM N-Q\n\nQUARTERLY SCHEDULE OF PORTFOLIO HOLDINGS OF REGISTERED\n\nNew Alternatives Fund\n\n"
    assert subject_words(cover) == frozenset({"new", "alternatives"})
