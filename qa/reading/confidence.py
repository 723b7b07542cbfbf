"""The neural reader's confidence as a calibrated probability that its answer is right.

A neural candidate gets a few features (the margin of its span over the null
answer, the span's own probability, whether its type fits the question, the
passage's rank, how many of the question's terms the passage and the answer's own
sentence hold, how much of the answer the question already says, whether the
answer's sentence uses the names the question uses, how many other passages
proposed the same text); a logistic model over them, fitted on the gold set by ``qa eval --calibrate`` and
shipped in ``qa/calibration.json`` and applied by the pipeline's
:class:`qa.reading.calibration.Calibrator`, gives the probability.  The structural
readers (table, list, schedule, respectively, change) keep their own scores: they fire rarely and are
precise when they do.  Without a fitted model (or one made for another reader)
the neural reader's own score is used.

Not handled: per-document calibration; the model is fitted on one filing's
questions and assumes other filings behave alike.
"""
from __future__ import annotations

from qa.text import lexical
from qa.understanding.questions import NAME, proper_names

CALIBRATED = "neural"
FEATURES = ["margin", "span_prob", "type_ok", "type_bad", "rank", "coverage", "cell",
            "sentence_coverage", "echo", "names", "support"]


def features(cand, passage, question, source: str) -> list[float]:
    """The feature vector of one candidate (see ``FEATURES``); ``source`` is the filing's text.

    coverage: share of the question's terms in the passage (and its heading);
    sentence_coverage: the same for the sentence(s) the answer stands in;
    echo: share of the answer's own terms that the question already says (an answer that
    repeats the question, "Defensive investing" for "downside of going defensive?", is rarely right);
    names: share of the names the question uses ("Janus" in "What is Janus's address?") that the
    answer's sentence uses too (1 when it uses none).
    """
    f = cand.scores
    wanted = set(question.terms)

    def share(text: str) -> float:
        return len(wanted & lexical.term_set(text)) / len(wanted) if wanted else 0.0
    answer = lexical.term_set(source[cand.start:cand.end])
    echo = len(answer & wanted) / len(answer) if answer else 0.0
    typed = f.type_ok if f else None
    sentence = _sentence(cand, passage, source)
    return [max(-10.0, min(15.0, f.margin if f else 0.0)) / 5.0, f.span_prob if f else 0.0,
            float(typed is True), float(typed is False), min(passage.rank, 10) / 5.0,
            share(passage.view.text + " " + passage.chunk.heading), float(passage.chunk.kind == "cell"),
            share(sentence), echo, _names_share(question.text, sentence), 0.0]   # support: set later


def _names_share(question: str, sentence: str) -> float:
    names = {n.replace(".", "") for n in proper_names(question)}
    said = {w.lower().replace(".", "") for w in NAME.findall(sentence)}     # "US" is "U.S."
    return len(names & said) / len(names) if names else 1.0


def _sentence(cand, passage, source: str) -> str:
    """The text of the passage's units (sentences, bullets) that the candidate overlaps, or the
    passage's text when it has none (a table cell)."""
    units = [u for u in passage.chunk.units if u[0] < cand.end and cand.start < u[1]]
    return source[units[0][0]:units[-1][1]] if units else passage.view.text


def with_support(vector: list[float], passages: int) -> list[float]:
    """The vector with its support feature: how many other passages read proposed the same
    answer text (0, 1, 2 or more, scaled to 0..1)."""
    return vector[:-1] + [min(2, passages) / 2.0]
