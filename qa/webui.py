"""The Gradio page: wiring only, every answer comes from :mod:`qa`."""
from __future__ import annotations

import gradio as gr

from qa import bundled
from qa.errors import QAError


def _ask(question: str):
    try:
        answer = bundled.ask(question)
    except QAError as exc:
        raise gr.Error(str(exc)) from exc
    if not answer.found:
        return "The filing does not say.", f"{answer.score:.2f}", ""
    return answer.text, f"{answer.score:.2f}", answer.context


def build_app() -> gr.Blocks:
    with gr.Blocks(title="filing-qa") as app:
        gr.Markdown("## Ask the filing")
        question = gr.Textbox(label="Question", placeholder="Who is the new adviser?")
        button = gr.Button("Ask", variant="primary")
        answer = gr.Textbox(label="Answer")
        score = gr.Textbox(label="Confidence")
        context = gr.Textbox(label="Context")
        button.click(_ask, question, [answer, score, context], api_name="ask")
        question.submit(_ask, question, [answer, score, context])
    return app
