"""A user's own gold file: defaults, document resolution and every validation error (no model)."""
import json

import pytest

from qa.evaluation.user_gold import GoldError, user_set
from qa.parsing.sources import BUNDLED_ID


def _write(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def test_minimal_rows_get_ids_categories_and_the_bundled_filing(tmp_path):
    gold = user_set(_write(tmp_path / "g.jsonl", [{"question": "Who is the new adviser?", "answers": ["ClearBridge"]},
                                                   {"question": "Who is the custodian?", "answers": []}]))
    assert [r["id"] for r in gold.rows] == ["q1", "q2"]
    assert [r["category"] for r in gold.rows] == ["answerable", "unanswerable"]
    assert gold.texts is None and not gold.blind                     # asked of the bundled index
    assert all("doc_id" not in r and r["evidence"] == [] for r in gold.rows)
    assert gold.label == "`g.jsonl`"


def test_rows_name_their_filing_by_file_name_path_or_id(tmp_path):
    a = tmp_path / "alpha.txt"
    a.write_text("The custodian of the Alpha Fund is State Street Bank and Trust Company.\n")
    b = tmp_path / "beta.txt"
    b.write_text("The custodian of the Beta Fund is JPMorgan Chase Bank.\n")
    rows = [{"question": "Custodian?", "answers": ["State Street Bank and Trust Company"], "doc": "alpha.txt"},
            {"question": "Custodian?", "answers": ["JPMorgan Chase Bank"], "doc": str(b)},
            {"question": "Custodian?", "answers": ["JPMorgan Chase Bank"], "doc": "beta",
             "evidence": [[0, 53]]}]
    gold = user_set(_write(tmp_path / "g.jsonl", rows), [a, b])
    assert [r["doc_id"] for r in gold.rows] == ["alpha", "beta", "beta"]
    assert set(gold.texts) == {"alpha", "beta"} and gold.names["alpha"] == "alpha.txt"


@pytest.mark.parametrize("row, message", [
    ({"answers": ["x"]}, "needs a 'question'"),
    ({"question": "q"}, "needs 'answers'"),
    ({"question": "q", "answers": "x"}, "needs 'answers'"),
    ({"question": "q", "answers": [], "category": "prose"}, "answers must be [] exactly when"),
    ({"question": "q", "answers": ["x"], "category": "unanswerable"}, "answers must be [] exactly when"),
    ({"question": "q", "answers": ["x"], "doc": "other.htm"}, "doc 'other.htm' is not one of the filings"),
    ({"question": "q", "answers": ["x"], "evidence": [[5]]}, "evidence must be a list of [start, end]"),
    ({"question": "q", "answers": ["x"], "evidence": [[10, 5]]}, "outside the text"),
    ({"question": "q", "answers": ["Vanguard"], "evidence": [[168, 288]]}, "not in any evidence range"),
    ({"question": "q", "answers": [], "evidence": [[168, 288]]}, "evidence must be [] for a question"),
    ({"id": "", "question": "q", "answers": []}, "id must be a non-empty string"),
])
def test_each_problem_names_its_row_and_says_what_to_fix(tmp_path, row, message):
    with pytest.raises(GoldError, match="problem") as err:
        user_set(_write(tmp_path / "g.jsonl", [row]))
    assert message in str(err.value)


def test_all_problems_come_at_once(tmp_path):
    rows = [{"id": "a", "question": "q", "answers": []}, {"id": "a", "question": "q", "answers": []},
            {"question": "", "answers": []}]
    with pytest.raises(GoldError) as err:
        user_set(_write(tmp_path / "g.jsonl", rows))
    text = str(err.value)
    assert "2 problem(s)" in text and "a: id used twice" in text and "q3: needs a 'question'" in text


def test_several_filings_need_a_doc_and_unreadable_files_say_so(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Alpha text.\n")
    b.write_text("Beta text.\n")
    with pytest.raises(GoldError, match="name its filing in 'doc'"):
        user_set(_write(tmp_path / "g.jsonl", [{"question": "q", "answers": []}]), [a, b])
    with pytest.raises(GoldError, match="cannot read the gold file"):
        user_set(tmp_path / "missing.jsonl")
    with pytest.raises(GoldError, match="g2.jsonl:2: not valid JSON"):
        user_set(_write(tmp_path / "g2.jsonl", [{"question": "q", "answers": []}, "{oops"]))
    with pytest.raises(GoldError, match="holds no questions"):
        user_set(_write(tmp_path / "g3.jsonl", [""]))


def test_the_bundled_id_names_the_bundled_filing(tmp_path):
    gold = user_set(_write(tmp_path / "g.jsonl", [{"question": "q", "answers": [], "doc": BUNDLED_ID}]))
    assert gold.rows[0]["doc"] == BUNDLED_ID


def test_the_readme_example_rows_are_valid():
    """The gold-file example in the README's *Your own questions* passes the check."""
    from pathlib import Path

    from qa.evaluation.user_gold import checked
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("### Your own questions", 1)[1]
    raw = [json.loads(line) for line in section.splitlines() if line.startswith('{"id"')]
    rows, problems = checked(raw, {"alpha-485bpos": "text"}, {"alpha-485bpos.htm": "alpha-485bpos"})
    assert len(raw) == 2 and problems == []
    assert [r["category"] for r in rows] == ["prose", "unanswerable"]
