"""The one place for question wording (with :mod:`qa.understanding.fund_asks`, its second half, for
the facts every fund summary states): the patterns and word lists that
:func:`qa.understanding.questions.analyse` reads a question with, and the fund-filing
vocabulary, the words an analyst asks with beside the words a fee or performance table
prints for the same thing.  No reader holds a question pattern of its own; each reads the
fields of the analysed :class:`~qa.understanding.questions.Question`.

"What is the front-end load?" names the row "Maximum Sales Charge (Load) Imposed on
Purchases"; "the CDSC" names "Maximum Deferred Sales Charge (Load)"; "the net expense ratio"
names "Total Annual Fund Operating Expenses After Fee Waiver and/or Expense Reimbursement".
:func:`label_text` appends the printed wording to a question, for matching table labels only
(retrieval and the span reader keep the question as asked).

Not handled: vocabulary outside fund prospectuses and annual reports, and phrasings these
patterns do not list (each entry is a term of the trade, not a question).
"""
from __future__ import annotations

import re

# (what an analyst says, what the table prints)
TERMS: tuple[tuple[str, str], ...] = (
    (r"\bfront[- ]?end (?:sales )?(?:load|charge)s?\b|\bfront loads?\b|\bupfront sales charge\b|\binitial sales charge\b",
     "maximum sales charge (load) imposed on purchases"),
    (r"\bcdsc\b|\bback[- ]?end (?:load|charge)s?\b|\bcontingent deferred sales charge\b|\bdeferred (?:sales )?load\b",
     "maximum deferred sales charge (load)"),
    (r"\bnet expense ratio\b|\bnet expenses?\b",
     "total annual fund operating expenses after fee waivers and expense reimbursements"),
    (r"\bgross expense ratio\b|\btotal expense ratio\b|\bgross expenses\b|\b(?<!net )expense ratio\b|(?-i:\bER\b)",
     "total annual fund operating expenses"),
    (r"\b12b-?1\b|\bdistribution fees?\b|\bservice fees?\b", "distribution and service (12b-1) fees"),
    (r"\bbest (?:calendar[- ])?quarter(?:ly)?\b|\bhighest (?:calendar[- ])?quarter(?:ly)? return\b",
     "best quarter highest quarterly return"),
    (r"\bworst (?:calendar[- ])?quarter(?:ly)?\b|\blowest (?:calendar[- ])?quarter(?:ly)? return\b",
     "worst quarter lowest quarterly return"),
    (r"\bsince[- ]inception\b|\blife of (?:the )?(?:fund|class)\b", "since inception life of"),
    (r"\bpre-?tax\b|\bbefore taxes\b", "return before taxes"),
    # an expense example's share status: "if you kept the shares" is its "Held" row
    (r"\b(?:kept|keep|hold|did not (?:sell|redeem)|do not (?:sell|redeem)|didn't (?:sell|redeem)|don't (?:sell|redeem)|"
     r"without (?:selling|redeeming))\b", "held"),
)
_COMPILED = tuple((re.compile(p, re.IGNORECASE), printed) for p, printed in TERMS)


def label_text(question: str) -> str:
    """The question with the printed wording of each trade term it uses appended (once each)."""
    extra = [printed for pattern, printed in _COMPILED if pattern.search(question)]
    return f"{question} {' '.join(dict.fromkeys(extra))}" if extra else question


def without_terms(question: str) -> str:
    """The question with each trade term blanked out: "CDSC" is vocabulary, not a name."""
    for pattern, _ in _COMPILED:
        question = pattern.sub(" ", question)
    return question


