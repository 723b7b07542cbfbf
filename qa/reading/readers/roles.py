"""Service providers read from the whole filing: "Who is the investment adviser?".

A fund filing names its adviser, sub-adviser, distributor, custodian, transfer agent,
administrator, auditor, trustee or sponsor in a few set ways:

- a defined term: ``Vontobel Asset Management, Inc. (the “Adviser”)``;
- an appositive: ``Vontobel Asset Management, Inc., the investment adviser of the Fund``;
- a sentence: ``Victory Capital Management Inc. serves as the Fund’s investment adviser``,
  ``The Fund’s distributor is ALPS Distributors, Inc.``, ``PricewaterhouseCoopers LLP, as the
  auditor of the Trust``;
- a heading line naming the role over a line that is the firm's name (``Sub-Adviser`` /
  ``Voya Investment Management Co. LLC``).

The question analysis says which role is asked (``Question.role``, from
:data:`qa.understanding.lexicon.ROLES`); this reader finds every firm the filing gives that
role, scanning each filing once per role, and answers with the one it names most often; a
question asking for several ("Who are the subadvisers?") gets every one, in the order printed.

Not handled: a role given only by a table (the table reader reads those), firms whose names are not capitalised, and a change of provider
(the old and the new firm count alike; two named equally often give no answer).
"""
from __future__ import annotations

import re
from collections import Counter

from qa.reading.readers.base import Candidate, ReadPassage
from qa.understanding.lexicon import ROLES
from qa.understanding.questions import Question

_WORD = r"(?:[A-Z][\w.&’'-]*|&|and|of|de|\([A-Z][\w.]*\))"
_SUFFIX = r"(?:,?\s+(?:Inc\.|LLC|L\.P\.|LLP|Ltd\.|N\.A\.|Co\.|Corp\.|Limited))?"
_FIRM = rf"(?P<firm>[A-Z][\w.&’'-]*(?:[ \t]+{_WORD})*{_SUFFIX})"
_OWNER = r"(?:the |its |the Fund[’']s |the Trust[’']s |the Portfolio[’']s )?"
_DEFINED = r"\s*\((?:together, |collectively, )?(?:the |its )?[“\"](?P<term>[^”\"]{2,40})[”\"]\)"
_VERB = r"(?:serves|acts|will serve|will act) as"
_FIRMLIKE = re.compile(r"\b(?:Inc|LLC|L\.P|LLP|Ltd|Limited|Company|Co|Corp|Corporation|N\.A|Management|Advisors|"
                       r"Advisers|Investments|Bank|Partners|Group|Distributors|Services|Securities|Capital|"
                       r"Solutions|AG|SA|PLC|GmbH|Pte)\b\.?")
SCORE = 0.92          # a firm the filing itself gives the role (above the pipeline's SURE)


def _patterns(printed: str) -> list[re.Pattern]:
    """The defined term (its term checked apart), the appositive, "X serves as the adviser",
    "the adviser is X", "X, as the auditor", and a line naming the role over a line that is the
    firm ("Sub-Adviser" / "Voya Investment Management Co. LLC"); the role's words in any case, the
    firm's capitals as printed."""
    role = rf"(?i:{_OWNER}(?:{printed}))"
    return [re.compile(_FIRM + _DEFINED),
            re.compile(rf"{_FIRM},\s+{role}\b(?=[ \t]*(?:[,;.()\n]|$|of the|to the|for the|and ))(?! of the [Ss]ub)"),
            re.compile(rf"{_FIRM},?\s+(?i:{_VERB})\s+{role}\b"),
            re.compile(rf"\b{role}\s+(?i:(?:(?:of|to|for) the (?:Fund|Trust|Portfolio)\s+)?is)\s+{_FIRM}"),
            re.compile(rf"{_FIRM},\s+as\s+{role}\b"),                          # "X, as the auditor of the Trust"
            # a heading over the firm, which a description may follow ("…, LLC, a wholly owned subsidiary of…")
            re.compile(rf"(?m)^[ \t]*{role}s?[ \t]*:?[ \t]*\n(?:[ \t]*\n)?[ \t]*{_FIRM}[ \t]*(?:\([^()\n]{{1,40}}\))?[ \t]*"
                       r"(?:,[ \t]+(?:a|an)\b[^\n]*)?$"),
            re.compile(rf"(?m)^[ \t]*{role}[ \t]*:[ \t]*{_FIRM}")]            # "Investment Advisor: The Vanguard Group, Inc."


