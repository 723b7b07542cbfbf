"""Features of the calibrated confidence model (qa.reading.confidence)."""
from qa.reading import confidence


def test_names_share_counts_the_question_names_the_answer_sentence_uses():
    sentence = "ClearBridge's address is 399 Park Avenue, New York, New York 10022."
    assert confidence._names_share("What is Janus's address?", sentence) == 0.0
    assert confidence._names_share("What is ClearBridge's address?", sentence) == 1.0
    assert confidence._names_share("what is the address", sentence) == 1.0       # no names: neutral
    assert confidence._names_share("do foreign stocks carry more risk than US ones",
                                   "greater risk than securities of U.S. issuers") == 1.0


def test_the_feature_vector_matches_the_feature_names(bundled_qa):
    _, passages, cands = bundled_qa.candidates("Where is ClearBridge located?")
    neural = [c for c in cands if c.method == confidence.CALIBRATED]
    assert neural and all(len(c.vector) == len(confidence.FEATURES) for c in neural)
    assert all(0.0 <= v <= 1.0 for c in neural for v in c.vector[5:])