# The service providers a filing names, as a question asks for them and as the filing's defined
# term or sentence calls them: (role, question pattern, the role's printed name).
ROLES: tuple[tuple[str, re.Pattern, re.Pattern], ...] = tuple(
    (role, re.compile(asked, re.IGNORECASE), re.compile(printed, re.IGNORECASE)) for role, asked, printed in (
        ("sub-sub-adviser", r"\bsub-sub-?advis[eo]r\b", r"sub-sub-?advis[eo]r"),
        ("sub-adviser", r"\bsub-?advis(?:[eo]rs?|es)\b", r"sub-?advis[eo]r"),
        ("adviser", r"\b(?<!-)advis(?:[eo]rs?|es)\b", r"(?:investment )?(?<!-)advis[eo]r"),
        ("distributor", r"\bdistribut(?:or|es)\b|\bprincipal underwriter\b", r"(?:principal )?(?:distributor|underwriter)"),
        ("custodian", r"\bcustodian\b", r"custodian"),
        ("transfer agent", r"\btransfer agent\b", r"transfer agent"),
        ("administrator", r"\badministrator\b|\badministers\b", r"(?:fund )?administrator"),
        ("auditor", r"\bauditor\b|\baudits\b|\bpublic accounting firm\b",
         r"(?:independent )?(?:registered )?(?:public accounting firm|auditors?)"),
        ("trustee", r"\btrustee\b", r"trustee"),
        ("sponsor", r"\bsponsors?\b", r"sponsor"),
    ))
_WHO = re.compile(r"^\s*(?:who(?:'s| is| are|m)?\b|"
                  r"which (?:firms?|compan(?:y|ies)|bank|entity|(?:investment )?(?:sub-?)?advis[eo]rs?|organization)\b|"
                  r"what (?:firm|company|bank|entity|organization)\b)", re.IGNORECASE)


def role_named(role: str, label: str) -> bool:
    """Whether a printed label names ``role`` ("Custodian", "Investment Adviser")."""
    return any(r == role and printed.search(label) for r, _, printed in ROLES)


def asked_role(question: str) -> str:
    """The service provider a "Who is the custodian?" question asks for, or ""."""
    if not _WHO.search(question):
        return ""
    return next((role for role, asked, _ in ROLES if asked.search(question)), "")


_FILING = r"\b(?:this|the)\s+(?:[\w.&’'-]+\s+){0,4}?(?:supplement|(?:summary\s+)?prospectus|filing|document)\b"
_HOLDER = r"\b(?:does|do)\s+(?:the|this)\s+(?:fund|portfolio|trust)\s+(?:offer|have|issue)\b"
_COVER = (
    # the share classes or funds a filing is about: "What share classes does this supplement cover?"
    ("classes", re.compile(rf"^\s*(?:which|what)\s+(?:share\s+)?classes\b.*(?:{_FILING}|{_HOLDER})", re.IGNORECASE)),
    ("funds", re.compile(rf"^\s*(?:which|what)\s+(?:funds?|portfolios?)\b.*{_FILING}", re.IGNORECASE)),
    # the date a filing gives itself: "What date is this supplement?", "When is the prospectus dated?"
    ("dated", re.compile(r"^\s*(?:what|which|when)\b(?=.*\b(?:date[ds]?|when)\b)"
                         r"(?!.*\b(?:effect\w*|expir\w*|becom\w*|chang\w*|happen\w*|mail\w*|held|hold|meeting)\b).*\b(?:this|the)\s+"
                         r"(?:supplement|(?:summary\s+|statutory\s+)?prospectus|statement of additional information|sai)\b"
                         r"(?!\s+(?:to|for)\b)[^?]*\??\s*$|"
                         r"^\s*when\s+(?:is|was)\s+(?:this|the)\s+(?:supplement|prospectus)\s+dated\b|"
                         # "Date of the Zevenbergen summary prospectus?", "X summary prospectus date?"
                         r"^(?!.*\b(?:effect\w*|expir\w*|becom\w*|chang\w*|happen\w*|mail\w*|held|hold|meeting)\b)"
                         r"(?:.*\b(?:date of|dated)\b.*\b(?:supplement|prospectus)\b(?!\s+(?:to|for)\b)|"
                         r".*\b(?:supplement|prospectus)\s+(?:date|dated)\b)[^?]*\??\s*$", re.IGNORECASE)),
    ("ticker", re.compile(r"\btickers?\b|\b(?:trading )?symbols?\b", re.IGNORECASE)),
    ("file_number", re.compile(r"\bfile (?:number|no\.?)s?\b|\bregistration (?:number|no\.?)\b", re.IGNORECASE)),
    # the trust a fund is a series of: "Which trust is the Fund part of?", "…a series of which trust?"
    ("trust", re.compile(r"^\s*(?:which|what)\s+(?:trust|registrant|investment company)(?:\s+or\s+\w+)?\s+"
                         r"(?:is|was|does)\b[^?]*\b(?:part of|series of|portfolio of|belong\w*|under|in)\b"
                         r"|\ba (?:series|portfolio) of (?:which|what)\b"
                         r"|^\s*(?:what is|what's) the (?:name of the )?(?:trust|registrant)\s*\??\s*$", re.IGNORECASE)),
)


