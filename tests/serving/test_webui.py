"""The web UI: its HTML (escaped, highlighted), its event handlers, and its API through gradio_client.

The render tests are fast (hand-made answers); the rest load the real pipeline and are ``slow``.
"""
from __future__ import annotations

import socket

import pytest

from qa.answer import Answer, Passage, Span
from qa.parsing.sources import BUNDLED_ID
from qa.serving import webui_render as render

QUESTIONS = ["Who is the new adviser?", "What 12b-1 fee do Class B shares pay?",
             "What did the Russell 3000 Growth Index return over 5 years?", "Who is the custodian?"]


def _answer(source: str, start: int, end: int, **kw) -> Answer:
    fields = dict(question="q?", text=" ".join(source[start:end].split()), found=True, score=0.8,
                  doc_id="d", start=start, end=end, context_start=0, context_end=len(source))
    fields.update(kw)
    return Answer(**fields)


# -- rendering (fast) ---------------------------------------------------------
def test_filing_text_is_escaped_and_the_answer_marked():
    source = 'Intro <script>alert("x")</script> & the adviser is <b>ClearBridge</b> today.'
    start = source.index("<b>")
    html = render.answer_view(_answer(source, start, start + len("<b>ClearBridge</b>")), source, "f<i>")
    assert "<script" not in html and "<b>ClearBridge" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    assert '<mark class="qa-hit">&lt;b&gt;ClearBridge&lt;/b&gt;</mark>' in html
    assert "f&lt;i&gt;" in html


def test_question_is_escaped_too():
    source = "The custodian is State Street."
    a = _answer(source, 17, 29, question='<img src=x onerror="alert(1)">')
    html = render.answer_view(a, source, "n") + render.details_view(a, {})
    assert "<img" not in html and "&lt;img src=x" in html


def test_every_part_of_a_list_answer_is_marked():
    source = "Risks: market risk, credit risk and liquidity risk."
    parts = [(7, 18), (20, 31), (36, 50)]
    spans = tuple(Span(source[s:e], "d", s, e, 0.7) for s, e in parts)
    html = render.answer_view(_answer(source, 7, 50, spans=spans), source, "n")
    assert [m for m in ("market risk", "credit risk", "liquidity risk")
            if f'<mark class="qa-hit">{m}</mark>' in html] == ["market risk", "credit risk", "liquidity risk"]


def test_abstention_says_so_and_shows_the_closest_passages():
    near = Passage("d", 0, 20, "Custodian <unknown> here", "Service providers", "prose", 0.03, 0)
    html = render.answer_view(Answer(question="Who?", text="", found=False, score=0.2, evidence=(near,)), None, "n")
    assert "The filing does not say." in html and "Closest passages" in html
    assert "Custodian &lt;unknown&gt; here" in html and "<mark" not in html


def test_document_view_marks_the_answer_with_an_anchor_and_windows_long_filings():
    source = ("filler line\n" * 10_000) + "the answer <here>\n" + ("more\n" * 10_000)
    start = source.index("<here>")
    html = render.document_view(_answer(source, start, start + 6), source, "d", "big.txt")
    assert '<mark class="qa-hit" id="qa-doc-hit">&lt;here&gt;</mark>' in html
    assert f"of {len(source):,}" in html and len(html) < render.DOC_WINDOW * 2
    small = render.document_view(None, "short <text>", "d", "s.txt")
    assert "short &lt;text&gt;" in small and "<mark" not in small


def test_a_table_answer_is_drawn_as_a_table_with_its_labels_and_footnote(filing_text):
    start = filing_text.index("0.94%")            # Class B "Total Annual Portfolio Operating Expense*"
    a = _answer(filing_text, start, start + 5, doc_id=BUNDLED_ID, context_start=start, context_end=start + 5)
    html = render.answer_view(a, filing_text, "bundled")
    assert '<td class="qa-cell-hit"><mark class="qa-hit">0.94%</mark></td>' in html
    assert "Row <b>Total Annual Portfolio Operating Expense</b>" in html and "column <b>Class B</b>" in html
    assert '<th scope="col" class="qa-col-hit">Class B</th>' in html
    assert "Expense Limitation Agreement" in html          # the row's * footnote
    assert "<TABLE>" not in html


def test_a_prose_answer_has_no_table(filing_text):
    start = filing_text.index("August 10,  2006")
    html = render.answer_view(_answer(filing_text, start, start + 16, doc_id=BUNDLED_ID), filing_text, "b")
    assert "qa-table" not in html and '<mark class="qa-hit">August 10,  2006</mark>' in html


def test_a_pdf_answer_names_its_page_and_the_document_shows_page_breaks():
    source = "Page one text.\n\f\nThe custodian is State Street.\n\f\nPage three."
    start = source.index("State Street")
    a = _answer(source, start, start + len("State Street"), page=2)
    assert "page 2 \u00b7 characters" in render.answer_view(a, source, "f.pdf")
    doc = render.document_view(a, source, "d", "f.pdf")
    assert "3 pages" in doc and "\f" not in doc
    assert doc.index("\u2014 page 2 \u2014") < doc.index('<mark class="qa-hit"') < doc.index("\u2014 page 3 \u2014")
    plain = render.answer_view(_answer("The custodian is State Street.", 17, 29), "The custodian is State Street.", "n")
    assert "page" not in plain


