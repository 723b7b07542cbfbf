"""The "from X to Y" change reader, on filings made here (real index, real models)."""
import pytest

from qa import QA
from qa.understanding.questions import side

TEXT = ("Effective March 1, the Fund's benchmark will change from the Russell 1000 Index to the "
        "S&P 500 Index. The Fund's custodian is State Street Bank.\n\n"
        "The annual fee was reduced from 0.75% to 0.60% of average net assets.\n")


@pytest.mark.parametrize("question,expected", [
    ("What is the new benchmark?", "new"), ("what was the old benchmark", "old"),
    ("Which benchmark will the Fund use?", "new"), ("What benchmark did the fund use before?", "old"),
    ("What is the benchmark?", None), ("new and old benchmark?", None),
    ("What was the decrease in net bookings for 2019?", None),
    ("What was the reason for the increase in cash provided by operations?", None),
    ("What was the fee before the reduction?", "old"),
])
def test_the_side_a_question_asks_for(question, expected):
    assert side(question) == (expected or "")


@pytest.fixture(scope="module")
def pipeline():
    return QA.from_texts({"doc": TEXT})


@pytest.mark.slow
@pytest.mark.parametrize("question,expected", [
    ("What is the Fund's new benchmark?", "the S&P 500 Index"),
    ("What was the Fund's previous benchmark?", "the Russell 1000 Index"),
    ("What was the annual fee before it was reduced?", "0.75%"),
])
def test_a_change_answers_each_side(pipeline, question, expected):
    answer = pipeline.ask(question)
    assert answer.method == "change" and answer.text == expected
    assert " ".join(TEXT[answer.start:answer.end].split()) == expected


@pytest.mark.slow
def test_no_side_no_change_answer(pipeline):
    assert pipeline.ask("Who is the custodian?").method != "change"


def test_a_change_answers_only_a_question_whose_asked_for_noun_it_names():
    """The change of the Trust's classification names no trustee and no ticker (no models)."""
    from qa.reading.readers.changes import _about
    from qa.understanding.questions import analyse
    sentence = ("The Trust's classification would change from that of a unit investment trust to that of "
                "a management company under the Investment Company Act of 1940.")
    assert not _about(analyse("Who is currently the trustee of the Trust?", 500), sentence)
    assert not _about(analyse("What ticker will the Trust trade under after the change?", 500), sentence)
    assert _about(analyse("What is the Trust's new classification?", 500), sentence)
