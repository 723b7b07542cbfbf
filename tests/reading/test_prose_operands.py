"""Arithmetic over the values a prose sentence pairs with what the question names (real models)."""
import pytest

import qa

pytestmark = pytest.mark.slow

TEXT = ("Revenue grew strongly.\n\nAmounts billed under U.S. federal government contracts were $60.3 million and "
        "$80.5 million in 2018 and 2019, respectively, and are due within one year.\n")


@pytest.fixture(scope="module")
def pipeline():
    return qa.QA.from_texts({"t": TEXT})


@pytest.mark.parametrize("question, result", [
    ("What is the sum of amounts billed on U.S. federal government contracts in 2018 and 2019?", "$140.8 million"),
    ("What was the change in amounts billed on federal contracts from 2018 to 2019?", "$20.2 million"),
])
def test_operands_come_from_the_sentence_and_are_quoted(pipeline, question, result):
    answer = pipeline.ask(question)
    assert answer.found and answer.method == "derived" and answer.text == result
    quoted = [pipeline.source_text("t")[s.start:s.end] for s in answer.spans]
    assert sorted(quoted) == ["$60.3 million", "$80.5 million"]


def test_the_values_themselves_are_still_listed_when_asked_for(pipeline):
    answer = pipeline.ask("What were the amounts billed in 2018 and 2019, respectively?")
    assert answer.derivation is None and "$60.3 million" in answer.text