ALL_OF_FACT = re.compile(r"\b(?:tickers|symbols|file numbers)\b", re.IGNORECASE)   # "What are the tickers?"


def cover_fact(question: str) -> str:
    """"classes", "funds", "dated", "ticker" or "file_number" when the question asks for that fact
    of a filing's cover, else ""."""
    for name, pattern in _COVER:
        if pattern.search(question):
            return name
    return ""


# --- The expected answer kind: the first rule that matches wins. ---
QUARTER_OR_TURNOVER = (r"\b(?:best|worst|highest|lowest)\s+(?:calendar[- ])?quarter(?:ly)?\b(?!\s+(?:end|ended|date))|"
                        r"\bportfolio turnover\b|\bturnover (?:rate|ratio)\b")
KIND_RULES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p, re.IGNORECASE), kind) for p, kind in (
    (rf"^(?![^?]*\b(?:when|date|(?:which|what) quarter)\b)[^?]*(?:{QUARTER_OR_TURNOVER})", "percent"),   # "Best quarter for Class I?"
    (r"\b(?:which|what) (?:calendar )?quarter\b", "date"),         # "In which quarter was the return lowest?"
    # a fee a fund's fee table states as a percentage: "Is there a maximum sales charge on Class I?"
    (r"^(?![^?]*(?:\$|\b(?:when|date|dollars?|invest\w*|qualify\w*|discounts?|breakpoints?|reduc\w*)\b))"
     r"[^?]*\b(?:sales charges?|sales loads?|management fees?|12b-1 fees?|"
     r"distribution (?:and(?:/or)? (?:shareholder )?service )?(?:\(12b-1\) )?fees?)\b", "percent"),
    # "Minimum initial investment for the Select Class?", "What's the minimum to open an account?"
    (r"^(?![^?]*\b(?:when|date|percent|percentage|%)\b)[^?]*\bminimum (?:initial |subsequent |additional )?"
     r"(?:investments?|purchases?|balance|to (?:open|invest|add|buy))\b", "money"),
    (r"\bwhat (kinds?|types?|sorts?) of\b|\bwhat (other )?(securities|instruments|things|criteria)\b|"
     r"\bwhat (does|do|will) .{0,40}\b(consider|look (at|for)|evaluate)\b|\bwhat .{0,30}\brisks\b|"
     r"\bwhat (factors|risks)\b|\b(principal|primary|main|key) risks\b", "list"),
    (r"\b(how many|number of) years\b|\bhow long\b|\byears (of )?(investment |industry )?experience\b", "duration"),
    (r"\bwhat year\b|\bwhich year\b|\bin what year\b|\byear (was|did|is)\b", "year"),
    (r"\bwhen\b|\bwhat (date|day)\b|\bwhich (date|day)\b|\bas of what\b|\bdated\b|"
     r"\b(?:is|was|are|were) the [\w\s'’-]{0,40}\bdate\s*\??\s*$", "date"),      # "What is the Class I inception date?"
    (r"\bwhat (percent|percentage)\b|\bwhat %|\bhow much (of a |of an )?(fee|rate|return|expense|percent)|"
     r"\bwhat (?:share|proportion|portion|fraction) of\b",
     "percent"),
    (r"^(?!.*\$)(?!.*\bcosts?\b)(?!.*\b(?:calculations?|assum\w*|how)\b).*\b(returns?|yields?|expense ratios?)\b",
     "percent"),   # a return is a percentage, asked with or without a question mark
    (r"\b(fee|rate|expense ratio|return|yield|expenses?|cost|charge)s?\b.*\?$", "quantity"),
    (r"\bhow much\b|\bwhat (is|was) the (amount|cost|value)\b|\bdollars?\b", "money"),
    (r"\bhow many\b", "number"),
    (r"\bwhere\b|\baddress\b|\blocated\b|\bheadquarter", "location"),
    (r"\bwho\b|\bwhom\b", "entity"),
    (r"\b(which|what) (firm|company|adviser|advisor|sub-?adviser|manager|entity|index|benchmark|"
     r"organization|fund|portfolio)\b", "entity"),
    (r"^(list|name)\b|\bwhat are the\b|\bwhich (securities|risks|factors)\b", "list"),
))

