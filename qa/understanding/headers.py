"""Matching the words of a question to table row and column labels.

Both sides are normalised first: number words become digits, hyphens and
punctuation become spaces, ``yrs``/``years`` become ``year``, ``shares`` becomes
``share``.  So "one-year" matches "1 Year", "ten year" matches "10 Years", "B
shares" matches "Class B" and "12b1" matches "12b-1 Fees" (fuzzily).

A few fund-document synonyms are mapped too ("expense ratio" = total annual operating
expense, "distribution fee" = 12b-1 fee, "advisory fee" = management fee, "benchmark" =
index, "mgmt" = management, "first year" = 1 year).

Not handled: other synonyms that share no words with the label.
"""
from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

from qa.text.numbers import YEAR, _words_to_digits
from qa.understanding.lexicon import YEAR_SPAN

_SUBS = [(re.compile(p), r) for p, r in [
    (r"\bmgmt\b|\bmgt\b", "management"), (r"\bexpense ratio\b", "total annual operating expense"),
    (r"\bdistribution fees?\b", "12b 1 fee"), (r"\badvisory fees?\b", "management fee"),
    (r"\bbenchmark\b", "index"),
    (r"\bfirst (?=years?\b)", "1 "), (r"\bsecond (?=years?\b)", "2 "), (r"\bthird (?=years?\b)", "3 "),
    (r"\bfifth (?=years?\b)", "5 "), (r"\btenth (?=years?\b)", "10 "),
    (r"\bpercent(age)?\b|\bpct\b", "%"),
    (r"\byrs?\b|\byears\b", "year"), (r"\bmonths\b", "month"), (r"\bshares\b", "share"),
    (r"\bfees\b", "fee"), (r"\bexpenses\b", "expense"), (r"\breturns\b", "return"),
    (r"\bannually\b", "annual"), (r"\bone\b", "1"),
]]
# a month written short, and in full ("Aug - 2019" is "August 2019")
MONTHS = {"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
           "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
           "dec": "december"}
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
_STOP = {"the", "a", "an", "of", "for", "in", "on", "to", "and", "or", "is", "what", "was", "were",
         "does", "do", "did", "how", "much", "which", "over", "by", "with", "its", "it", "are", "be"}


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower-case words and digits only, with the substitutions above (cached: the same labels
    are normalised for every question about their table)."""
    text = _words_to_digits(text.lower().replace("\u2019", "'"))
    text = re.sub(r"(?<=[a-z])'s\b", "", text)        # "Class's" is no "Class S"
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"[^a-z0-9.%$]+", " ", text)
    text = re.sub(r"(?<![0-9])\.|\.(?![0-9])", " ", text)
    for pattern, repl in _SUBS:
        text = pattern.sub(repl, text)
    text = _MONTH.sub(lambda m: MONTHS[m.group()], text)     # "Aug - 2019" is "August 2019"
    text = re.sub(r"\b12b 1\b", "12b1", text)      # one name: its "1" is not the "1" of "1 Year"
    words = text.split()
    stems = _stemmer().stemWords(words)
    return " ".join(s if w.isalpha() and len(w) > 3 else w for w, s in zip(words, stems))


@functools.cache
def _stemmer():
    import Stemmer
    return Stemmer.Stemmer("english")


def label_tokens(text: str) -> list[str]:
    """Label tokens without stop words, but keeping one-letter names ("Class A")."""
    return [t for t in normalise(text).split() if t not in _STOP or len(t) == 1]


def distinctive(labels: list[str]) -> list[set[str]]:
    """For each label, the tokens that not every label of its axis shares."""
    token_sets = [set(label_tokens(label)) for label in labels]
    common = set.intersection(*token_sets) if len(token_sets) > 1 else set()
    return [s - common for s in token_sets]


def _has_token(question_tokens: list[str], token: str, shared: set[str]) -> bool:
    """Whether the question holds ``token``; a one-letter name counts only as "<shared word> X"
    or "X share" ("Class B", "B shares"), never as a stray article."""
    if len(token) == 1 and token.isalpha():
        before = shared | {"class"}
        pairs = list(zip(question_tokens, question_tokens[1:]))
        return any((a in before and b == token) or (a == token and b == "share") for a, b in pairs)
    if token in question_tokens:
        return True
    return len(token) >= 5 and any(fuzz.ratio(token, t) >= 85 or _inflected(token, t) for t in question_tokens)


def _inflected(a: str, b: str) -> bool:
    """Whether two stems are one word's inflections the stemmer leaves apart ("waiv" of
    "waived", "waiver"): the shorter, of four letters at least, begins the longer, which adds at
    most two letters."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and short.isalpha() and long.startswith(short) and len(long) - len(short) <= 2


