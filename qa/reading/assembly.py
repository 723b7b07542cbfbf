"""From the readers' scored candidates to the typed :class:`~qa.answer.Answer` a user gets.

A mixin of :class:`qa.pipeline.QA` (it needs ``data``, ``settings``, ``readers`` and the
pipeline's ``_threshold`` and ``_classes_of``): the best candidate that clears its reader's
threshold, shaped by its reader, with its context sentence, the passages that hold the
candidates as evidence (best first), and the other spans as alternatives; or "the filing does not
say", with the same evidence.

Not handled: answers drawn from two candidates at once (a computed answer carries its operands).
"""
from __future__ import annotations

from qa.answer import Answer, Passage, Span
from qa.indexing.records import meta_dict
from qa.parsing.pages import page_of
from qa.reading import parts as parts_of
from qa.reading.readers.base import Candidate, ReadPassage
from qa.text.views import squash
from qa.understanding.questions import Question
from qa.understanding.share_classes import unknown_class


def _answers(q: Question, cand: Candidate) -> bool:
    """Whether ``cand`` can answer ``q`` at all: a difference between two things the question
    names ("How much more does Class C pay than Class A?") is answered only by a computation
    over both, never by one of them, so without every operand quoted the filing does not say."""
    return not q.two_sided or cand.method == "derived"


class AnswerAssembly:
    """The answer out of the candidates, for :class:`qa.pipeline.QA`."""

    def _answer(self, q: Question, passages: list[ReadPassage], cands: list[Candidate]) -> Answer:
        """The best candidate that clears its reader's threshold, or "the filing does not say"."""
        chosen = next((c for c in cands if c.score >= self._threshold(c.method) and _answers(q, c)
                       and not unknown_class(q.classes, self._classes_of(c.doc_id))), None)
        best = self.as_answered(chosen, passages, q) if chosen else None
        ordered = ([best] if best else []) + [c for c in cands if c is not chosen]
        ranked = self._ranked(passages, ordered)
        evidence = tuple(self._evidence(p, rank) for rank, p in enumerate(ranked[:self.settings.top_k]))
        spans = self._spans(ordered)
        if best is None:
            top = cands[0] if cands else None
            return Answer(question=q.asked, text="", found=False, score=top.score if top else 0.0,
                          evidence=evidence, alternatives=spans[:5], method=top.method if top else "")
        source = self.data.sources[best.doc_id]
        parts = tuple(Span(squash(source[s:e]), best.doc_id, s, e, best.score)
                      for s, e in best.parts) or (spans[0],)
        cs, ce, context = self._context(ranked[0], best)
        derived = best.derivation
        text = derived.result if derived else (parts_of.as_printed(source, best.parts) or "; ".join(p.text for p in parts))
        return Answer(question=q.asked, text=text,
                      found=True, score=best.score, doc_id=best.doc_id, start=best.start, end=best.end,
                      context=context, context_start=cs, context_end=ce, spans=derived.operands if derived else parts,
                      alternatives=spans[1:6], evidence=evidence, method=best.method, derivation=derived,
                      page=page_of(source, best.start))

    def as_answered(self, cand: Candidate, passages: list[ReadPassage], q: Question | None = None) -> Candidate:
        """The candidate as ``ask`` would answer with it: shaped by the reader that proposed it,
        when that reader shapes its spans (the neural reader's ``answered``), else as read."""
        reader = next((r for r in self.readers if r.name == cand.method), None)
        shape = getattr(reader, "answered", None)
        return shape(cand, passages, q, self.data.sources[cand.doc_id]) if shape else cand

    def _ranked(self, passages: list[ReadPassage], cands: list[Candidate]) -> list[ReadPassage]:
        """Passages best first: those holding the readers' candidates (by score), then the rest
        in retrieval order.  A candidate from a chunk outside the list (a table cell) joins it."""
        ordered = [self._holder(passages, c) for c in cands] + list(passages)
        seen, out = set(), []
        for p in ordered:
            key = (p.chunk.doc_id, p.chunk.start, p.chunk.end, p.chunk.kind)
            if key not in seen:
                seen.add(key)
                out.append(p)
        return out

    def _holder(self, passages: list[ReadPassage], cand: Candidate) -> ReadPassage:
        passage = passages[cand.passage]
        if cand.chunk is None or cand.chunk == passage.hit.chunk:
            return passage
        chunk = self.data.chunks[cand.chunk]
        return ReadPassage(chunk, chunk.view(self.data.sources[chunk.doc_id]), passage.rank, passage.hit)

    def _spans(self, cands: list[Candidate]) -> tuple[Span, ...]:
        seen, out = set(), []
        for c in cands:
            text = squash(self.data.sources[c.doc_id][c.start:c.end])
            if text.lower() not in seen:
                seen.add(text.lower())
                out.append(Span(text, c.doc_id, c.start, c.end, c.score))
        return tuple(out)

    def _context(self, passage: ReadPassage, cand: Candidate) -> tuple[int, int, str]:
        chunk = passage.chunk
        units = [u for u in chunk.units if u[0] < cand.end and cand.start < u[1]]
        if chunk.kind == "prose" and units:
            cs, ce = units[0][0], units[-1][1]
            return cs, ce, squash(self.data.sources[chunk.doc_id][cs:ce])
        return chunk.start, chunk.end, passage.view.text

    @staticmethod
    def _evidence(p: ReadPassage, rank: int) -> Passage:
        c = p.chunk
        return Passage(c.doc_id, c.start, c.end, p.view.text, c.heading, c.kind, p.hit.score,
                       rank, meta_dict(c.meta))
