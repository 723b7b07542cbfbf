"""The gold question/answer set itself (fast: no models, but for the last test, a harness run).

Checks the bundled gold set (``qa/evaluation/data/gold.jsonl``) against the bundled filing through
:func:`qa.evaluation.gold.validate`, its size and coverage, and that ``validate`` really
catches broken rows.
"""
from __future__ import annotations

import copy
import json

import pytest

from qa.evaluation.gold import BLIND_PATH, CATEGORIES, GOLD_PATH, load_gold, squash, validate
from qa.parsing.sources import BUNDLED_FILE

# Every cell of the filing's three tables: (row label, column label, cell text as printed).
TABLE_CELLS = [
    # Annual fee table
    ("Management Fee", "Class A", "0.64%"),
    ("Management Fee", "Class B", "0.64%"),
    ("12b-1 Fees", "Class A", "None"),
    ("12b-1 Fees", "Class B", "0.25%"),
    ("Other Expenses", "Class A", "0.05%"),
    ("Other Expenses", "Class B", "0.05%"),
    ("Total Annual Portfolio Operating Expense", "Class A", "0.69%"),
    ("Total Annual Portfolio Operating Expense", "Class B", "0.94%"),
    # Example of Portfolio Expenses
    ("1 Year", "Class A", "$71"),
    ("1 Year", "Class B", "$96"),
    ("3 Years", "Class A", "$221"),
    ("3 Years", "Class B", "$301"),
    ("5 Years", "Class A", "$385"),
    ("5 Years", "Class B", "$522"),
    ("10 Years", "Class A", "$861"),
    ("10 Years", "Class B", "$1,159"),
    # Average Annual Total Return as of 12/31/05
    ("Aggressive Growth Fund Class A shares (without sales charge)", "1 Year", "12.55%"),
    ("Aggressive Growth Fund Class A shares (without sales charge)", "5 Year", "1.66%"),
    ("Aggressive Growth Fund Class A shares (without sales charge)", "10 Year", "14.21%"),
    ("Russell 3000 Growth Index", "1 Year", "6.93%"),
    ("Russell 3000 Growth Index", "5 Year", "(8.87)%"),
    ("Russell 3000 Growth Index", "10 Year", "9.30%"),
]


@pytest.fixture(scope="module")
def source() -> str:
    return BUNDLED_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_gold()


def _good_row(rows, category):
    """A deep copy of the first row of a category, to break in a test."""
    return copy.deepcopy(next(r for r in rows if r["category"] == category))


def test_gold_file_is_valid(rows, source):
    problems = validate(rows, source)
    assert problems == [], "gold.jsonl problems:\n" + "\n".join(problems)


def test_gold_size(rows):
    assert len(rows) >= 120
    assert sum(r["category"] == "unanswerable" for r in rows) >= 15
    assert {r["category"] for r in rows} == set(CATEGORIES) | {"derived"}
    assert sum(r["category"] == "derived" for r in rows) >= 20


def test_ids_unique(rows):
    ids = [r["id"] for r in rows]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"


def test_every_table_cell_is_asked(rows):
    asked = {(r["row"], r["col"]): r for r in rows if r["category"] == "table"}
    missing = [(row, col) for row, col, _ in TABLE_CELLS if (row, col) not in asked]
    assert not missing, f"table cells never asked: {missing}"
    wrong = [(asked[(row, col)]["id"], asked[(row, col)]["answers"][0], value)
             for row, col, value in TABLE_CELLS if asked[(row, col)]["answers"][0] != value]
    assert not wrong, f"table rows with the wrong cell value (id, gold, filing): {wrong}"
    unknown = sorted({(r["row"], r["col"]) for r in rows if r["category"] == "table"}
                     - {(row, col) for row, col, _ in TABLE_CELLS})
    assert not unknown, f"table rows naming a cell the filing does not have: {unknown}"


def test_table_cell_values_are_in_filing(source):
    squashed = squash(source)
    assert all(value in squashed for _, _, value in TABLE_CELLS)


def test_load_gold_reports_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a-1"}\n\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:3"):
        load_gold(path)


