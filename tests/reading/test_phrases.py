"""Phrase completion of reader spans, with the real spaCy model on the bundled filing's text."""
from __future__ import annotations

import re

import pytest

from qa.reading import phrases
from qa.understanding.questions import analyse

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


def _with_complements(text: str, fragment: str, limit: int | None = None) -> str:
    start = text.index(fragment)
    s, e = phrases.complete(text, start, start + len(fragment), complements=True, limit=limit)
    return text[s:e]


@pytest.mark.parametrize("text,fragment,expected", [
    ("Bonds of emerging markets carry greater risk than bonds of developed markets.",
     "greater risk", "greater risk than bonds of developed markets"),                 # comparison
    ("Shareholders may not rely on the forecast. It is not possible to redeem shares early.",
     "It is not possible", "It is not possible to redeem shares early"),              # xcomp
    ("The index tracks the returns of large companies.",
     "the returns", "the returns of large companies"),                                 # prep
])
def test_a_span_takes_in_the_complement_it_governs(text, fragment, expected):
    assert _with_complements(text, fragment) == expected


@pytest.mark.parametrize("text,fragment", [
    ("The fund was launched on March 3, 2001 in Boston by its sponsor.", "March 3, 2001"),  # a date is whole
    ("The adviser is Acme Capital, and the custodian is State Street.", "Acme Capital"),   # coordination
])
def test_complements_leave_whole_values_and_coordinations_alone(text, fragment):
    assert _with_complements(text, fragment) == fragment


def test_complements_stop_at_the_limit():
    text = "The fee was reduced by the Board of the fund in May."
    limit = text.index(" of the fund")
    assert _with_complements(text, "reduced", limit) == "reduced by the Board"
    assert phrases.complete(text, text.index("reduced"), text.index("reduced") + 7) == \
        (text.index("reduced"), text.index("reduced") + 7)        # off unless asked for


def test_tidy_drops_a_pipe_table_cell_border():
    text = "| Derivatives | 41,837 | 12,002 |"
    start = text.index("41,837")
    assert text[slice(*phrases.tidy(text, start, start + len("41,837 |")))] == "41,837"


def test_the_parsed_neighbourhood_never_cuts_a_word():
    text = "x" * 50 + " " + "word " * 60 + "alpha beta gamma " + "longwordlongword " * 30
    lo, hi = phrases._word_edges(text, 53, len(text) - 40)
    assert text[lo - 1].isspace() and (hi == len(text) or text[hi].isspace())
    assert phrases._word_edges(text, 0, len(text)) == (0, len(text))


@pytest.mark.parametrize("span,question,parts", [
    ("United States, China, Europe, Southeast Asia, and Taiwan", "What are the regions in which it operates?",
     ["United States", "China", "Europe", "Southeast Asia", "Taiwan"]),
    ("Freeman, Bauman and Smith", "Which managers run the Portfolio?", ["Freeman", "Bauman", "Smith"]),
    ("money funds, treasury bonds and commercial paper", "What do the investments consist of?", []),
    ("money funds, treasury bonds and commercial paper", "What is included in investments?", []),
    ("money market instruments and short-term debt", "What are the defensive instruments?", []),
])
def test_name_parts(span, question, parts):
    from qa.reading.parts import name_parts
    assert [span[a:b] for a, b in name_parts(span, 0, len(span), analyse(question, 500))] == parts


@pytest.mark.parametrize("sentence,read,question,answer", [
    ("In 2017, we acquired 50 franchise restaurants from franchisees.", "50",
     "How many franchise restaurants were acquired in 2017?", "50"),
    ("The Company recorded a $872 million charge due to a reversal.", "$872 million",
     "How much was the charge due to a reversal?", "$872 million"),
    ("The cost is expected to be recognized over approximately 2.5 years.", "2.5",
     "Over how many years will the cost be recognized?", "approximately 2.5 years"),
    ("The Company recorded a $872 million charge due to a reversal.", "$872 million",
     "How much did the Company record?", "$872 million charge"),
])
def test_an_amount_is_not_run_on_to_the_noun_the_question_names(sentence, read, question, answer):
    """Real spaCy parse: the completion to "$872 million charge" stays when the question does not
    name the charge; a unit ("years") always stays with its amount."""
    start = sentence.index(read)
    spans = phrases.shape(sentence, start, start + len(read), (0, len(sentence)), analyse(question, 500),
                          complements=False)
    assert [sentence[a:b] for a, b in spans] == [answer]


@pytest.mark.parametrize("text,fragment,expected", [
    ("Dividends are paid in April, July, October and January.", "April", "April, July, October and January"),
    ("The Fund may use derivatives such as futures, options and swap agreements to hedge.", "futures",
     "futures, options and swap agreements"),
    ("The managers are Ann Lee, Bo Chan and Cy Diaz, who joined in 2020.", "Ann Lee", "Ann Lee, Bo Chan and Cy Diaz"),
    ("As of December 31, 2024, the five largest industry groups represented in the Index were: Software & "
     "Services 11.58%; Semiconductor & Semiconductor Equipment 11.47%; Technology Hardware & Equipment 9.44%; "
     "Media & Entertainment 8.49%; and Financial Services 8.17%.", "Software & Services 11.58%",
     "Software & Services 11.58%; Semiconductor & Semiconductor Equipment 11.47%; Technology Hardware & "
     "Equipment 9.44%; Media & Entertainment 8.49%; and Financial Services 8.17%"),
])
def test_a_span_runs_on_over_the_conjuncts_of_its_head(text, fragment, expected):
    start = text.index(fragment)
    end = phrases.coordinated(text, start, start + len(fragment), (0, len(text)))
    assert text[start:end] == expected


def test_a_span_with_no_conjunct_after_it_keeps_its_end():
    text = "The Fund invests in bonds."
    start = text.index("bonds")
    assert phrases.coordinated(text, start, start + 5, (0, len(text))) == start + 5


def test_tidy_takes_in_the_bracket_a_number_closes_and_the_value_after_a_lone_sign():
    text = "waived (0.03)% for Class A; a bonus of $— in 2022"
    s = text.index("0.03")
    assert text[slice(*phrases.tidy(text, s, s + len("0.03)%")))] == "(0.03)%"
    s = text.index("$")
    assert text[slice(*phrases.tidy(text, s, s + 1))] == "$—"


def test_a_negated_answer_to_a_yes_no_question_says_what_is_not():
    text = "Other facts. The Fund and its investment advisor do not pay financial intermediaries for sales. More."
    sentence = (text.index("The Fund"), text.index(" More."))
    question = analyse("Does the fund pay financial intermediaries for sales?", 500)
    start = text.index("not")
    spans = phrases.shape(text, start, start + 3, sentence, question, complements=False)
    assert [text[s:e] for s, e in spans] == ["The Fund and its investment advisor do not pay financial intermediaries for sales"]
    start = text.index("not pay")
    spans = phrases.shape(text, start, start + len("not pay financial intermediaries"), sentence, question, complements=False)
    assert text[slice(*spans[0])].startswith("The Fund and its investment advisor do not pay")
