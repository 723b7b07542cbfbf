"""The question analysed once: question -> kind, intents, years, focus (no models)."""
import dataclasses
import math

import pytest

from qa.understanding.questions import Intents, Threshold, analyse


def _intents(question: str) -> Intents:
    return analyse(question, 500).intents


# (question, {intent field: expected value}); fields not named keep their default
CASES = [
    ('Why did revenue fall?', {'explains': True, 'cause': True, 'manner': True}),
    ('What caused the increase in costs?', {'explains': True, 'cause': True, 'moved': True, 'movement': True, 'compares': True}),
    ('What does net revenue include?', {'explains': True}),
    ('How does the Fund invest?', {'manner': True}),
    ('How many funds are there?', {}),
    ('What is the new benchmark?', {'side': 'new'}),
    ('What was the objective before?', {'side': 'old'}),
    ('What was the decrease in net bookings?', {'moved': True, 'movement': True, 'compares': True}),
    ('What percentage of sales is gross profit?', {'share': True, 'rate': True}),
    ('What items are listed in the table?', {'names_table': True, 'listed': True, 'several': True}),
    ('What kinds of fixed income does the fund hold?', {'several': True}),
    ('In which months are dividends paid?', {'several': True}),
    ('Which share classes does the Portfolio have?', {'several': True, 'share': True}),
    ('What class does the fund offer?', {}),           # "class" is no plural
    ('What does the fund do?', {}),
    ("What is Deirdre O'Brien's title?", {}),          # a possessive asks a value, not a definition
    ('What is Goodwill?', {'explains': True}),
    ('What is the maximum fee?', {'bound_words': ('maximum',), 'rate': True, 'extreme': 'high'}),
    ('Was the fee higher or lower?', {'side': 'old', 'compares': True, 'rate': True}),
    ('What were the fees in 2019 and 2018, respectively?', {'side': 'old', 'respectively': True, 'several': True, 'rate': True}),
    ('What is the fee on assets over $2 billion?', {'rate': True, 'asset_range': (2000000000.0, math.inf),
      'threshold': Threshold(op='over', number='$2 ', sign='')}),
    ('What is the rate on the first $500 million?', {'share': True, 'rate': True, 'asset_range': (0.0, 500000000.0)}),
    ('What is the lowest rate in the schedule?', {'share': True, 'rate': True, 'extreme': 'low',
      'whole_schedule': True, 'superlative': True, 'rank': 'low'}),
    ('Which years does the table cover?', {'names_table': True, 'several': True, 'asks_period': True, 'periods': True}),
    ('In which year was revenue larger?', {'side': 'old', 'compares': True, 'asks_period': True, 'period_direction': 'high', 'higher': 'high'}),
    ('In which years was revenue less than 100?', {'side': 'old', 'compares': True, 'asks_period': True, 'periods': True, 'period_direction': 'low',
      'threshold': Threshold(op='less than', number='100', sign='')}),
    ('In which year was net income negative?', {'side': 'old', 'asks_period': True, 'threshold': Threshold(op='', number='', sign='negative')}),
    ('What are the components of total revenue?', {'several': True, 'parts': True}),
    ('Which segment has the second highest revenue?', {'superlative': True, 'rank': 'high', 'ordinal': 1}),
    ('Which segment has a lower margin?', {'share': True, 'compares': True, 'higher': 'low'}),
]


@pytest.mark.parametrize("question,several,typed_only", [
    ('Which rating agencies and minimum ratings define investment grade?', True, False),
    ('What four areas of positive change do the managers assess?', True, False),
    ('Among which three types of securities does the Fund shift its assets?', True, False),
    ('When did Class R6 shares incept?', False, True),
    ("What is the fund's current 7-day yield?", False, True),
    ('When may the Portfolio depart from its principal investment strategies?', False, False),   # a condition answers
    ('What do the total return calculations assume?', False, False),
])
def test_several_things_and_typed_only_answers(question, several, typed_only):
    intents = _intents(question)
    assert (intents.several, intents.typed_only) == (several, typed_only)


