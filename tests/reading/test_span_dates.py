"""Neural spans: a date span over a sentence end is cut to its last date, a span over a paragraph
break is cut at it (no model); what an investor would pay is no rate, and a ticker a word in
capitals (real models)."""
from qa.indexing.records import Chunk
from qa.reading.readers.base import Candidate
from qa.reading.readers.neural import _last_of_kind
from qa.understanding.questions import analyse

TEXT = ("Jane Roe, CFA, Portfolio Manager at Vanguard. She has co-managed the Fund since 2023. "
        "Aurélie Denis, CFA, Portfolio Manager at Vanguard. She has co-managed the Fund since February 2025.")


def _cut(question: str, span_text: str) -> str:
    start = TEXT.index(span_text)
    ends = [i + 1 for i, ch in enumerate(TEXT) if ch == "."]
    units = tuple(zip([0] + [e + 1 for e in ends[:-1]], ends))
    chunk = Chunk("d", "prose", 0, len(TEXT), "", TEXT, units=units)
    cand = Candidate("d", start, start + len(span_text), 0.9, 0, "neural")
    got = _last_of_kind(cand, chunk, analyse(question, 500), TEXT)
    return TEXT[got.start:got.end]


def test_a_date_span_over_two_sentences_is_its_last_date():
    assert _cut("Since when has Aurélie Denis co-managed the fund?",
                "2023. Aurélie Denis, CFA, Portfolio Manager at Vanguard. She has co-managed the Fund since February 2025") \
        == "February 2025"


def test_a_span_inside_one_sentence_is_left_alone():
    assert _cut("Since when has Jane Roe co-managed the fund?", "since 2023") == "since 2023"


def test_a_question_not_about_a_date_is_left_alone():
    span = "2023. Aurélie Denis"
    assert _cut("Who co-manages the fund?", span) == span


def test_a_span_over_a_paragraph_break_is_cut_at_it():
    from qa.reading.readers.neural import _within_paragraph
    text = "Shares are listed on NYSE Arca\n\nVanguard FTSE All-World ex-US Small-Cap Index Fund ETF Shares (VSS)"
    start = text.index("NYSE")
    cand = Candidate("d", start, text.index(" All-World"), 0.9, 0, "neural")
    assert text[slice(*_span(_within_paragraph(cand, text)))] == "NYSE Arca"
    inside = Candidate("d", start, start + 4, 0.9, 0, "neural")
    assert _within_paragraph(inside, text) == inside


def _span(cand: Candidate) -> tuple[int, int]:
    return cand.start, cand.end


def test_what_an_investor_would_pay_is_no_rate_for_the_span_reader():
    """Real models: a filing that prints no expense example gives no rate for its cost."""
    import qa
    text = "Class V shares cost 1.00% a year. Over 10 years the example assumes a 5% return."
    _, _, cands = qa.QA.from_texts({"t": text}).candidates("What would Class V cost over 10 years in the expense example?", "t")
    assert "1.00%" not in [text[c.start:c.end] for c in cands if c.method == "neural"]


def test_a_ticker_is_a_word_in_capitals_for_the_span_reader():
    """Real models: a filing that prints no ticker gives none."""
    import qa
    text = "The iShares U.S. Manufacturing ETF (the “Fund”) seeks to track the investment results of an index."
    _, _, cands = qa.QA.from_texts({"t": text}).candidates("What is the ticker symbol of the iShares U.S. Manufacturing ETF?", "t")
    assert not [c for c in cands if c.method == "neural"]


def test_a_footnote_marker_alone_is_no_answer():
    from qa.reading.readers.neural import _MARKER
    assert all(_MARKER.fullmatch(" ".join(t.split())) for t in ("(1)", "1)\n\n1", "(a)", "*"))
    assert not any(_MARKER.fullmatch(t) for t in ("1", "2019", "(0.35)%", "Class A"))
