"""The ``qa`` command line, run as a user would run it (real models, bundled index)."""
import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def run(*args):
    return subprocess.run([sys.executable, "-m", "qa.serving.cli", *args], capture_output=True, text=True,
                          timeout=300)


def test_ask_prints_answer_score_and_context():
    result = run("ask", "When did the Board approve the new agreement?")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "August 10, 2006"
    assert "confidence" in lines[1] and "[[August 10, 2006]]" in result.stdout


def test_ask_json():
    result = run("ask", "Who is the new adviser?", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["found"] and "ClearBridge" in data["text"] and data["evidence"]


def test_empty_question_is_a_one_line_error():
    result = run("ask", "   ")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


def test_index_build_and_ask_it(tmp_path):
    filing = tmp_path / "alpha.txt"
    filing.write_text("The custodian of the Alpha Fund is State Street Bank and Trust Company.\n")
    out = tmp_path / "ix"
    result = run("index", "build", str(filing), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    result = run("ask", "Who is the custodian?", "--index", str(out))
    assert result.returncode == 0 and "State Street" in result.stdout
    result = run("index", "build", str(tmp_path / "missing.txt"), "--out", str(out))
    assert result.returncode == 2 and "no such file" in result.stderr