@pytest.mark.parametrize("question,expected", CASES)
def test_question_to_intents(question, expected):
    got = _intents(question)
    want = {**Intents().__dict__, **expected}
    assert got.__dict__ == want


@pytest.mark.parametrize("question,kind,years,focus", [
    ("Who is the new adviser?", "entity", (), frozenset()),
    ("What was revenue in 2019 and 2018?", "other", ("2019", "2018"), frozenset()),
    ("which board signed off?", "other", (), frozenset({"board"})),
    ("What is the management fee?", "percent", (), frozenset()),     # a fee-table rate
    ("Why did expenses rise in 2019?", "other", ("2019",), frozenset()),   # an explanation expects no type
])
def test_question_kind_years_and_focus(question, kind, years, focus):
    q = analyse(question, 500)
    assert (q.kind, q.years, q.focus) == (kind, years, focus)


def test_the_analysis_reads_the_typo_fixed_text():
    q = analyse("whos the advisor in 2019?", 500)
    assert q.text == "who is the adviser in 2019?" and q.asked == "whos the advisor in 2019?"
    assert q.kind == "entity" and q.years == ("2019",)


def test_names_are_the_capitalised_words_past_the_first():
    assert analyse("Who co-manages the Portfolio with Freeman?", 500).names == {"portfolio", "freeman"}


def test_a_trade_term_is_no_name():
    """"CDSC" is fund vocabulary: a table that never prints it may still answer."""
    assert analyse("Is there a CDSC on Class A shares?", 500).names == {"class"}


@pytest.mark.parametrize("question,kind", [
    ("What was the best quarter for Class ADV?", "percent"),
    ("highest quarterly return vanguard institutional index", "percent"),
    ("What was portfolio turnover?", "percent"),
    ("When did the best quarter occur?", "date"),
    ("Is there a maximum sales charge on purchases of Class I shares?", "percent"),
    ("What is the distribution and service (12b-1) fee for Class A?", "percent"),
    ("Minimum initial investment for the Select Class?", "money"),
    ("What's the minimum to open an Admiral Shares account?", "money"),
])
def test_fund_facts_ask_for_their_kind(question, kind):
    assert analyse(question, 500).kind == kind


@pytest.mark.parametrize("question,dollars", [
    ("What's the 1-year expense example for Mid Cap Focused institutional shares?", True),
    ("Core Bond 10-year cost on $10,000", True),
    ("How much would I pay in the first year in Class C?", True),
    ("What is the expense ratio?", False),
])
def test_an_expense_example_asks_for_dollars(question, dollars):
    assert analyse(question, 500).intents.dollars is dollars


def test_shorthand_for_quarter_and_institutional():
    assert analyse("Value Line Mid Cap Focused worst qtr", 500).intents.quarter == "low"
    assert "institutional" in analyse("Instl class return since inception", 500).text


def test_cost_of_revenue_is_no_expense_example():
    assert not analyse("What is cost of revenue as a percentage of revenue in 2018?", 500).intents.dollars


def test_the_fund_names_no_table_row():
    """"the Fund" put for a short name written without "Fund" is no word of a row label to match."""
    short = dataclasses.replace(analyse("the Fund R6 fee waiver", 500), asked="KAR Equity Income R6 fee waiver")
    assert "Fund" not in short.label_text
    assert "the Fund" in analyse("What is the Fund's 5-year return?", 500).label_text     # the asker's own word


def test_how_many_shares_of_a_company_names_no_class():
    assert analyse("How many Vestas Wind Systems shares did the Fund own?", 500).classes == ()
    assert analyse("What is the management fee for Institutional shares?", 500).classes == (frozenset({"institutional"}),)


def test_an_expense_ratio_of_a_class_asks_no_arithmetic():
    assert analyse("What is the gross expense ratio of Class I?", 500).operation == ""
    assert analyse("What is the ratio of cash to total assets in 2019?", 500).operation == "ratio"
