"""Casual variants of SQuAD questions, so the reader meets the way people type.

SQuAD questions are written carefully ("What is the name of the new adviser?");
users of a search box write "whos the new advisor", "freeman yrs experience" or
"fee table based on which year".  ``casual`` rewrites a question with a few of
these habits, each drawn at random (seeded, so a run is repeatable):

- the auxiliary after the question word is fused or dropped ("what is" -> "whats");
- the question is cut to its content words ("name of the new adviser");
- the question word moves to the end ("the fee table based on which year");
- one longer word gets a typo (two letters swapped, one dropped or doubled);
- the question mark goes.

The reader's tokenizer is uncased, so case is not varied.  Not handled: synonyms
or paraphrase (they need a model), and questions in other languages.
"""
from __future__ import annotations

import random
import re
from dataclasses import replace

from qa.text.lexical import STOP_WORDS

_WH = ("what", "which", "who", "whom", "whose", "when", "where", "why", "how")
_AUX = {"is": "s", "are": "re", "was": "", "were": "", "does": "", "do": "", "did": "",
        "has": "s", "have": "", "had": ""}


def _fuse(words: list[str], rng: random.Random) -> list[str]:
    """``what is the X`` -> ``whats the X`` or ``what the X``."""
    if len(words) > 2 and _bare(words[0]) in _WH and _bare(words[1]) in _AUX:
        tail = _AUX[words[1].lower()] if rng.random() < 0.6 else ""
        return [words[0] + tail] + words[2:]
    return words


def _keywords(words: list[str]) -> list[str]:
    """Drop question words and stop words, keeping the content of the question."""
    kept = [w for w in words if _bare(w) and _bare(w) not in STOP_WORDS
            and _bare(w) not in _WH and _bare(w) not in _AUX]
    return kept if len(kept) >= 2 else words


def _wh_last(words: list[str]) -> list[str]:
    """``what does defensive investing buy`` -> ``defensive investing buy what``."""
    if len(words) > 3 and _bare(words[0]) in _WH and _bare(words[1]) in _AUX:
        body = [w for w in words[2:] if w != "?"]
        return body + [words[0]]
    return words


def _typo(words: list[str], rng: random.Random) -> list[str]:
    """One word of six letters or more gets a swapped, dropped or doubled letter."""
    long = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 6]  # no punctuation
    if not long:
        return words
    i = rng.choice(long)
    w, k = words[i], rng.randrange(1, len(words[i]) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    elif kind == 1:
        w = w[:k] + w[k + 1:]
    else:
        w = w[:k] + w[k] + w[k:]
    return words[:i] + [w] + words[i + 1:]


def _bare(word: str) -> str:
    return word.strip(",.;:!?\"'()").lower()


def _join(words: list[str]) -> str:
    return re.sub(r" \?$", "?", " ".join(words))


def casual(question: str, rng: random.Random) -> str:
    """Return ``question`` rewritten with one to three casual habits (may be unchanged
    when none applies, e.g. a two-word question)."""
    words = question.strip().rstrip("?").split()
    if not words:
        return question
    words.append("?")
    style = rng.random()
    if style < 0.35:
        words = _keywords(words)
    elif style < 0.5:
        words = _wh_last(words)
    elif style < 0.8:
        words = _fuse(words, rng)
    if rng.random() < 0.35:
        words = _typo(words, rng)
    if words and words[-1] == "?" and rng.random() < 0.7:
        words = words[:-1]
    return _join(words)


def casual_share(examples: list, share: float, seed: int) -> list:
    """``examples`` with about ``share`` of their questions rewritten by ``casual``
    (seeded; the contexts and answers are untouched)."""
    if share <= 0:
        return examples
    rng = random.Random(seed)
    return [replace(e, question=casual(e.question, rng)) if rng.random() < share else e
            for e in examples]