def test_confidence_bar_is_clamped():
    assert 'width:100%' in render.confidence_bar(1.7) and 'width:0%' in render.confidence_bar(-1)


# -- handlers and API (slow: real models) ---------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(bundled_qa):
    from qa.serving import webui
    app = webui.build_app()
    _, url, _ = webui.launch(app, port=_free_port(), prevent_thread_lock=True, quiet=True)
    yield url
    app.close()


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client
    return Client(server, verbose=False, download_files=False)


@pytest.mark.slow
@pytest.mark.parametrize("question", QUESTIONS)
def test_api_gives_the_same_answer_as_the_library(client, bundled_qa, question):
    got = client.predict(question, "", api_name="/ask")
    want = bundled_qa.ask(question).to_dict()
    for key in ("text", "found", "score", "start", "end", "doc_id", "context"):
        assert got[key] == pytest.approx(want[key]) if key == "score" else got[key] == want[key], key


@pytest.mark.slow
def test_api_errors_are_messages_and_the_server_lives_on(client):
    from gradio_client.exceptions import AppError
    with pytest.raises(AppError, match="question is empty"):
        client.predict("   ", api_name="/ask")
    with pytest.raises(AppError, match="no filing 'nope'"):
        client.predict("Who is the new adviser?", "nope", api_name="/ask")
    assert client.predict("Who is the custodian?", api_name="/ask")["question"] == "Who is the custodian?"


ALPHA = ("ALPHA FUND\n\nThe custodian of the Alpha Fund is State Street Bank and Trust Company. "
         "The transfer agent is DST Systems, Inc.\n\nThe Fund pays a management fee of 0.45% of "
         "average daily net assets.\n")


def _no_progress(*args, **kwargs):
    return None


@pytest.mark.slow
def test_ask_handler_renders_what_the_library_answers(bundled_qa):
    from qa.serving import webui
    question = "What did the Russell 3000 Growth Index return over 5 years?"
    want = bundled_qa.ask(question)
    view, document, details, history, _ = webui.on_ask(question, webui.ALL, webui.Library(), ["older?"])
    assert history == [want.question, "older?"]
    if want.found:
        hit = render.esc(bundled_qa.source_text(want.doc_id)[want.start:want.end])
        assert f'<mark class="qa-hit">{hit}</mark>' in view
        assert f'id="qa-doc-hit">{hit}</mark>' in document
    else:
        assert "The filing does not say." in view
    assert "Retrieved evidence" in details


@pytest.mark.slow
def test_ask_handler_turns_user_errors_into_page_messages():
    import gradio as gr

    from qa.serving import webui
    with pytest.raises(gr.Error, match="question is empty"):
        webui.on_ask("  ", webui.ALL, webui.Library(), [])
    with pytest.raises(gr.Error, match="characters long"):
        webui.on_ask("why " * 1000, webui.ALL, webui.Library(), [])


@pytest.mark.slow
def test_upload_indexes_good_files_and_names_the_bad_ones(tmp_path):
    import gradio as gr

    from qa.serving import webui
    good, binary, big = tmp_path / "alpha.txt", tmp_path / "blob.txt", tmp_path / "big.txt"
    good.write_text(ALPHA)
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with open(big, "wb") as f:
        f.truncate(20_000_001)
    with pytest.warns(UserWarning, match="blob.txt looks binary"):
        library, dropdown, status = webui.on_upload([str(good), str(binary)], webui.Library(), _no_progress)
    assert library.pipeline().documents == [BUNDLED_ID, "alpha"]
    assert library.pipeline().source_text("alpha") == ALPHA
    assert dropdown.value == "alpha" and ("alpha.txt", "alpha") in dropdown.choices
    assert "alpha.txt" in status
    with pytest.raises(gr.Error, match=r"big.txt is 20,000,001 bytes") as err:
        webui.on_upload([str(big)], library, _no_progress)
    assert str(tmp_path) not in str(err.value)


@pytest.mark.slow
def test_an_uploaded_pdf_is_shown_as_its_text_with_the_answer_and_its_page(tmp_path):
    import shutil
    from pathlib import Path

    from qa.serving import webui
    pdf = tmp_path / "fees.pdf"
    shutil.copy(Path(__file__).parents[1] / "parsing" / "data" / "ruled.pdf", pdf)
    library, dropdown, _ = webui.on_upload([str(pdf)], webui.Library(), _no_progress)
    view, document, *_ = webui.on_ask("What is the Class A management fee?", dropdown.value, library, [])
    assert "0.75%" in view and "page 1 \u00b7 characters" in view
    assert '<mark class="qa-hit" id="qa-doc-hit">0.75%</mark>' in document and "2 pages" in document
