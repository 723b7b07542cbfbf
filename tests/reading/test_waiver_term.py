"""The date a fee waiver runs to (qa.reading.readers.waiver_term); no models."""
from __future__ import annotations

from qa.reading.readers.waiver_term import WaiverTermReader
from tests.reading.whole import answer_of

CAPS = ("The adviser has contractually agreed to waive fees so that such expenses do not exceed 1.49% for Class A "
        "Shares and 1.19% for Class R6 Shares through May 19, 2026. Prior to May 19, 2026, only the Board may end it.")
RENEWS = ("New York Life Investments has agreed to waive fees so that expenses do not exceed: Class A, 1.02%. This "
          "agreement will remain in effect until February 28, 2026, and thereafter shall renew automatically.")


def _answer(source: str, question: str) -> str | None:
    return answer_of(WaiverTermReader({"d": source}), source, question)


def test_the_date_a_waiver_runs_to():
    assert _answer(CAPS, "Through what date has the adviser agreed to cap the fund's expenses?") == "May 19, 2026"
    assert _answer(RENEWS, "How long does the expense limitation agreement last?") == "until February 28, 2026"


def test_a_date_without_a_waiver_or_another_question_is_not_read():
    assert _answer("The Fund will reorganize on or about June 1, 2026, until December 5, 2026.",
                   "How long does the expense limitation agreement last?") is None
    assert _answer(CAPS, "How much is waived for Class A?") is None
