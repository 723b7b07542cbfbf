"""A PDF printed from the bundled supplement answers the gold table and number questions as the text does.

The PDF (``data/supplement.pdf``) was made by ``python tests/parsing/make_pdf.py
qa/data/met-investors-janus-aggressive-growth-supplement-2006-09-22.txt tests/parsing/data/supplement.pdf``.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.evaluation.gold import GOLD_PATH as GOLD
from qa.pipeline import QA

PDF = Path(__file__).parent / "data" / "supplement.pdf"


@pytest.mark.slow
def test_pdf_answers_table_and_number_questions_as_the_text_does(bundled_qa, doc_id):
    questions = [q for q in map(json.loads, GOLD.read_text().splitlines())
                 if q["category"] in ("table", "number")]
    pdf_qa = QA.from_files([PDF])
    pdf_doc = pdf_qa.documents[0]
    differ = []
    for q in questions:
        want, got = bundled_qa.ask(q["question"], doc_id=doc_id), pdf_qa.ask(q["question"], doc_id=pdf_doc)
        if (want.found, want.text) != (got.found, got.text):
            differ.append((q["id"], want.text, got.text))
        if got.found:
            source = pdf_qa.source_text(pdf_doc)
            assert " ".join(source[got.start:got.end].split()) == got.text.split("; ")[0] or got.spans
            assert got.page is not None and got.page >= 1
    same = 1 - len(differ) / len(questions)
    assert len(questions) >= 50
    assert same >= 0.95, f"{len(differ)} of {len(questions)} answers differ: {differ}"
