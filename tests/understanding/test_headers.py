"""Header matching: how strongly a question names a table label (no models)."""
from qa.reading.readers.table_rows import pick
from qa.understanding.headers import label_scores, normalise
from qa.understanding.questions import analyse

ROWS = ["Maximum Deferred Sales Charge (Load) (as a percentage of the lesser of purchase price)",
        "Maximum Sales Charge (Load) Imposed on Purchases (as a percentage of offering price)",
        "Maximum Sales Charge (Load) Imposed on Reinvested Dividends",
        "Redemption Fee Imposed (as a percentage of amount redeemed)"]


def test_a_label_is_quoted_without_its_trailing_qualifier():
    question = analyse("What's the maximum front-end load on Class A?", 500)
    scores = label_scores(question.label_text, ROWS)
    assert pick(scores, ROWS) == ([1], 1.0)


def test_a_short_parenthesis_is_part_of_the_label():
    """"(Load)" is too short to be a qualifier: "maximum sales charge" alone quotes no label."""
    scores = label_scores("What is the maximum sales charge on Class A?", ROWS)
    assert max(scores) < 1.0


def test_a_qualifier_tells_labels_apart_when_another_label_is_the_bare_head():
    """"Free cash flow (pre-spectrum)" is not "Free cash flow" when the table prints both."""
    labels = ["Free cash flow (pre-spectrum)", "Licence and spectrum payments", "Free cash flow"]
    assert pick(label_scores("How much is the 2019 free cash flow?", labels), labels) == ([2], 1.0)


def test_a_label_named_by_more_of_the_question_beats_one_named_by_fewer_of_its_words():
    """All three index rows share "india index" with the question; only one is also named by
    "msci" and "net", so it is the one named, not a tie."""
    labels = ["MSCI India Index (Gross Total Return) (reflects no deduction for fees, expenses or taxes)**,",
              "MSCI India Index (Net Total Return)*,**,*",
              "Morningstar India Index (reflects no deduction for fees, expenses or taxes)",
              "Return After Taxes on Distributions", "Return Before Taxes"]
    assert pick(label_scores("MSCI India Index (Net) 10-year return?", labels), labels) == ([1], 0.9)


def test_a_label_named_by_few_of_its_words_does_not_win_a_tie():
    """"Delaware Select Growth Fund, a series of…" shares delaware, growth and fund with the
    question but most of its words are unnamed: the tie stands."""
    labels = ["Class A", "Delaware Ivy Accumulative Fund, a series of Ivy Funds",
              "Delaware Ivy Core Bond Fund, a series of Ivy Funds",
              "Delaware Select Growth Fund, a series of Voyageur Mutual Funds III"]
    scores = label_scores("Into which fund will Delaware Small Cap Growth Fund be merged?", labels)
    assert pick(scores, labels) is None


def test_the_one_of_12b_1_names_no_one_year_column():
    assert label_scores("What 12b-1 fee do Investor Shares pay?", ["1 Year", "3 Years", "5 Years"]) == [0.0, 0.0, 0.0]
    assert label_scores("12b1 fee for A shares?", ["12b-1 Fees", "Management Fee"])[0] >= 0.9


def test_a_longer_label_named_by_all_its_further_words_wins():
    labels = ["Class A", "Class C", "Class C Held"]
    q = analyse("What would Class C cost after 1 year if you kept the shares?", 500)
    assert pick(label_scores(q.label_text, labels), labels)[0] == [2]
    q = analyse("What would you pay after 3 years on Class C shares if you redeemed?", 500)
    assert pick(label_scores(q.label_text, labels), labels)[0] == [1]


def test_footnote_markers_are_no_words_of_a_label():
    """"(b)(c)" after a label is not two one-letter names ("Class C" does not name it), so a
    question naming every word of the label quotes it."""
    labels = ["Acquired Fund Fees and Expenses(c)", "Less: Fee Waiver and/or Expense Reimbursement(c)",
              "Total Annual Fund Operating Expenses After Expense Reimbursement(b)(c)", "Total Annual Fund Operating Expenses (b)"]
    scores = label_scores("Class C net expenses after reimbursement: total annual fund operating expenses after "
                          "fee waivers and expense reimbursements", labels)
    assert scores[2] == 1.0 and max(scores[:2] + scores[3:]) < 1.0


def test_a_month_written_short_is_the_month():
    assert normalise("Aug - 2019") == normalise("August 2019")
    assert label_scores("warrants issued in August 2019", ["Jun-2018", "Aug - 2019"]) == [0.0, 1.0]
