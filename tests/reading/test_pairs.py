"""Amounts a sentence pairs with share classes without "respectively" (qa.reading.readers.pairs), no model."""
from qa.reading.readers.pairs import paired
from qa.understanding.lexicon import class_words

SENTENCE = ("The minimum initial investment in the Fund is $1,000 to purchase Investor Class shares and $100,000 "
            "to purchase Institutional Class shares.")


def _amount(sentence, name):
    found = paired(sentence, class_words(name))
    return sentence[found[0]:found[1]] if found else None


def test_the_amount_in_the_part_naming_the_class():
    assert _amount(SENTENCE, "Institutional Class") == "$100,000"
    assert _amount(SENTENCE, "Investor Class shares") == "$1,000"


def test_no_amount_for_a_class_not_named_or_a_class_without_its_own_amount():
    assert _amount(SENTENCE, "Class A") is None
    assert _amount("Class A shares pay 0.25% and Class C shares pay 1.00%, and the fee is lower for Class I.",
                   "Class C") is None
    assert _amount("The minimum initial investment for Class A shares is $2,500.", "Class A") is None
