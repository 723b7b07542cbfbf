"""Known answers from the real models over the real bundled index."""
import pytest

import qa
from qa.indexing.records import table_key
from qa.text.views import squash

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("question,expected", [
    ("Who is the new adviser?", "ClearBridge"),
    ("Which adviser was terminated?", "Janus"),
    ("When did the Board approve the new agreement?", "August 10, 2006"),
])
def test_known_answers(bundled_qa, question, expected):
    answer = bundled_qa.ask(question)
    assert answer.found, answer
    assert expected in answer.text
    _check_offsets(bundled_qa, answer)


def test_not_in_the_filing(bundled_qa):
    answer = bundled_qa.ask("Who is the custodian?")
    assert not answer.found and answer.text == "" and answer.start is None
    assert answer.evidence, "the closest passages are still returned"


def test_module_level_ask_uses_the_bundled_filing():
    answer = qa.ask("When did the Board approve the new agreement?")
    assert "August 10, 2006" in answer.text
    assert squash(qa.source_text(answer.doc_id)[answer.start:answer.end]) == answer.text


def _check_offsets(pipeline, answer):
    source = pipeline.source_text(answer.doc_id)
    assert squash(source[answer.start:answer.end]) == answer.text
    assert 0 <= answer.score <= 1
    assert answer.context_start <= answer.start < answer.end <= answer.context_end
    assert squash(source[answer.context_start:answer.context_end]) == answer.context or \
        answer.evidence[0].kind != "prose"
    for p in answer.evidence:
        assert p.doc_id == answer.doc_id and 0 <= p.start < p.end <= len(source)
    for alt in answer.alternatives:
        assert squash(source[alt.start:alt.end]) == alt.text


def test_every_answer_round_trips(bundled_qa):
    questions = ["What is ClearBridge's address?", "What is the 12b-1 fee for Class B shares?",
                 "What was the Russell 3000 Growth Index five year return?",
                 "Who co-manages the Portfolio?", "What will the Portfolio be renamed?"]
    for answer in bundled_qa.ask_many(questions):
        if answer.found:
            _check_offsets(bundled_qa, answer)


def test_in_memory_documents_and_doc_filter():
    one = "The custodian of the Alpha Fund is State Street Bank. The Alpha Fund was launched in 1999."
    two = "The custodian of the Beta Fund is JPMorgan Chase Bank. The Beta Fund was launched in 2004."
    pipeline = qa.QA.from_texts({"doc-1": one, "doc-2": two})
    answer = pipeline.ask("Who is the custodian?", doc_id="doc-2")
    assert answer.doc_id == "doc-2" and "JPMorgan" in answer.text
    assert all(p.doc_id == "doc-2" for p in answer.evidence)
    answer = pipeline.ask("When was the Alpha Fund launched?", doc_id="doc-1")
    assert "1999" in answer.text


def test_one_table_never_crowds_out_prose(bundled_qa):
    """Real index: over every gold question, at most two of the passages come from any one
    table (its cells or the whole table), so "What is the expense cap for Class A?" reads the
    expense limitation paragraph and not four table chunks."""
    from collections import Counter

    from qa.evaluation.gold import load_gold
    for row in load_gold():
        _, passages, _ = bundled_qa.candidates(row["question"])
        tables = Counter(table_key(p.chunk) for p in passages if p.chunk.kind in ("cell", "table") and table_key(p.chunk))
        assert max(tables.values(), default=0) <= 2, (row["question"], tables)
    assert bundled_qa.ask("What is the expense cap for Class A?").text == "0.90%"


def test_a_misspelled_query_term_finds_its_index_term():
    from qa.retrieval import _nearest_term
    terms = ["object", "billion", "depend", "risk", "12b-1"]
    vocab = {}
    for t in terms:
        vocab.setdefault(t[:2], []).append(t)
    assert _nearest_term(vocab, "objet") == "object"          # "objetive", stemmed
    assert _nearest_term(vocab, "bilion") == "billion"
    assert _nearest_term(vocab, "independ") is None           # not a misspelling of "depend"
    assert _nearest_term(vocab, "rsk") is None                # too short to guess
    assert _nearest_term(vocab, "12b-2") is None              # figures are never corrected


def test_a_span_read_in_a_pipe_table_is_kept_to_its_cell():
    """Real models, the neural reader alone over an in-memory pipe table: phrase completion does
    not run the span on over the next cells ("262 | $ 64.77")."""
    text = ("| Period | Total Number of Shares Purchased | Average Price Paid per Share |\n|---|---|---|\n"
            "| First month | 262 | $ 64.77 |\n| Second month | 309,635 | $ 2,150 |\n")
    pipeline = qa.QA.from_texts({"t": text}, qa.Settings(threshold=0.0))
    pipeline.readers = [r for r in pipeline.readers if r.name == "neural"]
    answer = pipeline.ask("What was the number of shares purchased from the first month?")
    assert answer.found and "|" not in answer.text, answer