# --- A table label that names a movement ("Change", "2019 vs 2018", "%"): only such a cell
# answers "the increase in X", a level's cell does not. ---
MOVE_LABEL = re.compile(r"\b(change[ds]?|increase[ds]?|decrease[ds]?|variance|vs|versus|over|difference|"
                        r"growth|movement)\b|%", re.IGNORECASE)

# --- A difference between two things the question names ("the difference between A and B",
# "how much more does A pay than B"), which one of them alone never answers. ---
TWO_SIDED = re.compile(r"\bdifference (?:in [^?]*?)?between\b|\b(?:more|less|fewer|higher|lower|greater|larger|"
                       r"smaller|bigger)\b[^?]*\bthan\b", re.IGNORECASE)

# --- A share class named: "Class A", "Institutional Class", "Investor Shares", "R6" ---
SHARE_CLASS = re.compile(r"\b[Cc]lass\s+[A-Z0-9]{1,3}\b|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:[Cc]lass|[Ss]hares?)\b|\bR6\b")


CLASS_NOUNS = frozenset({"class", "classes", "share", "shares"})     # the words that say "a share class"


def class_words(text: str) -> frozenset[str]:
    """A class name's own words ("institutional" of "Institutional Class shares"; "a" of "Class A")."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in CLASS_NOUNS)

# --- A period a return is measured over: "10-year", "5 Years", "one year", "since inception" ---
_PERIOD = re.compile(r"\b(\d{1,2}|one|three|five|ten|fifteen|twenty)[- ]?(?:years?|yrs?)\b|"
                     r"\b(since inception|life of (?:the )?(?:fund|portfolio|class))\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": "1", "three": "3", "five": "5", "ten": "10", "fifteen": "15", "twenty": "20"}


def periods(text: str) -> frozenset[str]:
    """The return periods a text names: {"10"} for "the 10-year return", {"inception"} for
    "since inception" (a fund's life counts as its inception)."""
    out = set()
    for m in _PERIOD.finditer(text):
        if m.group(1):
            out.add(_NUMBER_WORDS.get(m.group(1).lower(), m.group(1)))
        else:
            out.add("inception")
    return frozenset(out)


# --- A person's title asked for: "What is Cesar Orosco's title?", "Christopher Tessin's role?" ---
TITLE_ASKED = re.compile(r"\b(?:title|position|job|role)s?\b", re.IGNORECASE)
_SURNAME = r"[A-Z](?:[a-z][\w\-]*|['’][A-Z][a-z][\w\-]*)"      # "Orosco", "O'Brien"
PERSON = re.compile(rf"\b({_SURNAME}(?:\s+[A-Z]\.)?(?:\s+{_SURNAME}){{1,2}})")
NOT_PERSON = frozenset({"what", "who", "which", "is", "the", "fund", "trust", "portfolio", "class", "shares", "index"})


def asked_person(question: str) -> str:
    """The person whose title a question asks ("Cesar Orosco" of "What is Cesar Orosco's
    title?"), or "": two or three capitalised words, none of them a question word or a fund's."""
    if not TITLE_ASKED.search(question):
        return ""
    for m in PERSON.finditer(question):
        words = [w for w in m.group(1).split() if w.lower() not in NOT_PERSON]
        if len(words) >= 2:
            return " ".join(words)
    return ""


# --- Shorthand and misspellings of question words ("whos" -> "who is"). ---
TYPOS: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p, re.IGNORECASE), r) for p, r in (
    (r"\bwat\b|\bwht\b", "what"), (r"\bwhats\b", "what is"), (r"\bwhos\b", "who is"),
    (r"\bwen\b", "when"), (r"\bwhere's\b|\bwheres\b", "where is"), (r"\bhow's\b", "how is"),
    (r"\badvisor\b", "adviser"), (r"\badvisors\b", "advisers"), (r"\bmanger\b", "manager"),
    (r"\byrs\b", "years"), (r"\byr\b", "year"), (r"\bmgmt\b", "management"), (r"\bmgr\b", "manager"),
    (r"\bamt\b", "amount"), (r"\binfo\b", "information"), (r"\bapprox\b", "approximately"),
    (r"\bqtr\b", "quarter"), (r"\bqtrs\b", "quarters"), (r"\binstl\b|\binst'l\b|\binstit\b", "institutional"),
    (r"\bperf\b", "performance")))

