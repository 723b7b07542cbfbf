"""The reader's model card is written from the recorded training facts (pure function, no model)."""
from qa.training.reader_cli import model_card

CONFIG = {"seed": 13, "epochs": 2, "batch_size": 32, "lr": 1e-4, "warmup": 0.05, "weight_decay": 0.01,
          "max_len": 192, "stride": 64, "negative_fraction": 0.33, "checkpoint_minutes": 10.0,
          "eval_every": 1000, "dev_sample": 2000, "bf16": True}
HISTORY = [{"step": 10000, "examples": 320000, "em": 73.1, "f1": 82.5, "null_auroc": 0.995}]


def facts(**extra):
    base = {"config": CONFIG, "history": HISTORY, "step": 10850, "seconds": 3600.0, "examples": 347000,
            "best_step": 10000, "best_examples": 320000, "planned_steps": 10850}
    return base | extra


def test_a_run_that_reaches_the_planned_end_is_not_called_shortened():
    card = model_card(facts(schedule=[{"from": 5853, "to": 10850, "lr": 4.7e-5}]))
    assert "end of the planned epochs" in card
    assert "shortened" not in card


def test_the_card_tells_the_lineage_of_warm_started_runs():
    earlier = {"step": 5600, "warm_started_at": 3000, "best_step": 5425,
               "schedule": [{"from": 3587, "to": 5600, "lr": 6.1e-5}]}
    card = model_card(facts(warm_started_at=5425, earlier=earlier,
                            schedule=[{"from": 5853, "to": 10850, "lr": 4.7e-5}]))
    lines = [line for line in card.splitlines() if line.startswith(("At step", "From step"))]
    assert [line.split()[2].rstrip(",") for line in lines] == ["3000", "3587", "5425", "5853"]
    assert "toward zero at step 5600 (a shortened schedule)" in lines[1]
    assert "to zero at step 10850, the end of the planned epochs" in lines[3]


def test_the_shipped_card_is_the_one_its_training_facts_give():
    import json
    from pathlib import Path
    folder = Path(__file__).resolve().parents[2] / "qa" / "reader_model"
    facts = json.loads((folder / "training.json").read_text())
    assert (folder / "README.md").read_text() == model_card(facts)
    assert facts["eval_full"]["n"] == 10570        # the card's dev figures are the full dev set


def test_a_fine_tuned_run_judges_its_predecessor_against_the_predecessor_plan():
    earlier = {"step": 5600, "best_step": 5425, "fine_tuned": True, "planned_steps": 10850,
               "schedule": [{"from": 3587, "to": 5600, "lr": 6.1e-5}]}
    card = model_card(facts(earlier=earlier, planned_steps=5401, config=CONFIG | {"question_noise": 0.5},
                            schedule=[{"from": 0, "to": 1200, "lr": 5e-5}]))
    assert "toward zero at step 5600 (a shortened schedule)" in card    # 5600 < its own 10850
    assert "toward zero at step 1200 (a shortened schedule)" in card
    assert "fine-tuned" in card and "casual" in card
