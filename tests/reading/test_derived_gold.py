"""Derived answers on the bundled supplement with the real models and index: at least 90% of
the gold set's derived questions right, and no derived answer with an operand not quoted from
the filing."""
import pytest

pytestmark = pytest.mark.slow


def test_derived_questions_are_answered_and_every_operand_is_quoted(bundled_qa):
    from eval import derived
    result = derived.evaluate(bundled_qa, derived.load())
    assert result["unquoted"] == 0, [r for r in result["rows"] if r["quoted"] is False]
    assert result["right"] >= 0.9 * result["n"], [r for r in result["rows"] if not r["right"]]


def test_a_derived_answer_shows_its_derivation(bundled_qa):
    answer = bundled_qa.ask("How much more does Class B pay in total annual operating expenses than Class A?")
    assert answer.method == "derived"
    assert str(answer.derivation) == "0.25 percentage points = 0.94% \u2212 0.69%"
    assert answer.text == "0.25 percentage points"
    assert [bundled_qa.source_text(s.doc_id)[s.start:s.end] for s in answer.spans] == ["0.94%", "0.69%"]
    assert answer.to_dict()["derivation"]["formula"] == "0.94% \u2212 0.69%"


def test_a_difference_the_filing_cannot_compute_is_not_answered_by_one_of_its_sides(bundled_qa):
    """Class C is not in the filing: neither Class A's cell nor another span answers."""
    for question in ("What is the difference between the Class A and Class C total annual operating expenses?",
                     "How much more would Class C shares cost than Class A shares over 10 years?"):
        assert not bundled_qa.ask(question).found