# --- What kind of words answer: an explanation, a cause, a manner, a movement. ---
# an explanation or a definition, answered by the rest of a sentence rather than a noun phrase
EXPLAINS = re.compile(
    r"^(?:[^,?]{0,40},\s*)?why\b|\bwhat (caused|causes|drove|drives|led to|resulted in)\b|\breasons? (for|why|behind)\b|"
    r"\bwhat (factors?|items?) (drove|drive|caused|cause|contributed|led)\b|"
    r"\bhow (is|are|was|were|does|do|did) .{0,80}\b(calculat|determin|deriv|comput|measur|defin|recogni[sz])\w*\b|"
    r"\bwhat (does|do|did) .{0,80}\b(include|consist (?:primarily |mainly )?of|comprise|represent|relate to)\b|"
    r"\bwhat (is|are) .{0,40}\b(comprised|made up) of\b|\bwhat (is|are) (included|excluded) in\b|\bwhat is considered\b|"
    r"\b(driven|caused|based|due|attributable) (by|on|to)\s*\?\s*$|"                      # "…driven by?"
    r"\bdefinition of\b|\bwhat (does|do) .{1,60} mean\b|\bhow (does|do) .{1,60} define\b|"
    r"\bwhat (is|was|are|were) the (purpose|impact|effect|implication|consequence)s?\b|"
    r"\bhow (is|are|was|were|will|would|does|do|did) .{0,60}\b(presented|treated|accounted|funded|allocated|"
    r"estimated|assessed|benefit|affect|impact)\w*\b", re.IGNORECASE)
# "What is Goodwill?", not "What is Janus's address?" (a location) nor "What is Deirdre O'Brien's title?" (an
# attribute of someone: a possessive asks for a value, not a definition)
DEFINES = re.compile(r"^\s*what (is|are) (an? )?(?:(?!(?:the|as|for|of|in|by|to|on|at)\b)(?![\w'’\-]*['’]s\b)"
                     r"[\w'’\-]+\s*){1,4}\?\s*$", re.IGNORECASE)
