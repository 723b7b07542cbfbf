"""The question-answering pipeline over an index: retrieve, read, decide, explain.

``QA`` is safe to share between threads: an ask holds the pipeline's lock, so
concurrent asks give exactly the answers of a sequential run.  Each ``QA`` owns its
:class:`~qa.reading.calibration.Calibrator` (from ``Settings.calibration``, else
``$QA_CALIBRATION``, else the shipped one; or given).
Not handled: arithmetic over facts that are not all cells of one table.
"""
from __future__ import annotations

import dataclasses
import logging
import threading
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Mapping

from qa import retrieval
from qa.answer import Answer
from qa.errors import QAError, UnknownDocumentError
from qa.indexing import build as indexing
from qa.indexing import store
from qa.indexing.progress import Progress
from qa.parsing.sources import doc_id_for, read_filing
from qa.reading import confidence
from qa.reading.assembly import AnswerAssembly
from qa.reading.calibration import Calibrator
from qa.reading.readers import default_readers as readers_for
from qa.reading.readers.base import Candidate, ReadPassage, widened_chunk
from qa.reading.ticker_classes import ticker_classes, with_classes
from qa.settings import Settings
from qa.text.views import squash
from qa.understanding import kinds
from qa.understanding.questions import Question, analyse
from qa.understanding.share_classes import filing_classes

log = logging.getLogger(__name__)
SURE = 0.9    # a structural answer this confident skips the neural reader


SHORT_SECTION = 12   # words: a section this short is a labelled value ("Investment Advisor" / "Wellington …")


def _lead(chunk) -> str:
    """The heading as context for a section too short to say what it is about ("Investment
    Advisor" over "Wellington Management Company LLP"): the reader sees "Investment Advisor: …"."""
    if chunk.kind != "prose" or not chunk.heading or len(chunk.text.split()) >= SHORT_SECTION:
        return ""
    return f"{chunk.heading.rstrip(':').strip()}: "


@dataclasses.dataclass(frozen=True)
class Traced:
    """An answer with the retrieval that produced it (what the evaluation scores recall on)."""

    answer: Answer
    query: str                          # the text searched: the question as analysed (corrected)
    hits: tuple[retrieval.Hit, ...]     # the retrieved chunks, best first, as the readers got them