def test_load_gold_default_path():
    assert GOLD_PATH.name == "gold.jsonl" and GOLD_PATH.exists()


def test_validate_catches_answer_not_in_source(rows, source):
    row = _good_row(rows, "prose")
    row["answers"] = row["answers"] + ["Pacific Investment Management Company"]
    problems = validate([row], source)
    assert problems and all(p.startswith(row["id"] + ":") for p in problems)
    assert any("Pacific Investment Management Company" in p for p in problems)


def test_validate_catches_shifted_offsets(rows, source):
    row = _good_row(rows, "table")
    start, end = row["evidence"][0]
    row["evidence"] = [[start + 1, end + 1]]
    problems = validate([row], source)
    assert any(row["id"] in p for p in problems)


def test_validate_catches_offsets_outside_text(rows, source):
    row = _good_row(rows, "prose")
    row["evidence"] = [[len(source) - 5, len(source) + 10]]
    assert any("outside the text" in p for p in validate([row], source))


def test_validate_catches_list_mismatch(rows, source):
    row = _good_row(rows, "list")
    row["items"] = row["items"][:-1] + ["Liquidity risk"]
    row["answers"] = ["; ".join(row["items"])]
    problems = validate([row], source)
    assert any("Liquidity risk" in p for p in problems)


def test_validate_catches_structural_problems(rows, source):
    table = _good_row(rows, "table")
    del table["col"]
    unanswerable = _good_row(rows, "unanswerable")
    unanswerable["answers"] = ["0.65%"]
    bad_category = _good_row(rows, "number")
    bad_category["category"] = "numeric"
    empty_question = _good_row(rows, "prose")
    empty_question["question"] = "  "
    duplicate = copy.deepcopy(empty_question)
    problems = validate([table, unanswerable, bad_category, empty_question, duplicate], source)
    text = "\n".join(problems)
    assert "'col'" in text
    assert "unanswerable row must have empty answers" in text
    assert "category 'numeric'" in text
    assert "question must be a non-empty string" in text
    assert "duplicate id" in text


def test_gold_rows_are_plain_json(rows):
    for row in rows:
        assert json.loads(json.dumps(row)) == row


def test_harness_runs_every_answerable_question_isolated_too(bundled_qa):
    """Real models: the isolated mode (readers handed the gold passage) scores each answerable row."""
    from qa.evaluation.gold import load_gold
    from qa.evaluation.harness import run
    rows = [r for r in load_gold() if r["category"] == "table"][:2] + \
           [r for r in load_gold() if r["category"] == "unanswerable"][:1]
    integrated, isolated = run(bundled_qa, rows)
    assert len(integrated) == 3
    assert [r["id"] for r in isolated] == [r["id"] for r in rows[:2]]


# -- the blind set ----------------------------------------------------------------------------
def test_blind_set_is_valid_and_apart_from_gold(rows, source):
    """The blind set: valid rows (checked together with gold, so no id is shared), every
    category, and no question copied from the gold set."""
    blind = load_gold(BLIND_PATH)
    problems = validate(rows + blind, source)
    assert problems == [], "blind.jsonl problems:\n" + "\n".join(problems)
    assert len(blind) >= 40
    assert {r["category"] for r in blind} == set(CATEGORIES)
    assert sum(r["category"] == "unanswerable" for r in blind) >= 8
    asked = {squash(r["question"]).lower() for r in rows}
    assert not [r["id"] for r in blind if squash(r["question"]).lower() in asked]


def test_report_gives_blind_figures_but_no_blind_question():
    """Plumbing (a made-up result, no models): the blind set appears as aggregate figures only."""
    from qa.evaluation import report
    figures = {"all": {"n": 2, "em": 50.0, "f1": 60.0}, "prose": {"n": 2, "em": 50.0, "f1": 60.0}}
    result = {"integrated": {"all": {"n": 1, "em": 100.0}}, "blind": figures}
    table = report.summary_table(result)
    assert "Blind set" in table and "| prose | 2 | 50 | 60 |" in table
    assert report.summary_table({"integrated": {"all": {"n": 1}}}).count("|---|") == 1