def label_scores(question: str, labels: list[str]) -> list[float]:
    """How strongly the question names each label, 0..1 (1 = the label's words verbatim)."""
    q_norm = normalise(question)
    q_all = q_norm.split()
    q_tokens = [t for t in q_all if t not in _STOP]
    token_sets = [set(label_tokens(label)) for label in labels]
    shared = set.intersection(*token_sets) if len(token_sets) > 1 else set()
    scores, named, wide = [], [], []
    norms = [normalise(_MARKERS.sub("", label)) for label in labels]    # "… Expenses (b)" quoted as "… Expenses"
    bare = [_MARKERS.sub("", label) for label in labels]               # without "(b)(c)": no words of the label
    heads = [_QUALIFIER.sub("", label) for label in bare]
    # labels told apart by their heads are named by their heads' words: "(as a percentage of the
    # lesser of purchase price ...)" does not make "Maximum Deferred Sales Charge" a purchase's
    told = distinctive(heads) if len({normalise(h) for h in heads}) == len(labels) else distinctive(bare)
    for label, norm, disc in zip(labels, norms, told):
        named.append({t for t in disc if len(t) > 1 and _has_token(q_tokens, t, shared)})
        wide.append(len([t for t in disc if len(t) > 1]))
        if len(norm) > 1 and _quoted(norm, q_norm):     # a one-letter label counts as "Class S" only
            scores.append(1.0)
            continue
        head = normalise(_QUALIFIER.sub("", label))
        if head != norm and head not in norms and len(head.split()) >= 3 and _quoted(head, q_norm):
            scores.append(1.0)                # "Maximum Sales Charge (Load) Imposed on Purchases
            continue                          # (as a percentage of offering price)"
        hits = len(named[-1]) + sum(_has_token(q_all, t, shared) for t in disc if len(t) == 1)
        score = min(1.0, hits / max(1, min(len(disc), 2))) * 0.9 if disc else 0.0
        if len(disc) >= 4 and disc <= set(q_all):
            score = 1.0                       # every word, reordered: "earnings per common basic share"
        score = _year_score(q_all, q_tokens, disc, token_sets, shared, score)
        solid = norm.replace(" ", "")
        if len(solid) >= 4 and _solid_in(solid, q_all):
            score = max(score, 0.95)          # "12b1" for "12b-1", "russell3000" for "Russell 3000"
        elif sum(c.isalpha() for c in norm) >= 8 and fuzz.partial_ratio(norm, q_norm) >= 90:
            score = max(score, 0.85)          # typos in long labels
        if _years(disc) and _years(set(q_tokens)) and not _years(disc) & set(q_tokens):
            score = min(score, 0.5)           # "Fiscal 2018 Third Quarter" is not "fiscal 2019 third quarter"
        scores.append(score)
    scores = _drop_contrary(scores, norms, set(q_all))
    return _drop_nested(labels, _drop_wider(_drop_subsumed(scores, named, wide), named, wide, labels), named)


_CONTRARY = (("befor", "after"), ("gross", "net"))      # as normalised (stemmed)


