"""The package tree is the architecture: no import cycles, a thin top level, layers kept.

The layer order itself is import-linter's contract in pyproject.toml (``lint-imports``);
these checks need no model and run in the fast tier.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent


def test_no_import_cycles_between_modules():
    graph = grimp.build_graph("qa", include_external_packages=False)
    cycles = []
    for importer in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported.startswith(importer + ".") or importer.startswith(imported + "."):
                continue                                # a package and its own modules
            if graph.chain_exists(importer=imported, imported=importer):
                cycles.append((importer, imported))
    assert cycles == []


def test_top_level_stays_thin():
    modules = [p.name for p in (ROOT / "qa").glob("*.py")]
    assert len(modules) <= 10, sorted(modules)


def test_import_layers_contract_is_kept():
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
