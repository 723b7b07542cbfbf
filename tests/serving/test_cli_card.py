"""The answer card of ``qa ask``: where the answer stands, with its page for a PDF (fast: a stub pipeline)."""
from __future__ import annotations

import json

from qa.answer import Answer
from qa.serving import cli


def _stub(monkeypatch, answer: Answer) -> None:
    class StubPipeline:               # stands in for QA: no index, no model
        def ask(self, question, doc_id=None):
            return answer
    monkeypatch.setattr(cli, "_pipeline", lambda args: StubPipeline())


def _answer(**kw) -> Answer:
    return Answer(question="Class A fee?", text="0.75%", found=True, score=0.9, doc_id="fees", start=120,
                  end=125, context="Management Fee 0.75%", context_start=105, context_end=125, method="table", **kw)


def test_the_card_names_the_page_of_a_pdf_answer(monkeypatch, capsys):
    _stub(monkeypatch, _answer(page=3))
    assert cli.main(["ask", "Class A fee?"]) == 0
    assert "· fees · page 3 · characters 120-125 · table" in capsys.readouterr().out
    assert cli.main(["ask", "Class A fee?", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["page"] == 3


def test_a_text_answer_has_no_page(monkeypatch, capsys):
    _stub(monkeypatch, _answer())
    assert cli.main(["ask", "Class A fee?"]) == 0
    out = capsys.readouterr().out
    assert "page" not in out and "· fees · characters 120-125 · table" in out
