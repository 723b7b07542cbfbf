"""The TAT-QA runner on real contexts: rendering parses as a table, and a 3-context run scores."""
from __future__ import annotations

import pytest

from eval import tatqa
from qa.parsing import edgar, tables

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not tatqa.DEFAULT_PATH.is_file(), reason="TAT-QA dev set not present"),
]


@pytest.fixture(scope="module")
def contexts() -> list[dict]:
    return tatqa.load(tatqa.DEFAULT_PATH, limit=3)


def test_render_puts_a_parsable_table_first(contexts):
    # context 0: header rows ["", "", "Years Ended September 30,", ""] and ["", "2019", "2018", "2017"]
    text = tatqa.render(contexts[0])
    blocks = edgar.parse(text)
    assert blocks[0].kind == "table" and blocks[0].start == 0
    table = tables.parse_table(text, blocks[0].start, blocks[0].end)
    assert [table.column_label(c) for c in (1, 2, 3)] == ["2019", "Years Ended September 30, 2018", "2017"]
    assert [r.label_text for r in table.rows] == ["Fixed Price", "Other", "Total sales"]
    assert table.rows[2].cells[1].text == "$1,496.5"
    assert "table below presents total net sales" in text[blocks[0].end:]


def test_render_keeps_empty_cells_and_pads_rows():
    context = {"table": {"uid": "t", "table": [["", "2019"], ["Sales", "1|2", "30"], ["Costs"]]},
               "paragraphs": [{"order": 2, "text": "Second."}, {"order": 1, "text": "First."}]}
    text = tatqa.render(context)
    assert text.splitlines()[:4] == ["|  | 2019 |  |", "|---|---|---|", "| Sales | 1/2 | 30 |",
                                     "| Costs |  |  |"]
    assert text.index("First.") < text.index("Second.")


def test_context_scale_and_predicted_scale(contexts):
    assert tatqa.context_scale(contexts[0]) == "million"      # "... by contract type (in millions):"
    assert tatqa.predicted_scale(["$1,496.5"], "million") == "million"
    assert tatqa.predicted_scale(["2019", "2018"], "million") == ""
    assert tatqa.predicted_scale(["4.1%", "4.6%"], "million") == "percent"
    assert tatqa.predicted_scale(["fixed-price type"], "million") == ""
    assert tatqa.predicted_scale([], "million") == ""


def test_a_year_from_a_percent_row_has_no_scale():
    assert tatqa.answer_scale(["13.2"], True, "million") == "percent"
    assert tatqa.answer_scale(["2019"], True, "million") == ""       # "gross margin (%) higher in…"
    assert tatqa.answer_scale(["1,496.5"], False, "million") == "million"


def test_a_table_unit_applies_to_the_table_only():
    """A number read from a paragraph ("$39,000") keeps its own value; "USD ‘000" and "US $000's"
    state thousands."""
    assert tatqa.answer_scale(["$39,000"], False, "thousand", from_table=False) == ""
    assert tatqa.answer_scale(["39,000"], False, "thousand", from_table=True) == "thousand"
    assert tatqa._unit("All figures in USD \u2018000, except TCE rate") == "thousand"
    assert tatqa._unit("Expressed in US $000's except share amounts") == "thousand"
    assert tatqa._unit("Year Ended December 31, 2019 (in 000\u2019s)") == "thousand"
    assert tatqa._unit("Revenue was $ 1,000 in 2019") == ""


def test_a_row_with_only_a_first_cell_heads_body_rows():
    rows = [["", "2019", "2018"], ["Revenue:", "", ""], ["Software", "$9,441", "$10,949"]]
    assert tatqa.header_count(rows) == 1
    assert tatqa.header_count([["", "2019"], ["(In thousands)", "Amount"], ["Sales", "5"]]) == 2


def test_run_on_three_contexts(contexts):
    results = tatqa.run(tatqa.DEFAULT_PATH, limit=3)
    questions = [q for c in contexts for q in c["questions"]]
    scored = [q for q in questions if q["answer_type"] in tatqa.SCORED_TYPES]
    extractive = [q for q in scored if q["answer_type"] in tatqa.EXTRACTIVE]
    assert results["contexts"] == 3
    assert results["questions"]["total"] == len(questions)
    assert results["questions"]["scored"] == len(scored) == len(results["per_question"])
    assert results["questions"]["not_attempted"]["total"] == len(questions) - len(scored)
    for setting in ("limited", "open"):
        scores = results["scores"][setting]
        assert scores["all"]["n"] == len(scored)
        assert scores["span"]["n"] + scores["multi-span"]["n"] == scores["extractive"]["n"] == len(extractive)
        assert scores["arithmetic"]["n"] == len(scored) - len(extractive)
        assert sum(scores[s]["n"] for s in ("text", "table", "table-text")) == len(extractive)
        assert all(0.0 <= scores[g][m] <= 100.0 for g in tatqa.GROUPS for m in ("em", "f1"))
    assert "TAGOP" in tatqa.markdown(results)
    assert results["reader"]["precision"] in ("int8", "fp32") and results["reader"]["step"] > 0
    assert f"with the {results['reader']['precision']} reader" in tatqa.markdown(results)