# a cause, which no table cell holds (narrower than EXPLAINS: "what does X include?" is answered by rows)
CAUSE = re.compile(r"\b(why|how come)\b|\bwhat (caused|causes|drove|drives|led to)\b|\breasons?\b|"
                   r"\b(driven|caused) by\b|\b(due|attributable) to\s*\??\s*$", re.IGNORECASE)
# "how/why…" asks for a manner or a reason, not for listed items by name
MANNER = re.compile(r"\s*(how|why)\b(?!\s+(many|much|long|often))", re.IGNORECASE)
# how much something moved, which a cell answers only under a label for the movement
MOVED = re.compile(r"\b(increase[ds]?|decrease[ds]?|changed?|changes|rose|fell|grew|declined?)\b", re.IGNORECASE)
# the movement itself or its cause, rather than one side of a change ("what was the decrease in X?")
MOVEMENT = re.compile(r"\b(?:increase|decrease|change|rise|decline|growth|drop|reason|cause)s?\b", re.IGNORECASE)

# --- Which side of a change: words like new/old first, then tense. ---
NEW = re.compile(r"\b(?:new|newly|current|currently|now|revised|updated|going forward|from now on|"
                 r"after|afterwards?|future|become|becomes)\b", re.IGNORECASE)
OLD = re.compile(r"\b(?:old|previous|previously|prior|former|formerly|before|original|originally|"
                 r"earlier|used to|until|past)\b", re.IGNORECASE)
WILL = re.compile(r"\b(?:will|shall|is going to)\b", re.IGNORECASE)
WAS = re.compile(r"\b(?:was|were|had been|used)\b", re.IGNORECASE)
SIDE_WORDS = ("new newly current currently now revised updated after future become old previous previously prior "
              "former formerly before original originally earlier past change changed")

# --- Shares, bounds, comparisons, several values. ---
SHARE = re.compile(r"%|\b(percent|percentage|proportion|share|ratio|margin|rate)s?\b", re.IGNORECASE)
THE_TABLE = re.compile(r"\b(the|this) table\b", re.IGNORECASE)
ASKS_BOUND = re.compile(r"\b(?:caps?|capped|limit\w*|exceeds?|max\w*|ceiling|at most|up to)\b", re.IGNORECASE)
COMPARES = re.compile(r"\b(?:or|higher|lower|more|less|larger|smaller|greater|change[ds]?|differ\w*|"
                      r"increase[ds]?|decrease[ds]?|between|compared?)\b", re.IGNORECASE)
RESPECTIVELY = re.compile(r"\brespective(ly)?\b", re.IGNORECASE)
ASKS_SEVERAL = re.compile(
    r"^\s*(?:what|which|who)\s+(?:are|were)\b|^\s*which\s+\w+s\b"
    r"|^\s*(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\b"        # "What kinds of equity…?"
    # a plural noun asked for: "What exhibits are…", "In which months are…", "Which share classes does…"
    r"|^\s*(?:(?:in|on|at|for|from|to|by|of|under|with)\s+)?(?:what|which)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?<![su'])s\s+"
    r"(?:are|were|do|does|did|can|could|might|may|will|would|have|has|had|and|or)\b"
    # a number of things: "What four areas…", "Among which three types…"
    r"|^\s*(?:(?:in|on|at|for|from|to|by|of|under|with|among|between)\s+)?(?:what|which)\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s", re.IGNORECASE)

# --- Fee schedules: the asset level or the tier asked about. ---
RATE_WORDS = re.compile(r"\b(rate|fee|fees|percent|percentage|charge|charged|pay|%)", re.IGNORECASE)
EXTREME = re.compile(r"\b(lowest|minimum|smallest|highest|maximum|largest|top|bottom)\b.*"
                     r"\b(rate|fee|breakpoint|tier)", re.IGNORECASE)
