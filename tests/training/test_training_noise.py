"""Casual rewrites of training questions (qa/training/noise.py) and the run settings that carry
them.  Plumbing only: no model is trained here; what the rewrites do to the reader is measured in
its model card and the gold report."""
import random
from dataclasses import asdict

from qa.training.loop import TrainConfig, config_matches, dev_choice
from qa.training.noise import casual, casual_share
from qa.training.squad import Example

QUESTIONS = ["What is the name of the new adviser?", "When did the Board approve the agreement?",
             "How many years of experience does Richard Freeman have?", "Who?", ""]


def test_rewrites_are_seeded_and_keep_the_question_recognisable():
    first = [casual(q, random.Random(3)) for q in QUESTIONS]
    assert first == [casual(q, random.Random(3)) for q in QUESTIONS]
    rng = random.Random(0)
    for q in QUESTIONS[:3]:
        for _ in range(50):
            out = casual(q, rng)
            assert out and len(out.split()) >= 2
            content = {"name", "adviser", "board", "approve", "freeman", "richard", "experience", "agreement", "years"}
            words = {w.lower().strip("?") for w in q.split()} & content
            kept = {w.lower().strip("?") for w in out.split()} & content
            assert kept, (q, out)                 # at most one typo: some content word survives
            assert len(kept) >= len(words) - 1


def test_rewrites_use_each_habit():
    rng = random.Random(1)
    outs = [casual("What is the name of the new adviser?", rng) for _ in range(200)]
    assert any(o.startswith("whats ") or o.startswith("Whats ") for o in outs)
    assert any(o.split()[0] == "name" for o in outs)                  # keywords only
    assert any(not o.endswith("?") for o in outs)
    assert any("advisr" in o or "adivser" in o or "advviser" in o or "adviesr" in o
               or "addviser" in o for o in outs)                       # a typo somewhere


def test_a_share_of_examples_is_rewritten_and_answers_are_untouched():
    examples = [Example(str(i), "What is the name of the new adviser?", "ctx", 0, "ctx")
                for i in range(400)]
    out = casual_share(examples, 0.5, seed=7)
    changed = sum(o.question != e.question for o, e in zip(out, examples))
    assert 120 < changed < 220
    assert all((o.context, o.answer_start, o.answer_text) == (e.context, e.answer_start, e.answer_text)
               for o, e in zip(out, examples))
    assert casual_share(examples, 0.0, seed=7) is examples


def test_settings_recorded_before_new_fields_still_match_their_defaults():
    old = {k: v for k, v in asdict(TrainConfig()).items() if k not in ("question_noise", "init_from")}
    assert config_matches(old, TrainConfig())
    assert not config_matches(old, TrainConfig(question_noise=0.5))


def test_checkpoints_are_chosen_on_plain_and_casual_f1():
    assert dev_choice({"f1": 80.0}) == 80.0
    assert dev_choice({"f1": 80.0, "casual_f1": 70.0}) == 75.0
