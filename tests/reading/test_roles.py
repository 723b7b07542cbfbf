"""The service-provider reader, fed a filing's text directly (fast tier: no model loaded)."""
from __future__ import annotations

import pytest

from qa.indexing.records import Chunk
from qa.reading.readers.base import ReadPassage
from qa.reading.readers.roles import RoleReader
from qa.understanding.questions import analyse


def _ask(question: str, source: str) -> str:
    chunk = Chunk("d", "prose", 0, len(source), "", source)
    passage = ReadPassage(chunk, chunk.view(source), 0, None)
    cands = RoleReader({"d": source}).read(analyse(question, 500), [passage])
    return source[cands[0].start:cands[0].end] if cands else ""


# (filing text, question, expected firm): the defined term, the appositive, the sentence
CASES = [
    ("At the recommendation of Example Asset Management, Inc. (the “Adviser”), the investment adviser "
     "of the Fund, the Board approved a plan.", "Who is the investment adviser?", "Example Asset Management, Inc."),
    ("• The Fund’s Adviser, Example Fund Advisor LLC (the “Adviser”), has agreed to waive its fees.",
     "Who advises the fund?", "Example Fund Advisor LLC"),
    ("Example Capital Management Inc. serves as the Fund’s investment adviser.",
     "Who is the adviser?", "Example Capital Management Inc."),
    ("ALPS Advisors, Inc. (the “Adviser”) and Example Asset Management (Singapore) Pte. Ltd. "
     "(the “Sub-Adviser”) have agreed to waive fees.", "Who is the sub-adviser?",
     "Example Asset Management (Singapore) Pte. Ltd."),
    ("Call 1-800-000-0000.\n\nExample Securities Corp., Distributor\n", "Who distributes the fund?",
     "Example Securities Corp."),
    ("banks that have an agreement with EXAMPLE Distributors LLC, the Fund’s principal underwriter and "
     "distributor, or its affiliates.", "Who is the distributor?", "EXAMPLE Distributors LLC"),
    ("Investment Advisor\n\nThe Example Group, Inc. (Example)\n\nPortfolio Managers\n",     # a short name after it
     "Who is the investment advisor?", "The Example Group, Inc."),
    ("Distributor\n\nExample Fund Services, LLC, a wholly owned subsidiary of Example Financial Group, LLC\n",
     "Who distributes the fund?", "Example Fund Services, LLC"),
    ("Investment Adviser: Example Capital Management LLC\n", "Who is the adviser?", "Example Capital Management LLC"),
]


@pytest.mark.parametrize("source, question, expected", CASES)
def test_the_firm_the_filing_gives_the_role(source, question, expected):
    assert _ask(question, source) == expected


def test_a_phrase_before_the_role_word_is_no_firm():
    source = "For redemptions through the Clearing Process, the Trustee effects a transfer of stocks."
    assert _ask("Who is the trustee?", source) == ""


def test_a_role_the_filing_does_not_give_is_no_answer():
    source = "Example Capital Management Inc. (the “Adviser”) manages the Fund."
    assert _ask("Who is the custodian?", source) == ""


def test_two_firms_named_alike_are_no_answer():
    source = ("Old Advisers LLC (the “Adviser”) is replaced. New Capital Management LLC "
              "(the “Adviser”) takes over.")
    assert _ask("Who is the adviser?", source) == ""


@pytest.mark.parametrize("question, role", [
    ("Who is the investment adviser?", "adviser"), ("Who's the sub-adviser?", "sub-adviser"),
    ("Which bank is the custodian of the Fund's assets?", "custodian"),
    ("Who is the fund's independent registered public accounting firm?", "auditor"),
    ("What fee does the adviser charge?", ""), ("Who co-manages the Portfolio with Freeman?", ""),
])
def test_the_question_names_the_role(question, role):
    assert analyse(question, 500).role == role


def test_a_heading_over_the_firm_and_an_as_the_appositive_give_the_role():
    source = ("Portfolio Management\n\nInvestment Adviser\n\nExample Investments, LLC\n\nSub-Adviser\n\n"
              "Example Investment Management Co. LLC\n\nPortfolio Managers\n\nAnn Lee, CFA\n")
    assert _ask("Who's the sub-adviser?", source) == "Example Investment Management Co. LLC"
    assert _ask("Who is the investment adviser?", source) == "Example Investments, LLC"
    audit = "Consents\n\nExample Audit Partners LLP, as the auditor of the Trust, has given its written consent.\n"
    assert _ask("Who audits the Trust?", audit) == "Example Audit Partners LLP"


LISTED = ("Investment Advisors\n\nAristotle Capital Management, LLC (Aristotle Capital)\n\n"
          "Lazard Asset Management LLC (Lazard)\n\nSanders Capital, LLC (Sanders)\n\nPortfolio Managers\n\n"
          "Jane Doe, CFA, Principal at Aristotle Capital.\n")


def _ask_all(question: str, source: str) -> list[str]:
    chunk = Chunk("d", "prose", 0, len(source), "", source)
    passage = ReadPassage(chunk, chunk.view(source), 0, None)
    cands = RoleReader({"d": source}).read(analyse(question, 500), [passage])
    return [source[s:e] for s, e in (cands[0].parts or [(cands[0].start, cands[0].end)])] if cands else []


@pytest.mark.parametrize("question", ["Which investment advisors manage the Fund?", "Who are the advisers of the Fund?"])
def test_a_plural_role_gets_every_firm_under_its_heading_in_order(question):
    assert _ask_all(question, LISTED) == ["Aristotle Capital Management, LLC", "Lazard Asset Management LLC",
                                          "Sanders Capital, LLC"]


def test_a_singular_role_of_several_firms_named_alike_is_no_answer():
    assert _ask_all("Who is the investment adviser?", LISTED) == []
