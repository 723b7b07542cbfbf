"""Bad input gets a QAError that says how to fix it (real models for the ask path)."""
import pytest

import qa
from qa.errors import QuestionError, SourceError, UnknownDocumentError
from qa.parsing.sources import decode, read_filing


@pytest.mark.parametrize("question", ["", "   ", "\x00\x01", "?!?", None, 42])
def test_bad_questions(bundled_qa, question):
    with pytest.raises(QuestionError):
        bundled_qa.ask(question)


def test_overlong_question(bundled_qa):
    with pytest.raises(QuestionError, match="under"):
        bundled_qa.ask("why " * 1000)


def test_unknown_document(bundled_qa):
    with pytest.raises(UnknownDocumentError, match="known:"):
        bundled_qa.ask("Who is the new adviser?", doc_id="nope")
    with pytest.raises(UnknownDocumentError):
        bundled_qa.source_text("nope")


def test_unreadable_files(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_filing(tmp_path / "missing.txt", 10**6)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        read_filing(tmp_path / "empty.txt", 10**6)
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    with pytest.raises(SourceError, match="binary"):
        read_filing(tmp_path / "bin.txt", 10**6)
    (tmp_path / "big.txt").write_text("x" * 2000)
    with pytest.raises(SourceError, match="limit"):
        read_filing(tmp_path / "big.txt", 1000)


def test_legacy_encodings_are_read():
    assert decode("Caf\u00e9 \u2014 fees".encode("cp1252")) == "Caf\u00e9 \u2014 fees"
    assert decode("na\u00efve \x81".encode("latin-1")) == "na\u00efve \x81"
    assert decode("line\r\nnext".encode("utf-8")) == "line\nnext"


def test_from_texts_rejects_empty():
    with pytest.raises(qa.QAError, match="empty"):
        qa.QA.from_texts({"a": "  "})
    with pytest.raises(qa.QAError, match="no filings"):
        qa.QA.from_texts({})
