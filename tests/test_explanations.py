"""Questions asking for an explanation are answered with the rest of the sentence."""
import pytest

import qa
from qa import phrases
from qa.questions import explains


@pytest.mark.parametrize("question,asks", [
    ("Why did the income tax benefit rise in 2018?", True),
    ("What caused the interest expense to increase?", True),
    ("How is the net average selling price calculated?", True),
    ("What does the cost of revenue comprise?", True),
    ("What do audit-related fees include?", True),
    ("What was the increase in free cash flow driven by?", True),
    ("What is Fair Value based on?", True),
    ("What is goodwill?", True),
    ("What is Janus's address?", False),
    ("What are minimum fixed payments classified as?", False),
    ("What was the income tax benefit in 2018?", False),
    ("Who is the new adviser?", False),
    ("How much did revenue increase?", False),
])
def test_explains(question, asks):
    assert explains(question) is asks


def test_explanation_runs_to_the_sentence_end_but_not_over_a_side_clause():
    text = "The benefit arose primarily from the release of the valuation allowance associated with credits. Next."
    start = text.index("release")
    end = text.index(" associated")
    assert text[slice(*phrases.explanation(text, start, end, (0, text.index(" Next"))))] == \
        "release of the valuation allowance associated with credits"
    side = "It was formed to succeed the business of CAM, which was acquired by Legg Mason in 2005."
    s, e = side.index("to succeed"), side.index(",")
    assert side[slice(*phrases.explanation(side, s, e, (0, len(side))))] == "to succeed the business of CAM"


def test_a_fronted_clause_is_not_run_into_its_main_clause():
    text = "In order to provide you with information, performance is presented below."
    end = text.index(",")
    assert phrases.explanation(text, 0, end, (0, len(text))) == (0, end)


def test_a_what_caused_answer_from_the_pipeline_ends_at_its_sentence_end():
    """Real models, in-memory filing: the reader alone stops at "…our long-term debt"."""
    text = ("Interest\n\nInterest expense increased in 2019 as a result of interest expense of $3.3 million "
            "associated with our long-term debt and our financing lease obligation of $2.0 million.\n")
    answer = qa.QA.from_texts({"t": text}).ask("What caused the interest expense to increase?")
    assert answer.found and answer.text.endswith("our financing lease obligation of $2.0 million"), answer
