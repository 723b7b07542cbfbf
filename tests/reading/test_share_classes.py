"""Which share class a question and a table cell name (qa.reading.readers.table_context), no model.

The cells here are plain records standing in for index chunks: only the fields the checks
read (kind, text, meta.title) are given."""
from dataclasses import dataclass

import pytest

from qa.reading.readers.table_context import contrary_cell, other_class
from qa.understanding.questions import analyse
from qa.understanding.share_classes import classes_named, filing_classes, unknown_class


@dataclass(frozen=True)
class _Meta:
    title: str


@dataclass
class _Cell:
    text: str
    kind: str = "cell"
    meta: _Meta = _Meta("Average Annual Total Returns")


@pytest.mark.parametrize("text, classes", [
    ("Aggressive Growth Fund Class A shares (without sales charge)", [{"a"}]),
    ("Vanguard Windsor II Fund Investor Shares", [{"investor"}]),
    ("What is the Admiral Shares 5-year return?", [{"admiral"}]),
    ("What was the Investor Class 1-year return?", [{"investor"}]),
    ("Institutional Class 10 year expense example", [{"institutional"}]),
    ("the R6 class", [{"r6"}]),
    ("Which Class has the lowest fee?", []),
    ("Fund Shares", []),
])
def test_the_classes_a_text_names(text, classes):
    assert [set(c) for c in classes_named(text)] == classes


@pytest.mark.parametrize("question, labels, other", [
    ("What is the 1-year return after taxes on distributions for Class C shares?",
     " — Institutional Class Shares — Return After Taxes on Distributions — 1 Year: 5.55%", True),
    ("What is the Class I 1-year return?", " — Institutional Class — Return Before Taxes — 1 Year: 5.55%", False),
    ("What is the Class I 1-year return?", " — Return Before Taxes — 1 Year: 5.55%", False),
    ("one-year return of the comparable fund class A",
     " — Aggressive Growth Fund Class A shares (without sales charge) — 1 Year: 12.55%", False),
    ("What was the 1-year return?", " — Investor Class — Return Before Taxes — 1 Year: 5.55%", False),
])
def test_a_cell_of_another_class_does_not_answer(question, labels, other):
    cell = _Cell("Average Annual Total Returns" + labels)
    assert other_class(analyse(question, 500), cell) is other


@pytest.mark.parametrize("question, labels, contrary", [
    ("What is the 1-year return after taxes on distributions?", " — Class A — Return before taxes — 1 year: 9.85%", True),
    ("What is the 1-year return after taxes on distributions?", " — Class A — Return after taxes on distributions — 1 year: 9.85%", False),
    ("What is the gross expense ratio?", " — Total Annual Fund Operating Expenses (net) — Class A: 0.9%", True),
    ("What is the 1-year return?", " — Class A — Return before taxes — 1 year: 9.85%", False),
])
def test_a_cell_saying_the_opposite_does_not_answer(question, labels, contrary):
    cell = _Cell("Average Annual Total Returns" + labels)
    assert contrary_cell(analyse(question, 500), cell) is contrary


FILING = "Class A | Class C | Class I | Class R6\nINSTITUTIONAL CLASS SHARES are offered to ..."


@pytest.mark.parametrize("question, unknown", [
    ("What is the 12b-1 fee for Class R shares?", True),          # R is not R6
    ("What is the maximum sales charge for Class T shares?", True),
    ("What is the 12b-1 fee for Class R6 shares?", False),
    ("What is the management fee for Institutional shares?", False),
    ("What is the Class I management fee?", False),
    ("What is the management fee?", False),                      # names no class
])
def test_a_question_naming_a_class_the_filing_never_names(question, unknown):
    assert unknown_class(classes_named(question), filing_classes(FILING)) is unknown


def test_a_filing_naming_no_class_leaves_every_question_open():
    assert not unknown_class(classes_named("What is the Class T fee?"), filing_classes("The Fund offers one class of shares."))


def test_a_table_header_naming_classes_by_code_names_the_filings_classes():
    """"| Expenses ($) | A | C | I | R2 |": Class C is one of the filing's classes."""
    filing = "The fund offers shares.\n\n| Expenses ($) | A | C | I | R2 |\n|---|---|---|---|---|\n| 1 year | 608 | 289 | 88 | 127 |\n"
    assert not unknown_class(classes_named("What is the 12b-1 fee on Class C?"), filing_classes(filing))
    assert unknown_class(classes_named("What is the 12b-1 fee on Class T?"), filing_classes(filing))