def contrary(asked: set[str], held: set[str], pairs: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``held`` (a label's words) says the opposite of a word of ``asked`` (the
    question's), and not that word: of each pair, either side against the other."""
    return any(a in asked and b in held and a not in held for pair in pairs for a, b in (pair, pair[::-1]))


def _drop_contrary(scores: list[float], norms: list[str], asked: set[str]) -> list[float]:
    """A label saying the opposite of a word the question asks by, and not that word, is named
    less: "expenses before reimbursement" is not "Total … Expenses After Expense Reimbursement"."""
    return [score * SUBSUMED if contrary(asked, set(norm.split()), _CONTRARY) else score
            for score, norm in zip(scores, norms)]


SUBSUMED_BY = 0.85  # a longer label named this well, by words beyond a label inside it, takes its place
SUBSUMED = 0.6      # what is left of a label's score when another is named by more of the question


def _drop_subsumed(scores: list[float], named: list[set[str]], wide: list[int]) -> list[float]:
    """Of labels the question names equally well by the measure above (two words of each), one is
    named less when another, scoring as high, is named by every word that names it and more:
    "MSCI India Index (Net)" names "MSCI India Index (Net Total Return)" by msci, india, index
    and net, and "MSCI India Index (Gross Total Return)" only by the first three.  Labels quoted
    verbatim (0.95 and over) keep their scores; one-letter words do not count (the "a" of "as a
    percentage" is no "Class A"), and the other must be named by at least half its words ("Delaware
    Select Growth Fund, a series of Voyageur Mutual Funds III" is not "Delaware Small Cap Growth
    Fund" for sharing delaware, growth and fund)."""
    out = list(scores)
    for i, words in enumerate(named):
        if 0 < scores[i] < 0.95 and any(j != i and scores[j] >= scores[i] and words < other and
                                        2 * len(other) >= wide[j] for j, other in enumerate(named)):
            out[i] = scores[i] * SUBSUMED
    return out


_OPERATOR = re.compile(r"^\s*(?:less|plus|minus)\s*:\s*", re.IGNORECASE)     # "Less: Fee Waiver …"


def _drop_wider(scores: list[float], named: list[set[str]], wide: list[int], labels: list[str]) -> list[float]:
    """Of labels named equally well by the same words of the question, one named by fewer than
    half its words is named less when the other is named by two thirds of its own: "the fee
    waiver" is "Fee Waivers and/or Reimbursements", not "Total Annual Fund Operating Expenses
    After Fee Waivers and/or Reimbursements"; but "max sales charge" tells neither "Maximum
    deferred sales charge" nor "Maximum sales charge (load) imposed on purchases" apart.  So too
    when the other, named by half its words, has all its words among its own ("Less: Fee Waiver
    and/or Expense Reimbursement" within "Total … After Fee Waiver and/or Expense Reimbursement").  Labels quoted verbatim (0.95
    and over) keep their scores."""
    out = list(scores)
    own = _LazyTokens(labels)
    for i, words in enumerate(named):
        if 0 < scores[i] < 0.95 and words and any(
                j != i and scores[j] == scores[i] and other == words and
                ((2 * len(words) < wide[i] and 3 * len(other) >= 2 * wide[j]) or
                 (own[j] < own[i] and 2 * len(other) >= len(own[j])))
                for j, other in enumerate(named)):
            out[i] = scores[i] * SUBSUMED
    return out


class _LazyTokens:
    """Each label's words of two letters or more, without a leading "Less:", computed when
    first asked for (only labels that tie need them)."""

    def __init__(self, labels: list[str]):
        self.labels, self.done = labels, {}

    def __getitem__(self, i: int) -> set[str]:
        if i not in self.done:
            self.done[i] = {t for t in label_tokens(_OPERATOR.sub("", self.labels[i])) if len(t) > 1}
        return self.done[i]


def _quoted(norm: str, q_norm: str) -> bool:
    """Whether the normalised label stands in the normalised question as whole words."""
    return bool(re.search(rf"(?<![0-9a-z]){re.escape(norm)}(?![0-9a-z])", q_norm))


def _solid_in(solid: str, q_all: list[str]) -> bool:
    """Whether ``solid`` (a label without spaces) is in the question's words run together,
    starting and ending at word edges ("12b1" in "12b 1 fee"; "continuoper" not in "discontinu oper")."""
    starts, ends, pos = set(), set(), 0
    for token in q_all:
        starts.add(pos)
        pos += len(token)
        ends.add(pos)
    run = "".join(q_all)
    return any(m.start() in starts and m.start() + len(solid) in ends
               for m in re.finditer(f"(?={re.escape(solid)})", run))


def _years(tokens: set[str]) -> set[str]:
    return {t for t in tokens if YEAR.fullmatch(t)}


def _year_score(q_all, q_tokens, disc: set[str], token_sets, shared, score: float) -> float:
    """The label's ``score`` revised by its year.

    A label of one year the question names scores 0.95 ("in 2019" names "December 31, 2019");
    when other labels hold that year too ("Fiscal 2019 First Quarter" … "Fiscal 2019 Total"),
    0.5 to 0.95 by the share of the words setting it apart from them that the question names.  A label
    of several years ("2019 vs 2018") needs all of them named.  A label whose years the
    question does not name, when it names another, scores half."""
    years, asked = _years(disc), _years(set(q_tokens))
    if not years or not asked:
        return score
    if not years & asked:
        return score * 0.5
    if len(years) > 1:
        return max(score, 0.95) if years <= asked else score
    same = [other for other in token_sets if _years(other) == years]
    if len(same) <= 1:
        return max(score, 0.95)
    rest = disc - years - set.intersection(*same)
    named = sum(_has_token(q_all if len(t) == 1 else q_tokens, t, shared) for t in rest)
    return 0.5 + 0.45 * named / max(1, len(rest))


_RANGE = re.compile(r"\b(years|periods)\s+((?:19|20)\d\d)\s*(?:to|through|-|–)\s*((?:19|20)\d\d)\b", re.IGNORECASE)


def spelled_years(question: str) -> str:
    """A range of years the question lists ("fiscal years 2019 to 2017") written out ("fiscal years
    2019, 2018 and 2017"), so every year in it names its column.  Not handled: "from 2017 to 2019"
    (a movement between two years, left as it is)."""
    def spell(m: re.Match) -> str:
        a, b = int(m.group(2)), int(m.group(3))
        step = -1 if a > b else 1
        years = [str(y) for y in range(a, b + step, step)]
        if len(years) > 10:
            return m.group()
        return f"{m.group(1)} " + (", ".join(years[:-1]) + " and " + years[-1] if len(years) > 1 else years[0])
    return _RANGE.sub(spell, question)


def every_year(question: str) -> str:
    """The question with each span of years written out year by year, in any order ("the average
    for 2017-2019" reads "2017 and 2018 and 2019"): what a sum or an average over the span takes.
    Not handled: spans of more than ten years (left as they are)."""
    def spell(m: re.Match) -> str:
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        return " and ".join(str(y) for y in range(a, b + 1)) if b - a <= 10 else m.group()
    return YEAR_SPAN.sub(spell, question)


_MARKERS = re.compile(r"(?:\s*\([a-z0-9]{1,2}\)|\*+)+\s*$")       # footnote markers ending a label
_QUALIFIER = re.compile(r"\s*\([^()]{12,}\)\s*$")   # a trailing "(as a percentage of offering price)"
_JOINS = {"and", "or", "vs", "versus", "&", "plus"}


def coordinated(question: str, labels: list[str]) -> bool:
    """Whether the question lists these labels side by side ("sales and gross profit", "2019,
    2018 and 2017", "… respectively") rather than naming one inside a phrase about another
    ("the percentage of sales represented by gross profit").  True when a label is not quoted
    word for word (nothing to tell)."""
    q_norm = normalise(question)
    if "respect" in q_norm.split():
        return True
    spans = []
    for label in labels:
        m = re.search(rf"(?<![0-9a-z]){re.escape(normalise(label))}(?![0-9a-z])", q_norm)
        if not m or not normalise(label):
            return True
        spans.append(m.span())
    spans.sort()
    gaps = [q_norm[a[1]:b[0]].split() for a, b in zip(spans, spans[1:])]
    return all(not gap or _JOINS & set(gap) for gap in gaps)


def _drop_nested(labels: list[str], scores: list[float], named: list[set[str]]) -> list[float]:
    """A label matched only inside a longer matched label ("Other" in "Rent and other
    deposits") does not count as named; nor one matched inside a longer label that the question
    names by further words of its own ("Annual Fund Operating Expenses" in "Total Annual Fund
    Operating Expenses After Fee Waiver …", asked "the net expenses after fee waiver")."""
    norms = [normalise(_QUALIFIER.sub("", label)) for label in labels]      # "Annual Fund Operating Expenses
    words = [set(n.split()) - _STOP for n in norms]                         # (expenses that you pay …)"
    out = list(scores)
    for i, a in enumerate(norms):
        for j, b in enumerate(norms):
            if i == j or scores[i] < 0.95 or len(b) <= len(a):
                continue
            inside = re.search(rf"(?<![0-9a-z]){re.escape(a)}(?![0-9a-z])", b) or \
                (len(words[i]) >= 3 and words[i] < words[j])       # "Fee Waiver and Expense Reimbursement"
            extra = named[j] - words[i]             # "After Fee Waiver/Expense …"; "Held" of "Class C Held"
            beyond = scores[j] >= SUBSUMED_BY and (len(extra) >= 2 or bool(extra) and words[j] - words[i] <= named[j])
            if inside and (scores[j] >= 0.95 or beyond):
                out[i] = min(out[i], 0.5)
    return out
