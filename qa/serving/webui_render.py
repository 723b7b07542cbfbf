"""HTML for the web UI: the answer card, the highlighted passage, the table, the document view.

Pure functions from an :class:`~qa.answer.Answer` and the untouched source text to
HTML strings; every piece of filing text is HTML-escaped here, because ``gr.HTML``
inserts what it is given as markup.  Nothing here decides an answer.

Not handled: right-to-left text, and tables other than those :func:`qa.parsing.tables.parse_table`
reads (a table it cannot read is shown as the plain passage instead).  A document longer
than ``DOC_WINDOW`` characters is shown as a window around the answer, not whole.
"""
from __future__ import annotations

import functools
from html import escape
from pathlib import Path

from qa.answer import Answer
from qa.parsing import edgar, tables
from qa.parsing.pages import PAGE_BREAK, page_of, page_starts

DOC_WINDOW = 60_000          # characters of a filing shown at once in the document view
SNIPPET = 360                # characters of an evidence passage shown in lists


def esc(text: str) -> str:
    """``text`` escaped for HTML (quotes too, so it is safe in attributes)."""
    return escape(text, quote=True)


def _clip(text: str, n: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "\u2026"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


def marked(source: str, start: int, end: int, spans, cls: str = "qa-hit", first_id: str = "") -> str:
    """``source[start:end]`` escaped, with each of ``spans`` (``(s, e)`` offsets) in a ``<mark>``.

    Spans are clipped to the window and overlapping ones merged; the first mark gets
    ``id=first_id`` when given.
    """
    parts, pos = [], start
    clipped = [(max(s, start), min(e, end)) for s, e in spans]
    for k, (s, e) in enumerate(_merge([c for c in clipped if c[0] < c[1]])):
        ident = f' id="{esc(first_id)}"' if first_id and k == 0 else ""
        parts.append(esc(source[pos:s]))
        parts.append(f'<mark class="{cls}"{ident}>{esc(source[s:e])}</mark>')
        pos = e
    parts.append(esc(source[pos:end]))
    return "".join(parts)


def answer_spans(answer: Answer) -> list[tuple[int, int]]:
    """The offsets to highlight: each part of a list answer, else the answer itself."""
    if answer.spans:
        return [(s.start, s.end) for s in answer.spans if s.doc_id == answer.doc_id]
    return [(answer.start, answer.end)] if answer.start is not None else []


def confidence_bar(score: float) -> str:
    """A bar filled to ``score`` (0..1) with its value written out."""
    pct = max(0.0, min(1.0, float(score))) * 100
    level = "high" if pct >= 70 else "mid" if pct >= 40 else "low"
    return (f'<div class="qa-conf"><div class="qa-bar qa-{level}" role="meter" aria-valuemin="0" '
            f'aria-valuemax="100" aria-valuenow="{pct:.0f}" aria-label="confidence">'
            f'<span style="width:{pct:.0f}%"></span></div>'
            f'<span class="qa-conf-num">confidence {score:.2f}</span></div>')


def placeholder() -> str:
    """The answer view before the first question."""
    return ('<div class="qa-card qa-empty"><div class="qa-answer">Ask the filing a question</div>'
            '<p class="qa-meta">Type a question, or pick one of the examples. The answer comes back as '
            'the filing\u2019s own words, highlighted where they stand.</p></div>')


def answer_view(answer: Answer, source: str | None, name: str) -> str:
    """The answer card, then the answering table or passage (or the closest passages)."""
    if not answer.found or source is None:
        return _missing_card(answer)
    page = f'page {answer.page} \u00b7 ' if answer.page is not None else ""
    meta = (f'from <b>{esc(name)}</b> \u00b7 {page}characters {answer.start:,}\u2013{answer.end:,}'
            + (f' \u00b7 {esc(answer.method)} reader' if answer.method else ""))
    card = (f'<div class="qa-card qa-found" data-question="{esc(answer.question)}">{_asked(answer)}'
            f'<div class="qa-answer">{esc(answer.text)}</div>{_derivation(answer)}{confidence_bar(answer.score)}'
            f'<p class="qa-meta">{meta}</p></div>')
    return card + (table_view(answer, source) or passage_view(answer, source))


def _derivation(answer: Answer) -> str:
    """A computed answer's formula over the operands as printed (each highlighted in the filing)."""
    if answer.derivation is None:
        return ""
    return f'<p class="qa-derivation">= {esc(answer.derivation.formula)} <span class="qa-meta">(computed; operands highlighted)</span></p>'


def _asked(answer: Answer) -> str:
    return f'<div class="qa-label">{esc(answer.question)}</div>'


def _missing_card(answer: Answer) -> str:
    near = "".join(
        f'<li><span class="qa-heading">{esc(p.heading or p.kind)}</span> {esc(_clip(p.text))}</li>'
        for p in answer.evidence[:3])
    return (f'<div class="qa-card qa-missing" data-question="{esc(answer.question)}">{_asked(answer)}'
            '<div class="qa-answer">The filing does not say.</div>'
            f'<p class="qa-meta">No passage answers this confidently enough (the best candidate scored '
            f'{answer.score:.2f}; see the alternatives).</p></div>'
            + (f'<section class="qa-section"><h4>Closest passages</h4><ol class="qa-near">{near}</ol>'
               '</section>' if near else ""))


def _heading_for(answer: Answer) -> str:
    for p in answer.evidence:
        if p.doc_id == answer.doc_id and p.start <= answer.start < max(p.end, p.start + 1):
            return p.heading
    return ""


def passage_view(answer: Answer, source: str) -> str:
    """The sentence(s) around the answer, with every part of it highlighted."""
    start, end = answer.context_start, answer.context_end
    if start is None or end is None or end - start < answer.end - answer.start:
        start, end = answer.start, answer.end
    if end - start < 80:                          # a bare cell or span: widen to its lines
        start = source.rfind("\n", 0, start) + 1
        end = len(source) if source.find("\n", end) < 0 else source.find("\n", end)
    heading = _heading_for(answer)
    title = f"In the filing \u2014 {esc(heading)}" if heading else "In the filing"
    return (f'<section class="qa-section"><h4>{title}</h4><blockquote class="qa-passage">'
            f'{marked(source, start, end, answer_spans(answer))}</blockquote></section>')


@functools.lru_cache(maxsize=16)
def _table_blocks(source: str) -> tuple[edgar.Block, ...]:
    return tuple(b for b in edgar.parse(source) if b.kind == "table")


def find_table(answer: Answer, source: str) -> tables.Table | None:
    """The parsed table the answer stands in, when it stands in one with rows."""
    if not answer.found or answer.start is None:
        return None
    hinted = {p.meta.get("table") for p in answer.evidence
              if p.kind in ("cell", "table") and p.doc_id == answer.doc_id}
    blocks = [b for b in _table_blocks(source) if b.start <= answer.start < b.end]
    blocks.sort(key=lambda b: b.start not in hinted)
    table = tables.parse_table(source, blocks[0].start, blocks[0].end) if blocks else None
    return table if table is not None and table.rows else None


def _hit_cell(table: tables.Table, spans) -> tuple[int, int] | None:
    for r, row in enumerate(table.rows):
        for c, cell in row.cells.items():
            if any(s < cell.end and cell.start < e for s, e in spans):
                return r, c
    return None


def table_view(answer: Answer, source: str) -> str:
    """The answer's table as HTML: the answering cell marked, its row and column labels named.

    Returns "" when the answer does not stand in a table that parses into rows.
    """
    table = find_table(answer, source)
    if table is None:
        return ""
    spans = answer_spans(answer)
    hit = _hit_cell(table, spans)
    cols = sorted({c for c in table.columns if c > 0} | {c for row in table.rows for c in row.cells})
    head = "".join(f'<th scope="col"{_cls(hit and hit[1] == c, "qa-col-hit")}>'
                   f'{esc(table.column_label(c))}</th>' for c in cols)
    body = "".join(_row_html(source, table, r, cols, hit, spans) for r in range(len(table.rows)))
    title = table.title.text if table.title else _heading_for(answer)
    html = (f'<section class="qa-section"><h4>In the table \u2014 {esc(title)}</h4>'
            f'<div class="qa-scroll"><table class="qa-table"><thead><tr><th></th>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></div>')
    if hit is not None:
        row = table.rows[hit[0]]
        html += (f'<p class="qa-labels">Row <b>{esc(row.label_text)}</b> \u00b7 '
                 f'column <b>{esc(table.column_label(hit[1]) or "(unlabelled)")}</b></p>')
        if row.marker and table.footnote_text(row.marker):
            html += (f'<p class="qa-footnote"><sup>{esc(row.marker)}</sup> '
                     f'{esc(table.footnote_text(row.marker))}</p>')
    return html + "</section>"


def _cls(on, name: str) -> str:
    return f' class="{name}"' if on else ""


def _row_html(source: str, table: tables.Table, r: int, cols: list[int], hit, spans) -> str:
    row = table.rows[r]
    label = esc(row.label_text) + (f"<sup>{esc(row.marker)}</sup>" if row.marker else "")
    on_row = hit is not None and hit[0] == r
    if not row.cells:
        return f'<tr><th scope="row" colspan="{len(cols) + 1}">{label}</th></tr>'
    cells = []
    for c in cols:
        piece = row.cells.get(c)
        text = marked(source, piece.start, piece.end, spans) if piece else ""
        cells.append(f'<td{_cls(on_row and hit[1] == c, "qa-cell-hit")}>{text}</td>')
    return f'<tr{_cls(on_row, "qa-row-hit")}><th scope="row">{label}</th>{"".join(cells)}</tr>'


def _window(source: str, focus: int, size: int = DOC_WINDOW) -> tuple[int, int]:
    if len(source) <= size:
        return 0, len(source)
    a = max(0, min(focus - size // 3, len(source) - size))
    b = min(len(source), a + size)
    a = source.rfind("\n", 0, a) + 1 if a else 0
    nl = source.find("\n", b)
    return a, len(source) if nl < 0 else nl


def document_view(answer: Answer | None, source: str, doc_id: str, name: str) -> str:
    """The filing in a scrollable ``<pre>``, the answer marked (``id="qa-doc-hit"``).

    When the filing does not say, the closest passage of this document is marked instead.
    The page's script scrolls the box to the mark; the link is a fallback.
    """
    spans, cls = [], "qa-hit"
    if answer is not None and answer.found and answer.doc_id == doc_id:
        spans = answer_spans(answer)
    elif answer is not None:
        near = [(p.start, p.end) for p in answer.evidence if p.doc_id == doc_id][:1]
        spans, cls = near, "qa-near"
    a, b = _window(source, spans[0][0] if spans else 0)
    where = (f"characters {a:,}\u2013{b:,} of {len(source):,}" if (a, b) != (0, len(source))
             else f"{len(source):,} characters")
    what = "the answer" if cls == "qa-hit" else "the closest passage"
    jump = f' \u00b7 <a href="#qa-doc-hit">jump to {what}</a>' if spans else ""
    pages = f" \u00b7 {len(page_starts(source))} pages" if PAGE_BREAK in source else ""
    body = _paged(marked(source, a, b, spans, cls, "qa-doc-hit"), page_of(source, a) or 1)
    return (f'<div class="qa-docbar"><b>{esc(name)}</b> \u00b7 {where}{pages}{jump}</div>'
            f'<pre class="qa-doc" tabindex="0">{body}</pre>')


def _paged(html: str, first: int) -> str:
    """The document's HTML with each page break (a form feed) shown as a labelled divider."""
    parts = html.split(PAGE_BREAK)
    return parts[0] + "".join(f'<span class="qa-page">\u2014 page {first + k} \u2014</span>{part}'
                              for k, part in enumerate(parts[1:], start=1))


def details_view(answer: Answer, names: dict[str, str]) -> str:
    """Alternatives with their scores, then the retrieved evidence, best first."""
    alts = "".join(f'<tr><td>{esc(s.text)}</td><td class="qa-num">{s.score:.2f}</td>'
                   f'<td>{esc(names.get(s.doc_id, s.doc_id))} \u00b7 {s.start:,}\u2013{s.end:,}</td></tr>'
                   for s in answer.alternatives)
    alt_html = (f'<div class="qa-scroll"><table class="qa-table qa-alts"><thead><tr><th>Alternative</th>'
                f'<th>score</th><th>where</th></tr></thead><tbody>{alts}</tbody></table></div>'
                if alts else '<p class="qa-meta">No other candidates.</p>')
    evidence = "".join(
        f'<li><div class="qa-meta">#{p.rank + 1} \u00b7 {esc(p.kind)} \u00b7 '
        f'{esc(p.heading or "(no heading)")} \u00b7 retrieval score {p.score:.3f} \u00b7 '
        f'{esc(names.get(p.doc_id, p.doc_id))} {p.start:,}\u2013{p.end:,}</div>'
        f'<div>{esc(_clip(p.text))}</div></li>' for p in answer.evidence)
    return (f'<h4>Alternatives</h4>{alt_html}<h4>Retrieved evidence</h4>'
            f'<ol class="qa-evidence">{evidence}</ol>')


STATIC = Path(__file__).resolve().parents[1] / "static"
CSS = (STATIC / "webui.css").read_text(encoding="utf-8")
# Runs in the document view: scroll its box (not the page) to the first mark after each render.
SCROLL_JS = (STATIC / "scroll.js").read_text(encoding="utf-8")
