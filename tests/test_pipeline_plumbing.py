"""The pipeline's plumbing with fakes (no models): offsets, abstention, the store, errors.

Plumbing only: :class:`tests.fakes.FakeEmbedder` replaces the embedder and
:class:`tests.fakes.FakeSpanReader` the trained span reader (the structural readers are the
real ones); answers here say nothing about quality.  The real-model tests are in
test_pipeline.py."""
import pytest

from qa.errors import UnknownDocumentError
from qa.pipeline import QA
from qa.reading.readers import default_readers
from qa.runtime import models
from tests.fakes import FakeEmbedder, FakeSpanReader

TEXT = ("Fund Summary\n\nThe Fund seeks long-term growth of capital.\n\n"
        "The management fee is 0.75% of average daily net assets. The Fund's custodian is "
        "State Street Bank and Trust Company.\n\nPortfolio turnover was 42% of the average value of its portfolio.\n")


@pytest.fixture
def fake_models(monkeypatch):
    monkeypatch.setattr(models, "embedder", lambda precision="fp32": FakeEmbedder())
    monkeypatch.setattr(models, "reader_available", lambda: False)


def _qa(texts=None, **kwargs):
    data = QA.from_texts(texts or {"doc": TEXT}).data
    return QA(data, readers=[r for r in default_readers(data) if r.name != "typed"] + [FakeSpanReader()], **kwargs)


def test_an_answer_is_a_span_of_the_source_text(fake_models):
    qa = _qa()
    answer = qa.ask("What was portfolio turnover?")
    assert answer.found and answer.method == "fake"
    source = qa.source_text("doc")
    assert source[answer.start:answer.end] == answer.text == "42%"
    assert all(source[s.start:s.end] == s.text for s in answer.spans)
    assert answer.context_start <= answer.start < answer.end <= answer.context_end


def test_nothing_above_the_threshold_is_an_abstention_with_alternatives(fake_models):
    answer = _qa().ask("Who audits the financial statements of the registrant?")
    assert not answer.found and answer.text == ""
    assert answer.evidence, "the passages read are still shown"


def test_a_saved_index_loads_and_answers_the_same(fake_models, tmp_path):
    qa = _qa()
    qa.save(tmp_path / "idx")
    loaded = QA.load(tmp_path / "idx")
    loaded = QA(loaded.data, readers=[r for r in default_readers(loaded.data) if r.name != "typed"] + [FakeSpanReader()])
    for question in ("What was portfolio turnover?", "What is the management fee?"):
        a, b = qa.ask(question), loaded.ask(question)
        assert (a.text, a.start, a.end, a.found) == (b.text, b.start, b.end, b.found)


def test_asking_one_document_reads_only_it_and_an_unknown_one_is_an_error(fake_models):
    qa = _qa({"a": TEXT, "b": "Other filing.\n\nThe sales charge is 5.75% of the offering price.\n"})
    assert qa.ask("What is the sales charge?", "b").doc_id == "b"
    assert all(p.doc_id == "a" for p in qa.ask("What is the sales charge?", "a").evidence)
    with pytest.raises(UnknownDocumentError):
        qa.ask("What is the sales charge?", "c")
