"""Shared fixtures. Tests that load real models are marked ``slow`` (they still run in CI)."""
from __future__ import annotations

import pytest

from qa import bundled
from qa.sources import BUNDLED_FILE, BUNDLED_ID


@pytest.fixture(scope="session")
def filing_text() -> str:
    return BUNDLED_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled_qa():
    """The real pipeline over the real bundled index (built and saved if missing)."""
    return bundled.pipeline()


@pytest.fixture(scope="session")
def doc_id() -> str:
    return BUNDLED_ID