class RoleReader:
    """Answers "Who is the custodian?" with the firm the filing gives that role."""

    name = "role"
    threshold = 0.5
    structural = True

    def __init__(self, sources: dict[str, str]):
        self.sources = sources
        self._found: dict[tuple[str, str], list[tuple[int, int]]] = {}   # (doc, role): firm spans

    def read(self, question: Question, passages: list[ReadPassage]) -> list[Candidate]:
        if not question.role or not passages:
            return []
        doc_id = passages[0].chunk.doc_id
        spans = self._firms(doc_id, question.role)
        source = self.sources[doc_id]
        counts = Counter(_key(source[s:e]) for s, e in spans)
        if not counts:
            return []
        if _plural(question) and len(counts) > 1:        # "Who are the subadvisers?": every one, in order
            firsts = {}
            for s, e in spans:
                firsts.setdefault(_key(source[s:e]), (s, e))
            parts = tuple(sorted(firsts.values()))
            return [Candidate(doc_id, parts[0][0], parts[-1][1], SCORE, 0, self.name,
                              {"role": question.role, "firms": len(parts)}, parts)]
        ranked = counts.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return []                                # two firms, named alike: a change, or a guess
        start, end = next((s, e) for s, e in spans if _key(source[s:e]) == ranked[0][0])
        return [Candidate(doc_id, start, end, SCORE, 0, self.name, {"role": question.role, "seen": ranked[0][1]})]

    def _firms(self, doc_id: str, role: str) -> list[tuple[int, int]]:
        key = (doc_id, role)
        if key not in self._found:
            printed = next(p for r, _, p in ROLES if r == role)
            self._found[key] = _scan(self.sources[doc_id], printed)
        return self._found[key]


def _plural(question: Question) -> bool:
    """Whether the question asks for several firms: "Who are the …", or the role as a plural noun
    ("Which investment advisors…"; not the verb of "Who sponsors the Trust?")."""
    asked = next(a for r, a, _ in ROLES if r == question.role).search(question.text)
    noun = asked and re.search(r"\b(?:the|which|its|fund[’']s|investment)\s+$", question.text[:asked.start()], re.I)
    return question.intents.several or bool(noun and asked.group().lower().endswith("rs"))


def _scan(source: str, printed: re.Pattern) -> list[tuple[int, int]]:
    """Spans of every firm the filing gives the role ``printed`` names, in order."""
    whole = re.compile(rf"(?:{printed.pattern})", re.IGNORECASE)
    out = []
    for k, pattern in enumerate(_patterns(printed.pattern)):
        for m in pattern.finditer(source):
            if k == 0 and not whole.fullmatch(m.group("term").strip()):
                continue
            start, end = _trim(source, m.start("firm"), m.end("firm"))
            firm = source[start:end]
            if len(firm.split()) >= 2 and (k == 0 or _FIRMLIKE.search(firm)):   # "Clearing Process, the Trustee" is no firm
                out.append((start, end))
    out += _listed(source, printed)
    return sorted(set(out))


_LINE_FIRM = re.compile(rf"[ \t]*{_FIRM}(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]*")


def _listed(source: str, printed: re.Pattern) -> list[tuple[int, int]]:
    """The firms on the lines under a heading line naming the role in the plural ("Investment
    Advisors" over "ArrowMark Colorado Holdings, LLC (ArrowMark Partners)", "ClearBridge
    Investments, LLC (ClearBridge)", ...), up to the first line that is no firm."""
    heading = re.compile(rf"(?mi)^[ \t]*(?:{printed.pattern})s[ \t]*:?[ \t]*$")
    out = []
    for m in heading.finditer(source):
        at = m.end()
        for line in re.finditer(r"[^\n]*", source[at:at + 3000]):
            if not line.group().strip():
                continue
            firm = _LINE_FIRM.fullmatch(line.group())
            if not firm or not _FIRMLIKE.search(firm.group("firm")):
                break
            name = re.sub(r"\s*\([^()]*\)$", "", firm.group("firm"))      # not its short name "(Lazard)"
            start = at + line.start() + firm.start("firm")
            out.append((start, start + len(name)))
    return out


_LEAD = re.compile(r"^(?:The Fund[’']s |The |A |An )?(?:[A-Z][\w-]* )*?(?:Adviser|Advisor|Sub-Adviser|Distributor|"
                   r"Custodian|Trustee|Sponsor|Administrator),\s+")


def _trim(source: str, start: int, end: int) -> tuple[int, int]:
    """The firm without a lead-in the capitals pattern swallowed ("The Fund’s Adviser, ")."""
    text = source[start:end]
    lead = _LEAD.match(text)
    if lead:
        start += lead.end()
    return start, end


def _key(name: str) -> str:
    return " ".join(re.sub(r"[.,]", " ", name).lower().split())
