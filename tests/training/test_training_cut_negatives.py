"""Cut negatives (qa.training.squad.cut_negatives): a question asked of its own paragraph with the
answer's sentences removed.  Plumbing only: no model is trained here; what they do to the reader
is measured in the README and the model card."""
from dataclasses import asdict

from qa.training.loop import TrainConfig, config_matches
from qa.training.squad import cut_negatives

CONTEXT = ("ClearBridge's address is 399 Park Avenue, New York. Janus was the adviser until "
           "October. The fee was reduced. ")


def _articles():
    qa = [{"id": "q1", "question": "What is ClearBridge's address?",
           "answers": [{"text": "399 Park Avenue", "answer_start": CONTEXT.index("399")}]},
          {"id": "q2", "question": "Until when was Janus the adviser?",
           "answers": [{"text": "October", "answer_start": CONTEXT.index("October")}]},
          {"id": "q3", "question": "What was reduced?",
           "answers": [{"text": "fee", "answer_start": CONTEXT.index("fee")}]},
          {"id": "q4", "question": "No answer here?", "answers": []}]
    return [[{"context": CONTEXT, "qas": qa}], [{"context": "One sentence only.", "qas": [
        {"id": "q5", "question": "How many sentences?",
         "answers": [{"text": "One", "answer_start": 0}]}]}]]


def test_the_answer_sentence_is_cut_and_the_rest_kept():
    out = {e.qid: e for e in cut_negatives(_articles(), 1.0, seed=0)}
    assert out["q1-cut"].context == "Janus was the adviser until October. The fee was reduced."
    assert out["q1-cut"].answer_start == -1 and out["q1-cut"].answer_text == ""
    assert "October" not in out["q2-cut"].context and "399 Park Avenue" in out["q2-cut"].context
    assert "q4-cut" not in out                     # unanswered questions give none
    assert "q5-cut" not in out                     # nothing left after the cut


def test_an_answer_repeated_outside_its_sentence_gives_no_negative():
    articles = _articles()
    articles[0][0]["context"] = CONTEXT + "Another fee applies."
    assert "q3-cut" not in {e.qid for e in cut_negatives(articles, 1.0, seed=0)}


def test_share_and_seed():
    assert cut_negatives(_articles(), 0.0, seed=0) == []
    half = cut_negatives(_articles(), 0.5, seed=4)
    assert len(half) <= 2 and half == cut_negatives(_articles(), 0.5, seed=4)


def test_runs_recorded_before_the_setting_match_its_default():
    recorded = asdict(TrainConfig())
    del recorded["cut_negatives"]
    assert config_matches(recorded, TrainConfig())
    assert not config_matches(recorded, TrainConfig(cut_negatives=0.25))
