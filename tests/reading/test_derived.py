"""The derived reader given chunks and sources directly (fast tier: no model): the operation,
operands quoted with their offsets, and nothing when a cell prints the answer itself."""
from types import SimpleNamespace

import pytest

from qa.indexing import chunking
from qa.reading.readers.base import ReadPassage
from qa.reading.readers.derived import DerivedReader
from qa.understanding.questions import analyse, operation

FEES = ("Annual Fund Operating Expenses\n\n| | Class A | Class B |\n|---|---|---|\n"
        "| Management Fee | 0.64% | 0.64% |\n| 12b-1 Fees | None | 0.25% |\n| Other Expenses | 0.05% | 0.05% |\n"
        "| Total Annual Operating Expenses | 0.69% | 0.94% |\n")
SALES = ("Net sales\n\n| (in millions) | 2019 | 2018 | Change |\n|---|---|---|---|\n"
         "| Net sales | $1,250 | $1,000 | 25% |\n| Cost of sales | 700 | 650 | 8% |\n")


def _read(source: str, question: str):
    chunks = chunking.chunk_document("d", source, 120, 20)
    reader = DerivedReader(SimpleNamespace(chunks=chunks, sources={"d": source}))
    passages = [ReadPassage(c, c.view(source), k, None) for k, c in enumerate(chunks)]
    return reader.read(analyse(question, 500), passages)


def test_a_difference_between_two_columns_quotes_both_cells():
    cands = _read(FEES, "How much more does Class B pay in total annual operating expenses than Class A?")
    d = cands[0].derivation
    assert (d.result, d.formula) == ("0.25 percentage points", "0.94% \u2212 0.69%")
    assert [FEES[s.start:s.end] for s in d.operands] == ["0.94%", "0.69%"]


def test_a_sum_of_two_rows():
    d = _read(FEES, "What is the combined 12b-1 fees and other expenses for Class B?")[0].derivation
    assert (d.operation, d.result) == ("sum", "0.30%")


def test_a_change_between_years_is_later_minus_earlier():
    source = SALES.replace(" Change |", "").replace("---|---|---|---|", "---|---|---|").replace(" 25% |", "").replace(" 8% |", "")
    d = _read(source, "What was the change in cost of sales from 2018 to 2019?")[0].derivation
    assert (d.result, d.formula, d.scale) == ("50 (in millions)", "700 \u2212 650", "million")
    d = _read(source, "What was the percentage change in net sales between 2018 and 2019?")[0].derivation
    assert (d.result, d.formula) == ("25.00%", "($1,250 \u2212 $1,000) / $1,000")


def test_a_printed_change_is_quoted_not_recomputed():
    assert _read(SALES, "What was the percentage change in net sales?") == []


def test_a_printed_result_listed_beside_its_operands_is_quoted_alone():
    source = ("Revenue\n\n| | 2019 | 2018 | 2019 vs. 2018 Variance in Dollars | 2019 vs. 2018 Variance in Percent |\n|---|---|---|---|---|\n"
              "| Product | $39,005 | $36,709 | $2,296 | 6% |\n| Services | 12,899 | 12,621 | 278 | 2% |\n")
    cands = _read(source, "What was the change in product revenue between 2018 and 2019?")
    assert [source[c.start:c.end] for c in cands] == ["$2,296"] and cands[0].derivation is None
    cands = _read(source, "What was the percentage change in product revenue between 2018 and 2019?")
    assert [source[c.start:c.end] for c in cands] == ["6%"]


def test_no_operation_no_answer():
    assert _read(FEES, "What is the Class B 12b-1 fee?") == []


@pytest.mark.parametrize("question,expected", [
    ("What was the percentage change in net sales from 2018 to 2019?", "percent_change"),
    ("What is the average revenue for 2018 and 2019?", "average"),
    ("How much more does Class B pay than Class A?", "difference"),
    ("What is the combined 12b-1 and other expenses for Class B?", "sum"),
    ("What is the total deposits in 2018 and 2019?", "sum"),
    ("What is the change in total revenue between 2018 and 2019?", "change"),
    ("What is X as a percentage of total sales in 2018?", "share"),
    ("What is the ratio of debt to equity?", "ratio"),
    ("What is the total annual fund operating expense for Class A?", ""),
    ("Who is the adviser?", ""),
    ("How many years did net income exceed $30,000 thousand?", "count"),
    ("How many components are there under alternative investments?", "count"),
    ("How many years of experience does the manager have?", ""),
    ("How many years has she managed the fund?", ""),
])
def test_the_operation_a_question_asks(question, expected):
    assert operation(question) == expected


def test_a_count_of_years_passing_a_threshold_quotes_each_year():
    text = ("Net sales by region\n\n| (in thousands) | 2019 | 2018 | 2017 |\n|---|---|---|---|\n"
            "| Americas | $180,000 | $210,500 | $205,000 |\n| Europe | $90,000 | $95,000 | $99,000 |\n")
    d = _read(text, "How many years did net sales from Americas exceed $200,000 thousand?")[0].derivation
    assert (d.operation, d.value, d.result) == ("count", "2", "2")
    assert [text[s.start:s.end] for s in d.operands] == ["2018", "2017"]


def test_a_count_of_the_rows_a_group_holds():
    text = ("Deferred taxes\n\n| | 2019 | 2018 |\n|---|---|---|\n| Deferred tax assets: | | |\n"
            "| Operating loss carryforwards | 5,271 | 4,100 |\n| Accrued expenses | 1,020 | 990 |\n| Other | 310 | 280 |\n"
            "| Total deferred tax assets | 6,601 | 5,370 |\n| Deferred tax liabilities: | | |\n| Depreciation | (900) | (850) |\n")
    d = _read(text, "How many components are there under deferred tax assets?")[0].derivation
    assert d.value == "3"
    assert [s.text for s in d.operands] == ["Operating loss carryforwards", "Accrued expenses", "Other"]


def test_a_count_the_table_cannot_list_gets_no_answer():
    assert _read(SALES, "How many years did the fund exceed its benchmark?") == []