EXTREME_LOW = ("lowest", "minimum", "smallest", "bottom")
WHOLE_SCHEDULE = re.compile(r"\b(schedules?|breakpoints|tiers)\b", re.IGNORECASE)
SCALE_SHORTHAND: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"\b(bn|bil+ion|billon)\b", "billion"), (r"\b(mn|mm|mil+ion|millon)\b", "million"),
    (r"(?<=\d)\s?(bn|b)\b", " billion"), (r"(?<=\d)\s?(mn|mm|m)\b", " million"),
    # "from 1 to 2 billion": the scale word serves both numbers
    (r"(\d+(?:\.\d+)?)(\s*(?:to|and|-)\s*\$?\s*\d+(?:\.\d+)?\s*(million|billion))", r"\1 \3\2"),
))
RANGE_NEXT = re.compile(r"\b(second|next)\b")
RANGE_BETWEEN = re.compile(r"\bbetween\b|\bfrom\b|\bup to\b")
RANGE_ABOVE = re.compile(r"\bover\b|\babove\b|\bexcess\b|\bmore than\b|\bexceeding\b|\bbeyond\b")
RANGE_BELOW = re.compile(r"\bfirst\b|\bunder\b|\bbelow\b|\bup to\b|\bless than\b")

# --- Table rows and periods: ranks, thresholds, components. ---
PERIODS = re.compile(r"\b(which|what)\s+(are\s+the\s+)?((fiscal|financial)\s+)?(years|periods)\b|\bin which years\b",
                     re.IGNORECASE)
# "How many years did X exceed $5,000?", "How many components are there under X?": a count of listed items
COUNTED = r"\bhow many\s+(?:of the\s+)?(?:(?:fiscal|financial|calendar)\s+)?(?:major\s+)?"
COUNT_PERIODS = re.compile(COUNTED + r"(?:years|quarters|periods)\b(?!\s+(?:of|has|have|ago|old)\b)", re.IGNORECASE)
COUNT_PARTS = re.compile(COUNTED + r"(?:components|items|types|categories|kinds|segments)\b", re.IGNORECASE)
ASKS_PERIOD = re.compile(r"\b(which|what)\b.{0,20}\b(years?|fy|periods?|quarters?)\b|" + COUNT_PERIODS.pattern,
                         re.IGNORECASE)
PERIOD_COMPARE = re.compile(r"\b(which|what)\b.{0,20}\b(year|years|fy|period|quarter)\b.*\b(?P<dir>larger|largest|"
                            r"higher|highest|greater|greatest|more|most|bigger|biggest|lower|lowest|smaller|"
                            r"smallest|less|least|fewer)\b", re.IGNORECASE)
THRESHOLD = re.compile(
    r"\b(?P<op>(?:less|lower|smaller|fewer|greater|more|higher|larger|bigger) than|below|under|above|over|"
    r"exceed(?:s|ed|ing)?|at least|at most)\s+(?P<num>[-−(]?\s?[$£€]?\s?\(?-?\d[\d,]*(?:\.\d+)?\)?\s?%?)"
    r"|\b(?P<sign>negative|positive)\b", re.IGNORECASE)
ABOVE_WORDS = ("greater", "more", "higher", "larger", "bigger", "above", "over", "exceed", "at least", "positive")
PARTS = re.compile(r"\b(components?|consists?\s+of|consisted\s+of|compris\w*|made\s+up\s+of|making\s+up|"
                   r"break\s?down\s+of)\b", re.IGNORECASE)
LISTED = re.compile(r"\b(items|countries|regions|segments|types|categories)\b.{0,40}\b(in|listed in|shown in|"
                    r"included in) the table\b|\b(listed|shown|included) in the table\b", re.IGNORECASE)
SUPERLATIVE = re.compile(r"\b(most|least|largest|smallest|greatest|highest|lowest)\b", re.IGNORECASE)
RANK = re.compile(r"\b(which|what)\b.*\b(?P<dir>most|least|largest|smallest|greatest|highest|lowest|"
                  r"biggest)\b", re.IGNORECASE)
