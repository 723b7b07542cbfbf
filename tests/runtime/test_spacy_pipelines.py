"""The trimmed spaCy pipelines (no shared tok2vec) give what the full pipeline gives.

The senter and the ner of en_core_web_sm carry their own token embedding; the shared
``tok2vec`` component only feeds the tagger and parser, so leaving it out must not change a
sentence boundary or an entity.  Loads spaCy (slow tier).
"""
import pytest

from qa.runtime import models

TEXTS = [
    "The Fund seeks long-term capital appreciation. It invests at least 80% of its net assets in "
    "equity securities of U.S. companies. Mr. Smith, CFA, has managed the Fund since 2019.",
    "On August 10, 2006, the Board of Trustees of Met Investors Series Trust approved a new "
    "agreement with ClearBridge Advisors, LLC. The change takes effect on or about May 1, 2025!",
    "Class A shares: 0.25% of average daily net assets; Class C shares: 1.00%. See “Fees” on p. 12.",
]


@pytest.mark.slow
def test_sentences_and_entities_match_the_full_pipeline():
    full = models._spacy()
    sentences, entities = models.sentencizer(), models.entity_tagger()
    assert "tok2vec" not in sentences.pipe_names and "tok2vec" not in entities.pipe_names
    with full.select_pipes(enable=["tok2vec", "senter"]):
        full.enable_pipe("senter")
        want_sents = [[s.text for s in doc.sents] for doc in full.pipe(TEXTS)]
    with full.select_pipes(enable=["tok2vec", "ner"]):
        want_ents = [[(e.text, e.label_) for e in doc.ents] for doc in full.pipe(TEXTS)]
    assert [[s.text for s in doc.sents] for doc in sentences.pipe(TEXTS)] == want_sents
    assert [[(e.text, e.label_) for e in doc.ents] for doc in entities.pipe(TEXTS)] == want_ents
    assert any(len(s) > 1 for s in want_sents) and any(want_ents)
