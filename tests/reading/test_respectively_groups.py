"""Which values a "respectively" sentence pairs with which labels (no model loaded)."""
import pytest

from qa.reading.readers.respectively import groups


def _pairs(sentence):
    return [([sentence[a:b] for a, b in values], [sentence[a:b] for a, b in labels])
            for values, labels, _ in groups(sentence)]


@pytest.mark.parametrize("sentence, values, labels", [
    ("The minimum investment amount required to open a Fund account for Institutional Shares or "
     "Institutional Plus Shares is $5 million or $100 million, respectively.",
     ["$5 million", "$100 million"], ["Institutional Shares", "Institutional Plus Shares"]),
    ("The minimum investment for Investor Shares and Admiral Shares is $3,000 and $50,000, respectively.",
     ["$3,000", "$50,000"], ["Investor Shares", "Admiral Shares"]),
    ("Total expenses for the Class A and Class B shares will not exceed 0.90% and 1.15%, respectively.",
     ["0.90%", "1.15%"], ["Class A", "Class B"]),
])
def test_values_pair_with_the_coordinated_labels(sentence, values, labels):
    assert _pairs(sentence) == [(values, labels)]


def test_names_that_share_no_last_word_are_not_labels():
    assert _pairs("The fees for Vanguard and the Index are 0.10% and 0.20%, respectively.") == []
