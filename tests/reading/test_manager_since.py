"""Since when a named manager has managed the fund (qa.reading.readers.manager_since); no models."""
from __future__ import annotations

from qa.reading.readers.manager_since import ManagerSinceReader, person_names
from tests.reading.whole import answer_of

TABLE = ("| Subadvisor | Portfolio Manager | Service Date |\n|---|---|---|\n"
         "| Example Shields LLC | Andrew Example, Executive Managing Director | Since 2012 |\n"
         "| Dohyun Other, Managing Director |  | Since 2024 |\n")
RECORD = ("Portfolio Managers\n\nNathan Miller\n\nVice President, Example Investments, Inc.\n\nLength of Service: "
          "Since March 2021\n\nAdam M. Shane, CFA\n\nSenior Vice President\n\nLength of Service: Since July 2023\n")
PROSE = "Ms. Rosenberg has been a portfolio manager with the Adviser since 2009 and of the Fund since 2012."


def _answer(source: str, question: str) -> str | None:
    return answer_of(ManagerSinceReader({"d": source}), source, question)


def test_a_table_row_and_a_labelled_record():
    assert _answer(TABLE, "Since when has Andrew Example managed the fund?") == "Since 2012"
    assert _answer(RECORD, "How long has Adam Shane been managing the fund?") == "Since July 2023"
    assert _answer(RECORD, "In what year did Nathan Miller start managing the fund?") == "March 2021"


def test_sentences_are_left_to_the_span_reader_and_other_questions_are_not_read():
    assert _answer(PROSE, "Since when has Liane Rosenberg been a portfolio manager of the Fund?") is None
    assert _answer(TABLE, "How long does the expense limitation agreement last?") is None


def test_the_full_name_first_then_the_surname():
    assert person_names("When did Amit Kumar Jain join as portfolio manager?")[0].startswith(r"\bAmit")
    assert person_names("since when has Grant been the fund's portfolio manager") == [r"\bGrant\b"]
