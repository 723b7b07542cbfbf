"""TAT-QA EM/F1 on hand-made cases (no models, no data files)."""
from __future__ import annotations

import pytest

from eval.tatqa_metric import best_em_f1, em_f1, gold_answers, normalize, tokens


def test_exact_span_ignores_case_punctuation_and_articles():
    assert em_f1(["The fixed-price contracts."], ["fixed-price contracts"]) == (1.0, 1.0)


def test_partial_span_gets_token_f1():
    em, f1 = em_f1(["allowable incurred costs"], ["our allowable incurred costs plus a profit"])
    assert em == 0.0
    assert f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)     # precision 3/3, recall 3/6


@pytest.mark.parametrize("pred, gold", [
    ("$1,496.5", "1496.5"),
    ("$  1,452.4", "1,452.4"),
    ("(5.2)", "-5.2"),
    ("\u2212298", "-298"),
    ("$(9,982)", "(9,982)"),
    ("5.20%", "5.2%"),
])
def test_number_formats_match(pred, gold):
    assert em_f1([pred], [gold]) == (1.0, 1.0)


def test_numbers_take_their_scale():
    assert em_f1(["$1,496.5"], ["$1,496.5"], "million", "million") == (1.0, 1.0)
    assert em_f1(["1,496,500"], ["1,496.5"], "", "thousand") == (1.0, 1.0)
    assert em_f1(["$1.2 billion"], ["1,200"], "", "million") == (1.0, 1.0)


def test_right_number_wrong_scale_does_not_match():
    assert em_f1(["$1,496.5"], ["$1,496.5"], "thousand", "million") == (0.0, 0.0)
    assert em_f1(["1,496.5"], ["1,496.5"], "", "million") == (0.0, 0.0)


def test_percentages_keep_their_value():
    assert em_f1(["13.2%"], ["13.2"], "percent", "percent") == (1.0, 1.0)
    assert em_f1(["13.2%"], ["13.2"], "percent", "") == (0.0, 0.0)
    assert em_f1(["0.132"], ["13.2"], "", "percent") == (0.0, 0.0)


def test_scale_is_not_applied_inside_text():
    assert normalize("sales of $1.2 million", "thousand") == "sales of 1200000"
    assert tokens("2019", "") == ["2019"]


def test_bag_order_does_not_matter():
    gold = ["fixed-price type", "cost-plus type", "time-and-material type"]
    assert em_f1(list(reversed(gold)), gold) == (1.0, 1.0)
    assert em_f1(["2018", "2019"], ["2019", "2018"]) == (1.0, 1.0)


def test_partial_bag_is_averaged_over_the_longer_side():
    gold = ["fixed-price type", "cost-plus type", "time-and-material type"]
    assert em_f1(["cost-plus type"], gold) == pytest.approx((0.0, 1 / 3))
    extra = ["cost-plus type", "fixed-price type", "other", "more"]
    assert em_f1(extra, gold[:2]) == pytest.approx((0.0, 2 / 4))


def test_bag_alignment_is_one_to_one():
    # both predictions resemble the first gold span; only one may be paired with it
    em, f1 = em_f1(["total sales", "total sales"], ["total sales", "net income"])
    assert em == 0.0 and f1 == pytest.approx(0.5)


def test_number_mismatch_scores_zero_despite_shared_words():
    assert em_f1(["sales in 2018"], ["sales in 2019"]) == (0.0, 0.0)
    em, f1 = em_f1(["sales in 2019 rose"], ["sales in 2019"])
    assert em == 0.0 and 0.0 < f1 < 1.0


def test_gold_without_numbers_allows_numbers_in_prediction():
    em, f1 = em_f1(["fixed price 2019"], ["fixed price"])
    assert f1 == pytest.approx(0.8)


def test_empty_prediction_scores_zero():
    assert em_f1([], ["2019"]) == (0.0, 0.0)
    assert em_f1([""], ["2019"]) == (0.0, 0.0)


def test_best_over_gold_alternatives():
    assert best_em_f1(["2019"], [["2018"], ["2019"]]) == (1.0, 1.0)
    assert best_em_f1(["2019"], []) == (0.0, 0.0)


@pytest.mark.parametrize("question, expected", [
    ({"answer": ["a", "b"], "answer_type": "multi-span"}, ["a", "b"]),
    ({"answer": -12.6, "answer_type": "arithmetic"}, ["-12.6"]),
    ({"answer": "3", "answer_type": "count"}, ["3"]),
])
def test_gold_answers(question, expected):
    assert gold_answers(question) == expected
