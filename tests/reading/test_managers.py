"""Every portfolio manager of a filing (qa.reading.readers.managers), read from real chunks with
spaCy's entity tagger (slow tier: loads spaCy; no embedder or reader)."""
from dataclasses import dataclass

import pytest

from qa.indexing.chunking import chunk_document
from qa.reading.readers.base import ReadPassage
from qa.reading.readers.managers import ManagerReader
from qa.understanding.questions import analyse

SECTIONED = """Summary Prospectus

Management

Investment Adviser. Example Advisers LLC is the Fund's investment adviser.

Portfolio Managers

Kate Fox, CFA, Partner of Baillie Gifford & Co. She has co-managed the Fund since its inception in 2022.

Lee Qian, CFA, Portfolio Manager at Baillie Gifford. He has co-managed the Fund since 2022.

Philippe P. Lüdi CFA, Senior Research Scientist, is a portfolio manager of the fund.

Purchase and Sale of Fund Shares

You may purchase or redeem shares on any business day.
"""

RUN_IN = """Summary Prospectus

Management

Investment Adviser. The Fund's investment adviser is EULAV Asset Management.

Portfolio Managers. Stephen E. Grant has primary responsibility for the day-to-day management of \
the Fund's equity portfolio. Liane Rosenberg has primary responsibility for the fixed income portion. \
Mr. Grant has been a portfolio manager of the Fund since 1993.
"""


@dataclass
class _Data:
    sources: dict
    chunks: list


def _ask(text: str, question: str) -> str:
    chunks = chunk_document("doc", text, max_words=90, overlap=1)
    reader = ManagerReader(_Data({"doc": text}, chunks))
    passage = ReadPassage(chunks[0], chunks[0].view(text), 0, None)
    found = reader.read(analyse(question, 500), [passage])
    return "; ".join(text[s:e] for s, e in (found[0].parts or [(found[0].start, found[0].end)])) if found else ""


@pytest.mark.slow
def test_every_manager_of_a_headed_section_in_order():
    assert _ask(SECTIONED, "Who are the portfolio managers of the Fund?") == "Kate Fox; Lee Qian; Philippe P. Lüdi"


@pytest.mark.slow
def test_every_manager_of_a_run_in_paragraph_once_each():
    assert _ask(RUN_IN, "Name the portfolio managers.") == "Stephen E. Grant; Liane Rosenberg"


@pytest.mark.slow
def test_a_question_about_one_managers_portion_is_not_answered_here():
    assert _ask(RUN_IN, "Who is primarily responsible for the fixed income portion?") == ""


@pytest.mark.slow
def test_a_name_with_a_credential_is_a_person_whatever_the_tagger_reads():
    text = ("Summary Prospectus\n\nInvestment Advisor\n\nThe Vanguard Group, Inc. (Vanguard)\n\nPortfolio Manager\n\n"
            "Cesar Orosco, CFA, Ph.D., Head of Alpha Equity Investments at Vanguard. He has managed the Fund since 2021.\n\n"
            "Purchase and Sale of Fund Shares\n\nYou may purchase or redeem shares online.\n")
    assert _ask(text, "Who manages the Fund?") == "Cesar Orosco"
