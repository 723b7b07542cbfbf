"""The Gradio page: wiring only; every answer comes from :mod:`qa`, the HTML from :mod:`qa.serving.webui_render`.

``build_app()`` returns the ``gr.Blocks`` (queued); ``launch(app, host, port)`` starts it with the
page's CSS, theme and upload limit (Gradio 6 takes those in ``launch``, not in ``Blocks``).

Each browser session keeps its own :class:`Library`: the filings it uploaded and the index
built over them plus the bundled filing.  The API endpoint ``/ask`` answers from the bundled
filing only (a client has no upload session).

A PDF upload is shown as its extracted text (what every offset points into), its pages
divided and the answer's page named in the card.

Not handled: scanned PDFs (refused: they need OCR), and saving a session's index between
server restarts.
"""
from __future__ import annotations

import contextlib
import html
import logging
from pathlib import Path

import gradio as gr

from qa import bundled
from qa.errors import QAError, SourceError
from qa.parsing.sources import BUNDLED_ID, doc_id_for, read_filing
from qa.pipeline import QA
from qa.serving import webui_render as render
from qa.settings import Settings

log = logging.getLogger(__name__)

ALL = "*all*"                       # the dropdown's "ask every filing" value
BUNDLED_NAME = "Janus Aggressive Growth Portfolio supplement, 2006-09-22 (bundled)"
FILE_TYPES = [".txt", ".htm", ".html", ".pdf"]
MAX_FILE_SIZE = "20mb"              # Gradio refuses bigger uploads before they reach us
HISTORY = 15                        # questions kept in a session's history
EXAMPLES = [
    "Who is the new adviser?",
    "When did the Board approve the new agreement?",
    "What 12b-1 fee do Class B shares pay?",
    "What did the Russell 3000 Growth Index return over 5 years?",
    "What are the primary risks?",
    "Who is the custodian?",
]


class Library:
    """The filings of one browser session: its uploads and the pipeline over them and the bundled one."""

    def __init__(self, texts: dict[str, str] | None = None, names: dict[str, str] | None = None,
                 pipeline: QA | None = None):
        self.texts = dict(texts or {})
        self.names = dict(names or {})
        self._pipeline = pipeline

    def pipeline(self) -> QA:
        """The session's own pipeline once something was uploaded, else the shared bundled one."""
        return self._pipeline if self._pipeline is not None else bundled.pipeline()

    def all_names(self) -> dict[str, str]:
        return {BUNDLED_ID: BUNDLED_NAME, **self.names}

    def choices(self) -> list[tuple[str, str]]:
        return [("All filings", ALL)] + [(name, doc) for doc, name in self.all_names().items()]


def _message(text: str) -> str:
    """Gradio renders toast messages as HTML: keep ``<`` and ``&`` in file names and questions as text."""
    return html.escape(text, quote=False)


@contextlib.contextmanager
def user_errors():
    """Show a :class:`QAError` as its message in the page; log anything else, never a traceback."""
    try:
        yield
    except gr.Error:
        raise
    except QAError as exc:
        raise gr.Error(_message(str(exc)), print_exception=False) from exc
    except Exception as exc:
        log.exception("unexpected error in the web UI")
        raise gr.Error("Something went wrong on the server; its log has the details.",
                       print_exception=False) from exc


def _remember(history: list[str], question: str) -> list[str]:
    return ([question] + [q for q in history if q != question])[:HISTORY]


def on_ask(question: str, choice: str | None, library: Library, history: list[str]):
    """The ask event: answer, render the answer view, document view and details, and remember."""
    with user_errors():
        pipeline = library.pipeline()
        answer = pipeline.ask(question or "", None if choice in (None, "", ALL) else choice)
        names = library.all_names()
        shown = answer.doc_id if answer.found else (
            answer.evidence[0].doc_id if answer.evidence else
            (choice if choice in names else BUNDLED_ID))
        source = pipeline.source_text(shown)
        view = render.answer_view(answer, source, names.get(answer.doc_id or "", answer.doc_id or ""))
        document = render.document_view(answer, source, shown, names.get(shown, shown))
        details = render.details_view(answer, names)
    history = _remember(history or [], answer.question)
    return view, document, details, history, gr.Dataset(samples=[[q] for q in history], visible=True)


def _read_uploads(paths: list[str], library: Library, progress) -> tuple[dict, dict, list, list]:
    texts, names, added, problems = dict(library.texts), dict(library.names), [], []
    max_bytes = Settings().max_file_bytes
    for k, path in enumerate(paths):
        progress((k, len(paths)), desc="Reading the files", unit="files")
        name = Path(path).name
        try:
            text = read_filing(path, max_bytes)
        except SourceError as exc:           # the message names gradio's temp path: show the file's name
            problems.append(str(exc).replace(str(Path(path)), name))
            continue
        if text in texts.values():
            continue
        doc_id = doc_id_for(name, set(texts) | {BUNDLED_ID})
        texts[doc_id], names[doc_id] = text, name
        added.append(doc_id)
    return texts, names, added, problems


