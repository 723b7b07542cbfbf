"""Shared fixtures. Tests that load real models are marked ``slow`` (they still run in CI)."""
from __future__ import annotations

import pytest

from qa import bundled
from qa.parsing.sources import BUNDLED_FILE, BUNDLED_ID


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


@pytest.fixture(scope="session")
def stacked_table() -> str:
    """A stacked pipe table: a block per fiscal year, each under its own header rows (one with
    a footnote marker), a label-less row of amounts, and a block under a row that is only a year."""
    return ("|  |  |  | Fiscal 2019 |  |\n|  | First | Second | Third |  |\n"
            "|  | Quarter | Quarter | Quarter (1) | Total |\n|---|---|---|---|---|\n"
            "| Revenues | $94,888 | $96,037 | $88,495 | $279,420 |\n"
            "|  | 30 | 22 |  |  |\n"
            "|  |  |  | Fiscal 2018 |  |\n|  | First | Second | Third |  |\n"
            "|  | Quarter | Quarter | Quarter | Total |\n"
            "| Revenues | $88,081 | $89,767 | $93,669 | $271,517 |\n"
            "| 2017 |  |  |  |  |\n"
            "| Revenues | $80,001 | $81,002 | $82,003 | $243,006 |\n")
