"""Sentence-aware chunks of a parsed filing, each with source offsets and its heading.

Units are sentences (spaCy's statistical segmenter on the whitespace-collapsed
text), bullets and headings.  A list is glued to the sentence that introduces it,
so "…may benefit from:" and its bullets land in one chunk.  Headings with no
text under them are carried into the next chunk.  Tables become chunks of their
own (see :mod:`qa.parsing.tables`).

Not handled: a single sentence longer than ``chunk_words`` is not split further.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from qa.indexing import table_facts
from qa.indexing.records import Chunk, ListSpan, ProseMeta
from qa.parsing import edgar
from qa.runtime import models
from qa.text.views import collapse

__all__ = ["Chunk", "Unit", "chunk_document", "prose_chunks"]


@dataclass(frozen=True)
class Unit:
    kind: str        # "sentence" | "bullet" | "heading"
    start: int
    end: int
    words: int


def _sentence_units(source: str, blocks: list[edgar.Block]) -> list[list[Unit]]:
    """Units of each prose block (sentences for paragraphs, one unit otherwise)."""
    views = [collapse(source, b.start, b.end) for b in blocks]
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == "paragraph"]
    docs = models.sentencizer().pipe(views[i].text for i in paragraphs)
    out: list[list[Unit]] = []
    for b, v in zip(blocks, views):
        kind = "sentence" if b.kind == "paragraph" else b.kind
        out.append([Unit(kind, b.start, b.end, len(v.text.split()))])
    for i, doc in zip(paragraphs, docs):
        units = []
        for sent in doc.sents:
            span = views[i].to_source(sent.start_char, sent.end_char)
            if span:
                units.append(Unit("sentence", span[0], span[1], len(sent.text.split())))
        out[i] = units or out[i]
    return out


def _groups(units_per_block: list[list[Unit]], blocks: list[edgar.Block]) -> list[list[Unit]]:
    """Pack units into groups that must not be split: headings + next unit, lead-in + bullets."""
    groups: list[list[Unit]] = []
    pending: list[Unit] = []
    for block, units in zip(blocks, units_per_block):
        if block.kind == "heading":
            pending.extend(units)
            continue
        if block.kind == "bullet" and groups and not pending:
            groups[-1].extend(units)
            continue
        first, rest = units[0], units[1:]
        groups.append(pending + [first])
        pending = []
        groups.extend([u] for u in rest)
    if pending:
        groups.append(pending)
    return groups


def _pack(groups: list[list[Unit]], max_words: int, overlap: int) -> list[list[Unit]]:
    """Greedy packing of groups into chunks, repeating ``overlap`` trailing sentences."""
    chunks: list[list[Unit]] = []
    current: list[Unit] = []
    for group in groups:
        size = sum(u.words for u in current) + sum(u.words for u in group)
        if current and size > max_words:
            chunks.append(current)
            tail = [u for u in current[-overlap:] if u.kind == "sentence"] if overlap else []
            current = tail if sum(u.words for u in tail + group) <= max_words else []
        current = current + group
    if current:
        chunks.append(current)
    return chunks


def _enumeration(source: str, unit: Unit) -> ListSpan | None:
    """A "…the following: A; B; C" sentence as a lead-in and its items."""
    text = source[unit.start:unit.end]
    colon = text.find(":")
    if colon < 0 or text.count(";") < 2:
        return None
    items, pos = [], unit.start + colon + 1
    for part in text[colon + 1:].split(";"):
        stripped = part.strip().rstrip(".").strip()
        if stripped:
            first = pos + part.index(stripped[0])
            items.append([first, first + len(stripped)])
        pos += len(part) + 1
    last = source[items[-1][0]:items[-1][1]] if items else ""
    if " and " in last:                     # "…; A; B and C." ends with a two-item tail
        cut = items[-1][0] + last.rindex(" and ")
        items[-1:] = [[items[-1][0], cut], [cut + 5, items[-1][1]]]
    return ListSpan((unit.start, unit.start + colon + 1), tuple((s, e) for s, e in items)) if len(items) >= 3 else None


def _trailing(text: str) -> int:
    """How many closing punctuation characters (and spaces) end ``text``."""
    return len(text) - len(text.rstrip().rstrip(".;,").rstrip())


def _lists(source: str, units: list[Unit]) -> list[ListSpan]:
    """Bullet lists (with the sentence before them) and enumerations inside a chunk."""
    out: list[ListSpan] = []
    for k, unit in enumerate(units):
        if unit.kind == "bullet" and (k == 0 or units[k - 1].kind != "bullet"):
            run = [u for u in units[k:]]
            run = run[:next((j for j, u in enumerate(run) if u.kind != "bullet"), len(run))]
            lead = units[k - 1] if k and units[k - 1].kind != "bullet" else None
            out.append(ListSpan((lead.start, lead.end) if lead else None,
                                tuple((u.start, u.end - _trailing(source[u.start:u.end])) for u in run)))
        elif unit.kind == "sentence":
            found = _enumeration(source, unit)
            if found:
                out.append(found)
    return out


def prose_chunks(doc_id: str, source: str, blocks: list[edgar.Block], max_words: int,
                 overlap: int) -> list[Chunk]:
    """Chunks of a run of prose blocks that share one heading."""
    if all(b.kind == "heading" for b in blocks):
        return []
    units = _sentence_units(source, blocks)
    out = []
    for packed in _pack(_groups(units, blocks), max_words, overlap):
        # headings are the chunk's metadata, not its text: readers kept picking them as answers
        packed = [u for u in packed if u.kind != "heading"] or packed
        start, end = packed[0].start, packed[-1].end
        heading = next((b.heading for b in blocks if b.start <= start < b.end + 1), blocks[-1].heading)
        lists = _lists(source, packed)
        pieces = _unit_pieces(source, packed)
        out.append(Chunk(doc_id, "prose", start, end, heading, _render(source, pieces), pieces,
                         tuple((u.start, u.end) for u in packed), ProseMeta(tuple(lists)) if lists else None))
    return out


def _unit_pieces(source: str, units: list[Unit]) -> tuple:
    """The units as view pieces, punctuated so a reader sees sentences: a heading ends with
    ". " unless it has its own colon, bullets are joined by "; " (their "o" markers dropped)."""
    pieces: list = []
    for k, unit in enumerate(units):
        if k:
            prev = units[k - 1]
            ends = source[prev.start:prev.end].rstrip()[-1:]
            if prev.kind == "heading" and ends not in ":.":
                pieces.append(". ")
            elif prev.kind == "bullet" and unit.kind == "bullet" and ends not in ";.,":
                pieces.append("; ")
            else:
                pieces.append(" ")
        pieces.append((unit.start, unit.end))
    return tuple(pieces)


def _render(source: str, pieces: tuple) -> str:
    return "".join(p if isinstance(p, str) else " ".join(source[p[0]:p[1]].split()) for p in pieces)


def _title(doc_id: str, source: str, blocks: list[edgar.Block]) -> tuple[list[Chunk], int]:
    """The title lines at the top of a filing (two or more headings in a row) as their own chunk."""
    n = 0
    while n < len(blocks) and blocks[n].kind == "heading":
        n += 1
    if n < 2:
        return [], 0
    start, end = blocks[0].start, blocks[n - 1].end
    return [Chunk(doc_id, "prose", start, end, "", collapse(source, start, end).text, ((start, end),),
                  tuple((b.start, b.end) for b in blocks[:n]))], n


def chunk_document(doc_id: str, source: str, max_words: int, overlap: int) -> list[Chunk]:
    """All chunks of one filing: its title, prose chunks per section, and table chunks."""
    blocks = edgar.parse(source)
    chunks, skip = _title(doc_id, source, blocks)
    titles = {b.heading for b in blocks[:skip]}        # title lines head no section
    blocks = [dataclasses.replace(b, heading="") if b.heading in titles else b for b in blocks]
    run: list[edgar.Block] = []
    for block in blocks[skip:] + [None]:
        breaks = block is None or block.kind == "table" or (
            run and block.kind == "heading" and run[-1].kind != "heading")
        if breaks:
            chunks.extend(prose_chunks(doc_id, source, run, max_words, overlap))
            run = []
        if block is not None and block.kind == "table":
            chunks.extend(table_facts.table_chunks(doc_id, source, block))
        elif block is not None:
            run.append(block)
    return chunks
