"""An installed (non-editable) copy of the package carries every data file the code reads."""
import fnmatch
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout to list tracked files")
def test_every_tracked_data_file_under_qa_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["qa"]
    tracked = subprocess.run(["git", "ls-files", "qa"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    data = [Path(f).relative_to("qa").as_posix() for f in tracked if not f.endswith(".py")]
    assert data, "git ls-files found no data files under qa/"
    missing = [f for f in data if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert not missing, f"add these to [tool.setuptools.package-data] in pyproject.toml: {missing}"