class QA(AnswerAssembly):
    """Answers questions about the filings of one index."""

    def __init__(self, data: indexing.IndexData, settings: Settings | None = None, readers=None,
                 calibrator: Calibrator | None = None):
        self.data = data
        self.settings = settings or Settings()
        self.readers = readers if readers is not None else readers_for(data, self.settings)
        self.calibrator = calibrator if calibrator is not None else Calibrator.for_settings(self.settings)
        self._lock = threading.RLock()
        self._classes: dict[str, list] = {}     # per filing, the share classes it names
        self._tickers: dict[str, dict[str, str]] = {}     # per filing, its tickers' classes

    # -- construction -------------------------------------------------------
    @classmethod
    def from_texts(cls, texts: Mapping[str, str], settings: Settings | None = None,
                   names: Mapping[str, str] | None = None, progress: Progress | None = None) -> "QA":
        """Index filings held in memory, ``{doc_id: text}``; ``progress(stage, done, total)`` hears
        how the chunking and embedding go."""
        settings = settings or Settings()
        if not texts:
            raise QAError("no filings given: pass at least one {doc_id: text}")
        for doc_id, text in texts.items():
            if not isinstance(text, str) or not text.strip():
                raise QAError(f"filing {doc_id!r} is empty: give it some text")
        return cls(indexing.build(dict(texts), settings, dict(names or {}), progress), settings)

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], index_dir: str | Path | None = None,
                   settings: Settings | None = None, progress: Progress | None = None) -> "QA":
        """Read and index filings from disk; save the index to ``index_dir`` when given."""
        settings = settings or Settings()
        texts, names = {}, {}
        for path in paths:
            doc_id = doc_id_for(path, set(texts))
            texts[doc_id], names[doc_id] = read_filing(path, settings.max_file_bytes), Path(path).name
        pipeline = cls.from_texts(texts, settings, names, progress)
        if index_dir is not None:
            pipeline.save(index_dir)
        return pipeline

    @classmethod
    def load(cls, directory: str | Path, settings: Settings | None = None,
             expected: Mapping[str, str] | None = None, rebuild: bool = True,
             progress: Progress | None = None) -> "QA":
        """Load a saved index; a stale one is rebuilt from its own sources (and saved)."""
        settings = settings or Settings()
        try:
            return cls(store.load(directory, settings, dict(expected) if expected else None), settings)
        except store.RebuildNeeded as exc:
            if not rebuild:
                raise
            log.warning("%s; rebuilding", exc)
            pipeline = cls.from_texts(exc.sources, settings, exc.names, progress)
            try:
                pipeline.save(directory)
            except OSError as err:
                log.warning("could not save the rebuilt index to %s: %s", directory, err)
            return pipeline

    def save(self, directory: str | Path) -> None:
        """Write the index to ``directory`` (atomically)."""
        store.save(self.data, directory)

    # -- documents ----------------------------------------------------------
    @property
    def documents(self) -> list[str]:
        """The ids of the indexed filings."""
        return list(self.data.sources)

    def source_text(self, doc_id: str) -> str:
        """The untouched text of a filing, which every offset points into."""
        self._check_doc(doc_id)
        return self.data.sources[doc_id]

    def _check_doc(self, doc_id: str | None) -> None:
        if doc_id is not None and doc_id not in self.data.sources:
            known = ", ".join(sorted(self.data.sources)[:10])
            raise UnknownDocumentError(f"no filing {doc_id!r} in this index; known: {known}")

    # -- asking -------------------------------------------------------------
    def ask(self, question: str, doc_id: str | None = None) -> Answer:
        """Answer ``question`` from the filings (or from ``doc_id`` only)."""
        return self.ask_traced(question, doc_id).answer

    def ask_traced(self, question: str, doc_id: str | None = None) -> Traced:
        """``ask``, with the query searched and the chunks retrieved for this very answer."""
        q, passages, candidates = self.candidates(question, doc_id)
        return Traced(self._answer(q, passages, candidates), q.text, tuple(p.hit for p in passages))

    def candidates(self, question: str, doc_id: str | None = None):
        """(question, passages, scored candidates best first): what ``ask`` decides from."""
        q = analyse(question, self.settings.max_question_chars)
        self._check_doc(doc_id)
        searched = retrieval.searched_as(self.data, with_classes(q.text, self._tickers_of(doc_id)), doc_id)
        if searched != q.text:            # the filing's own fund named: read as "the Fund"; a ticker as its class
            q = dataclasses.replace(analyse(searched, self.settings.max_question_chars), asked=q.asked)
        with self._lock:
            hits = retrieval.search(self.data, q.text, self.settings,
                                    max(self.settings.top_k, self.settings.read_k), doc_id)
            passages = [self._passage(h, rank) for rank, h in enumerate(hits)]
            return q, passages, self._read(q, passages)

    def read(self, question: str, chunk_ids: list[int]) -> Answer:
        """Answer from the given chunks only, skipping retrieval (the evaluation's isolated mode)."""
        q = analyse(question, self.settings.max_question_chars)
        with self._lock:
            passages = [self._passage(retrieval.Hit(i, 1.0, float("nan"), 0.0, None, None), rank)
                        for rank, i in enumerate(chunk_ids)]
            candidates = self._read(q, passages)
        return self._answer(q, passages, candidates)

    def ask_many(self, questions: Iterable[str], doc_id: str | None = None) -> list[Answer]:
        """``ask`` for each question, in order."""
        return [self.ask(q, doc_id) for q in questions]

    def _passage(self, hit: retrieval.Hit, rank: int) -> ReadPassage:
        chunk = widened_chunk(self.data.chunks, self.data.sources, hit.chunk, self.settings.read_window)
        source = self.data.sources[chunk.doc_id]
        return ReadPassage(chunk, chunk.view(source, _lead(chunk)), rank, hit)

    def _read(self, q: Question, passages: list[ReadPassage]) -> list[Candidate]:
        """Every reader's candidates, scored by the calibrated confidence when there is one.

        The structural readers go first; when one of them is sure (score >= ``SURE``), the
        neural forward pass is skipped.  The neural reader reads in tiers (:meth:`_tiers`): the
        top passage, the rest of the top ``read_k`` when no answer is yet ``early_exit`` sure,
        and ``read_more`` further ones when nothing clears its threshold."""
        found: list[Candidate] = []
        for reader in sorted(self.readers, key=lambda r: not getattr(r, "structural", False)):
            if getattr(reader, "structural", False):
                found += [self._scored(q, c, passages[c.passage], passages) for c in reader.read(q, passages)
                          if self._fits(q, c)]
                continue
            for tier, enough in self._tiers(passages):
                if any(self._settles(c, enough) for c in found):
                    break
                if not tier:
                    continue
                found += [self._scored(q, c, tier[c.passage], passages) for c in reader.read(q, tier)]
                found = self._supported(found)
        return sorted(found, key=lambda c: -c.score)

    def _fits(self, q: Question, cand: Candidate) -> bool:
        """Whether a structural reader's candidate is of a form that can answer the question's kind
        ("When was the meeting held?" is not "a diversified company"); the neural reader checks
        its spans itself, less strictly ("without limit" answers "how much…?").  A comparison
        ("Which class has the higher fee?") is answered by a label, so it is not checked."""
        i = q.intents
        if i.higher or i.superlative or i.rank or i.extreme:
            return True
        return kinds.agrees(q.kind, cand.text_in(self.data.sources[cand.doc_id]))

    def _tiers(self, passages: list[ReadPassage]) -> list[tuple[list[ReadPassage], float]]:
        """The neural reader's reads, each with the score that makes it unnecessary: the first
        ``first_read`` passages (skipped when a structural answer is sure), the rest of the top
        ``read_k`` (skipped when an answer already scores ``early_exit``), then ``read_more``
        (skipped when anything clears its threshold)."""
        readable = [p for p in passages if p.chunk.kind != "table"]
        s = self.settings
        first = min(s.first_read, s.read_k) if s.first_read > 0 else s.read_k
        return [(readable[:first], SURE), (readable[first:s.read_k], s.early_exit),
                (readable[s.read_k:s.read_k + s.read_more], 0.0)]

    def _settles(self, cand: Candidate, enough: float) -> bool:
        """Whether ``cand`` makes a further read unnecessary: it clears its reader's threshold
        and its reader's own score (for the neural reader the uncalibrated margin score, so the
        reads do not depend on the calibration fitted from them) is at least ``enough``."""
        return cand.score >= self._threshold(cand.method) and (cand.score if cand.raw is None else cand.raw) >= enough

    def _supported(self, found: list[Candidate]) -> list[Candidate]:
        """Neural candidates rescored with how many other passages proposed the same text."""
        def key(c: Candidate) -> str:
            return squash(self.data.sources[c.doc_id][c.start:c.end]).lower()
        holders: dict[str, set] = defaultdict(set)
        for c in found:
            if c.method == confidence.CALIBRATED:
                holders[key(c)].add(c.passage)
        out = []
        for c in found:
            if c.method != confidence.CALIBRATED:
                out.append(c)
                continue
            vector = confidence.with_support(list(c.vector), len(holders[key(c)]) - 1)
            score = self.calibrator.probability(vector)
            out.append(dataclasses.replace(c, score=(c.score if c.raw is None else c.raw) if score is None else score,
                                           vector=tuple(vector)))
        return out

    def _scored(self, q: Question, cand: Candidate, read_from: ReadPassage,
                passages: list[ReadPassage]) -> Candidate:
        """The candidate with its feature vector, re-indexed into ``passages``; neural ones are
        given their calibrated score by :meth:`_supported`, which also needs the other passages."""
        return dataclasses.replace(cand, passage=next(i for i, p in enumerate(passages) if p is read_from),
                                   raw=cand.score, vector=tuple(confidence.features(cand, read_from, q,
                                                                                    self.data.sources[cand.doc_id])))

    def _threshold(self, method: str) -> float:
        if self.settings.threshold is not None:
            return self.settings.threshold
        if method == confidence.CALIBRATED and self.calibrator.threshold is not None:
            return self.calibrator.threshold
        reader = next((r for r in self.readers if r.name == method), None)
        return getattr(reader, "threshold", 0.5)

    def _tickers_of(self, doc_id: str | None) -> dict[str, str]:
        """The filing's tickers with the classes they trade as (once per filing; none across filings)."""
        if doc_id is None and len(self.data.ranges) == 1:
            doc_id = next(iter(self.data.ranges))
        if doc_id is None:
            return {}
        if doc_id not in self._tickers:
            self._tickers[doc_id] = ticker_classes(self.data.sources[doc_id])
        return self._tickers[doc_id]

    def _classes_of(self, doc_id: str) -> list:
        """The share classes a filing names (computed once per filing): a question naming
        another class is one the filing does not answer."""
        if doc_id not in self._classes:
            self._classes[doc_id] = filing_classes(self.data.sources[doc_id])
        return self._classes[doc_id]
