"""The real-filings question sets are well formed, and no blind set shares a filing with a dev set."""
import pytest

from eval import filings


@pytest.mark.parametrize("name", list(filings.SETS))
def test_every_set_validates(name):
    rows = filings.load_set(filings.SETS[name])
    assert rows and filings.validate(rows) == []


def test_blind_sets_share_no_filing_with_a_dev_set():
    docs = {name: {row["doc"] for row in filings.load_set(path)} for name, path in filings.SETS.items()}
    dev = docs["dev"] | docs["dev2"] | docs["dev3"] | docs["dev4"] | docs["dev5"] | docs["dev6"] | docs["dev7"] | docs["dev8"]
    assert not dev & (docs["blind"] | docs["blind2"])
    assert docs["dev4"] <= docs["dev3"] and docs["dev5"] <= docs["dev2"]     # new questions, same filings
    assert not (docs["dev"] | docs["blind"]) & (docs["dev2"] | docs["blind2"] | docs["dev3"])
    assert not docs["dev2"] & docs["dev3"]
    assert not docs["dev6"] & (docs["dev"] | docs["dev2"] | docs["dev3"])
    assert not docs["dev7"] & (docs["dev"] | docs["dev2"] | docs["dev3"] | docs["dev6"])
    assert not docs["dev8"] & (docs["dev"] | docs["dev2"] | docs["dev3"] | docs["dev6"] | docs["dev7"])


def test_misses_are_listed_for_dev_sets_only():
    assert set(filings.DEV_SETS) == {"dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8"}
