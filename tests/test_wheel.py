"""The built wheel, installed into a fresh venv and run from a folder outside the checkout.

The fresh venv gets its dependencies from the checkout's ``.venv`` through a ``.pth`` file (the
venv's own site-packages come first, so ``import qa`` is the installed wheel, never the
checkout); the wheel itself is installed with ``--no-deps``.  Slow: it builds the wheel, the
bundled index and answers real questions.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
FIVE = [
    {"id": "adviser-1", "question": "Who is the new adviser?", "answers": ["ClearBridge Advisors, LLC", "ClearBridge"]},
    {"id": "approved-1", "question": "When did the Board approve the new agreement?", "answers": ["August 10, 2006"]},
    {"id": "custodian-1", "question": "Who is the custodian?", "answers": [], "category": "unanswerable"},
    {"id": "terminated-1", "question": "Which adviser was terminated?",
     "answers": ["Janus Capital Management LLC", "Janus"], "evidence": [[168, 288]], "category": "prose"},
    {"id": "cap-1", "question": "What is the expense cap for Class A?", "answers": ["0.90%"]},
]


def _run(args: list, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{args}: {result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv bin folder, environment, a working folder outside the checkout)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(ROOT / "qa", source / "qa", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", base / "dist",
          source], base, dict(os.environ))
    wheel = next((base / "dist").glob("filing_qa-*.whl"))
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], base, dict(os.environ))
    site = Path(subprocess.run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "checkout-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run([sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", "--no-deps", wheel],
         base, dict(os.environ))
    work = base / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QA_CALIBRATION", "VIRTUAL_ENV")}
    env.update(QA_INDEX_DIR=str(base / "index"), PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}")
    return venv / "bin", env, work


def test_the_installed_package_is_the_wheel_not_the_checkout(installed):
    bin_dir, env, work = installed
    where = _run([bin_dir / "python", "-c", "import qa; print(qa.__file__)"], work, env).stdout.strip()
    assert str(ROOT) not in where and str(bin_dir.parent) in where


def test_qa_ask_builds_the_bundled_index_and_says_so(installed):
    bin_dir, env, work = installed
    result = _run([bin_dir / "qa", "ask", "When did the Board approve the new agreement?"], work, env)
    assert result.stdout.splitlines()[0] == "August 10, 2006"
    assert "building the index of the bundled filing" in result.stderr


@pytest.mark.parametrize("args", [["qa", "eval", "--help"], ["qa", "bench", "--help"], ["python", "-m", "qa", "--help"]])
def test_help(installed, args):
    bin_dir, env, work = installed
    result = _run([bin_dir / args[0], *args[1:]], work, env)
    assert result.stdout.startswith("usage:")


def test_qa_eval_on_a_five_question_gold_file(installed):
    bin_dir, env, work = installed
    gold = work / "five.jsonl"
    gold.write_text("".join(json.dumps(row) + "\n" for row in FIVE))
    _run([bin_dir / "qa", "eval", "--gold", gold, "--report", work / "out"], work, env)
    result = json.loads((work / "out" / "results.json").read_text())
    assert [q["id"] for q in result["questions"]] == [r["id"] for r in FIVE]
    assert result["integrated"]["all"]["n"] == 5 and result["integrated"]["all"]["em"] >= 50
    assert (work / "out" / "report.md").read_text().startswith("# Evaluation report")
    assert (work / "out" / "plots" / "risk_coverage.png").is_file()
    assert not (ROOT / "qa-eval").exists()