HIGHER = re.compile(r"\b(which|what)\b.*\b(?P<dir>higher|larger|greater|bigger|lower|smaller)\b", re.IGNORECASE)
LOW_WORDS = frozenset({"lower", "lowest", "smaller", "smallest", "less", "least", "fewer"})
ORDINAL = re.compile(r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)\b", re.IGNORECASE)
PLACES = {"second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "fifth": 4, "5th": 4}

# --- The noun a "which X"/"what X" question asks about. ---
FOCUS = re.compile(r"\b(?:which|what)\s+(?:other\s+)?([a-z][\w-]*)", re.IGNORECASE)
# words that ask rather than name (normalised as header labels are: "what" typed "wat", "many" stemmed "mani")
ASKING_WORDS = frozenset({"wat", "who", "whom", "when", "where", "why", "much", "mani", "many", "give", "tell", "show"})
NOT_FOCUS = frozenset({"is", "are", "was", "were", "do", "does", "did", "will", "can", "may", "might",
                       "should", "would", "could", "has", "have", "had", "if", "the", "a", "an", "of", "kind",
                       "kinds", "type", "types", "sort", "sorts"})


# words that ask for a sum outright ("the combined ...", "in total"), not a "Total" row's value
SUM_WORDS = re.compile(r"\b(?:combined|sum|add(?:ed)?|altogether|in total)\b", re.IGNORECASE)
# a movement "from X to Y": the later-named is the new value
FROM_TO = re.compile(r"\bfrom\b.+\bto\b", re.IGNORECASE)
# a span of years in any order ("2017-2019", "2019 to 2017"): every year of it, for a sum or an average
YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|\u2013|to|through)\s*((?:19|20)\d\d)\b", re.IGNORECASE)


# The arithmetic a question asks for (:mod:`qa.reading.readers.derived`), tried in order: the
# first that matches names it.  "share" is one amount as a percentage of another; "difference"
# is "how much more ... than"; "change" compares one thing at two times.
OPERATIONS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in (
    ("count", COUNT_PERIODS.pattern + "|" + COUNT_PARTS.pattern),
    ("percent_change", r"\b(?:percent(?:age)?|%)\s*(?:change|increase|decrease|growth|decline|rise|fall|drop)|"
                       r"\bgrowth rate\b|\bby what (?:percent(?:age)?|%)\b|\bchange in percent(?:age)?\b"),
    ("ratio", r"(?<!expense )(?<!sharpe )\bratio (?:of|between)\b"),    # not "the expense ratio of Class I"
    ("share", r"\b(?:as an? |what )(?:percentage|percent|proportion|share|fraction) of\b|"
              r"\bpercentage of (?:the )?(?:total|combined)\b|\bwhat (?:percentage|percent|proportion) (?:of|is|was|did|does)\b|"
              r"\bpercentage (?:constitution )?of\b[^?]*\b(?:in|of|over|among|to) (?:the )?(?:\w+ )?total\b"),
    ("difference", r"\bdifference\b|\bhow (?:much|many) (?:more|less|fewer|higher|lower|greater|larger|smaller|bigger)\b|"
                   r"\bby how (?:much|many)\b"),
    ("average", r"(?<!weighted[- ])\baverage\b(?![- ]weighted)|\bmean\b"),
    ("sum", r"\bcombined\b|\bsum of\b|\bin total(?=\s*[?,.]|\s*$)|\btotal of\b|\badd(?:ed)? (?:up|together)\b|\baltogether\b"),
    ("change", r"\b(?:change|increase|decrease|decline|growth|variance|movement)\b"),
    ("sum", r"\btotal\b[^?]*\b(?:19|20)\d\d\b[^?]*\b(?:and|to)\b[^?]*\b(?:19|20)\d\d\b"),   # "the total X in 2019 and 2018"
))
