"""What the analysis tells the derived reader about a question's operands (fast tier: no model)."""
from qa.understanding.headers import every_year
from qa.understanding.questions import analyse


def test_a_sum_asked_outright_and_a_movement_from_one_value_to_another():
    assert analyse("What is the combined 12b-1 and other expenses?", 500).intents.sums
    assert not analyse("What is the total income in 2019 and 2018?", 500).intents.sums
    assert analyse("What was the change in sales from 2018 to 2019?", 500).intents.from_to
    assert not analyse("What was the change in sales between 2018 and 2019?", 500).intents.from_to


def test_every_year_of_a_span_in_either_order():
    assert every_year("the average for 2017-2019") == "the average for 2017 and 2018 and 2019"
    assert every_year("from 2019 to 2017") == "from 2017 and 2018 and 2019"
    assert every_year("between 1990 and 2019") == "between 1990 and 2019"