def on_upload(paths: list[str] | None, library: Library, progress=gr.Progress()):
    """The upload event: read the files, build the session's index, select the first new filing."""
    paths = [p for p in (paths or []) if p]
    if not paths:
        return library, gr.skip(), gr.skip()
    with user_errors():
        texts, names, added, problems = _read_uploads(paths, library, progress)
        if not added:
            raise gr.Error(_message(" ".join(problems)) if problems else "These filings are already loaded.",
                           print_exception=False)
        for problem in problems:
            gr.Warning(_message(problem))
        progress(0.5, desc="Building the index")

        def indexing(stage: str, done: int, total: int) -> None:
            progress((done, total), desc=f"Building the index: {stage}", unit="chunks")
        pipeline = QA.from_texts({**bundled.bundled_texts(), **texts}, progress=indexing,
                                 names={BUNDLED_ID: BUNDLED_NAME, **names})
    new = Library(texts, names, pipeline)
    return new, gr.Dropdown(choices=new.choices(), value=added[0]), _status(new)


def _status(library: Library) -> str:
    rows = [f"- **{html.escape(name)}** \u2014 {len(library.texts[doc]):,} characters"
            for doc, name in library.names.items()]
    return "Indexed with the bundled filing:\n" + "\n".join(rows) if rows else ""


def ask_api(question: str, doc_id: str = "") -> dict:
    """Answer a question about the bundled filing; ``doc_id`` "" means every indexed filing.

    Returns the whole answer as JSON: text, found, score, doc_id, start, end, page (None for
    a filing without pages), context, spans, alternatives, evidence.
    """
    with user_errors():
        return bundled.pipeline().ask(question or "", doc_id or None).to_dict()


HEADER = ('<div class="qa-header"><h2 style="margin:0">Ask the filing</h2><p class="qa-meta">Answers are the '
          'filing\u2019s own words, highlighted where they stand \u2014 or \u201cthe filing does not say\u201d.'
          '</p></div>')


def _upload_panel():
    with gr.Accordion("Add your own filings", open=False):
        files = gr.File(label="Filings: EDGAR .txt, .htm or .html, or a PDF with a text layer, up to 20 MB each",
                        file_count="multiple", file_types=FILE_TYPES, elem_id="qa-upload")
        status = gr.Markdown(elem_id="qa-upload-status")
    return files, status


def _layout():
    with gr.Row(equal_height=False):
        with gr.Column(scale=5, min_width=300):
            gr.HTML(HEADER)
            with gr.Row(equal_height=True):
                question = gr.Textbox(label="Question", placeholder="Who is the new adviser?", scale=4,
                                      min_width=200, max_lines=3, autofocus=True, elem_id="qa-question")
                button = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="qa-ask")
            doc = gr.Dropdown(Library().choices(), value=ALL, label="Ask in", elem_id="qa-doc-choice")
            answer = gr.HTML(render.placeholder(), elem_id="qa-answer-view")
            with gr.Accordion("Alternatives and evidence", open=False):
                details = gr.HTML(elem_id="qa-details")
            examples = gr.Dataset(label="Examples", components=[question], samples=[[q] for q in EXAMPLES],
                                  samples_per_page=len(EXAMPLES), elem_id="qa-examples")
            recent = gr.Dataset(label="Asked this session", components=[question], samples=[],
                                visible=False, elem_id="qa-history")
            files, status = _upload_panel()
        with gr.Column(scale=6, min_width=300):
            source = bundled.bundled_texts()[BUNDLED_ID]
            document = gr.HTML(render.document_view(None, source, BUNDLED_ID, BUNDLED_NAME),
                               js_on_load=render.SCROLL_JS, elem_id="qa-document")
    return dict(question=question, button=button, doc=doc, examples=examples, answer=answer,
                details=details, recent=recent, files=files, status=status, document=document)


def build_app() -> gr.Blocks:
    """The page, queued (two answers at a time, one index build at a time)."""
    with gr.Blocks(title="filing-qa \u00b7 ask a fund filing", analytics_enabled=False) as app:
        library, history = gr.State(Library()), gr.State([])
        ui = _layout()
        inputs = [ui["question"], ui["doc"], library, history]
        outputs = [ui["answer"], ui["document"], ui["details"], history, ui["recent"]]
        private = dict(api_visibility="private")
        ui["question"].submit(on_ask, inputs, outputs, **private)
        ui["button"].click(on_ask, inputs, outputs, **private)
        for dataset in (ui["examples"], ui["recent"]):
            dataset.click(lambda sample: sample[0], dataset, ui["question"], queue=False, **private) \
                .then(on_ask, inputs, outputs, **private)
        ui["files"].upload(on_upload, [ui["files"], library], [library, ui["doc"], ui["status"]],
                           concurrency_limit=1, concurrency_id="index", **private)
        gr.api(ask_api, api_name="ask")
    return app.queue(default_concurrency_limit=2, max_size=64)


def launch(app: gr.Blocks, host: str = "127.0.0.1", port: int | None = None, **kwargs):
    """Start ``app`` with the page's CSS, a font-only theme (no web fonts) and the upload limit."""
    theme = gr.themes.Default(primary_hue="blue", font=["system-ui", "Segoe UI", "Roboto", "sans-serif"],
                              font_mono=["ui-monospace", "Menlo", "Consolas", "monospace"])
    return app.launch(server_name=host, server_port=port, max_file_size=MAX_FILE_SIZE, css=render.CSS,
                      theme=theme, show_error=False, footer_links=["api"], **kwargs)
