"""How a read span is shaped for the question: explanations run to the sentence end, a list of
values answers as its values (or the one for the year asked)."""
import pytest

import qa
from qa.reading import parts as split
from qa.reading import phrases
from qa.understanding.questions import analyse, explains


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
    ("What are the impacts of significant revisions in contract estimates?", True),
    ("How is industry end market information presented?", True),
    ("What is the objective of the Portfolio?", False),
    ("What was the income tax benefit in 2018?", False),
    ("Who is the new adviser?", False),
    ("How much did revenue increase?", False),
    ("In 2019, why did the gross margin decrease?", True),
    ("What factors drove the sales improvement in the second half?", True),
    ("What do general and administrative expenses consist primarily of?", True),
    ("In 2019, what was the gross margin?", False),
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


def test_a_span_listing_values_answers_with_them_or_with_the_years_one():
    text = "Income before income tax expense was $88,848, $133,514 and $138,668 for 2019, 2018 and 2017."
    start, end, sentence = text.index("$88"), text.index(" for"), (0, len(text))
    parts = split.value_parts(text, start, end, sentence, analyse("What was it in 2018?", 500))
    assert [text[s:e] for s, e in parts] == ["$133,514"]
    parts = split.value_parts(text, start, end, sentence, analyse("What was it?", 500))
    assert [text[s:e] for s, e in parts] == ["$88,848", "$133,514", "$138,668"]
    assert split.value_parts(text, 0, end, sentence, analyse("What was it?", 500)) == []


def test_a_read_list_of_values_answers_for_the_year_asked():
    """Real models, in-memory filing: the reader alone returns all three amounts."""
    text = ("Income taxes\n\nIncome before income tax expense was $88,848, $133,514 and $138,668 for 2019, "
            "2018 and 2017. The effective rate fell.\n")
    answer = qa.QA.from_texts({"t": text}).ask("How much was the income before income tax expense in 2019?")
    assert [s.text for s in answer.spans] == ["$88,848"], answer


def test_a_question_for_several_years_takes_the_whole_list_a_value_stands_in():
    text = "Capital expenditures in accounts payable were $6.4 million and $9.0 million in 2019 and 2018, respectively."
    start = text.index("$9.0")
    end, sentence = start + len("$9.0 million"), (0, len(text))
    both = split.value_parts(text, start, end, sentence, analyse("What were they in 2018 and 2019?", 500))
    assert [text[s:e] for s, e in both] == ["$9.0 million", "$6.4 million"]
    assert split.value_parts(text, start, end, sentence, analyse("What was it in 2018?", 500)) == []


def test_an_explanation_question_expects_words_not_an_amount():
    """Real models, in-memory filing: the cell's amount explains nothing; the sentence does."""
    from qa.understanding.questions import analyse
    assert analyse("What is included in service delivery costs?", 500).kind == "other"
    text = ("| | 2019 | 2018 |\n|---|---|---|\n| Audit-related fees | 106,528 | 98,100 |\n\n"
            "Audit-related fees include the cost of preparing agreed upon procedures reports and "
            "providing general accounting consulting services.\n")
    answer = qa.QA.from_texts({"fees": text}).ask("What do the audit-related fees include?")
    assert "agreed upon procedures" in answer.text, answer
