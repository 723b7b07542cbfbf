"""Table cells, lists and fee tiers as answers, on the real bundled index (real models)."""
import functools

import pytest

import qa
from qa.text.views import squash

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("question,cell,row,col", [
    ("What 12b-1 fee do Class B shares pay?", "0.25%", "12b-1 Fees", "Class B"),
    ("12b1 fee for A shares?", "None", "12b-1 Fees", "Class A"),
    ("What would a Class B investor pay over ten years?", "$1,159", "10 Years", "Class B"),
    ("one-year cost for A shares in the expense example", "$71", "1 Year", "Class A"),
    ("What did the Russell 3000 Growth Index return over five years?", "(8.87)%",
     "Russell 3000 Growth Index", "5 Year"),
    ("What was the Aggressive Growth Fund's 10 year return?", "14.21%",
     "Aggressive Growth Fund Class A shares (without sales charge)", "10 Year"),
])
def test_table_cells(bundled_qa, question, cell, row, col):
    answer = bundled_qa.ask(question)
    assert answer.found and answer.text == cell and answer.method == "table"
    assert bundled_qa.source_text(answer.doc_id)[answer.start:answer.end] == cell
    top = answer.evidence[0]
    assert top.kind == "cell" and top.meta["row_label"] == row and top.meta["col_label"] == col
    assert (top.start, top.end) == (answer.start, answer.end)


def test_cell_with_a_footnote_carries_it(bundled_qa):
    answer = bundled_qa.ask("What are the total annual portfolio operating expenses for Class B?")
    assert answer.text == "0.94%"
    assert answer.evidence[0].meta["footnote"].startswith("The Manager and the Trust have entered")


@pytest.mark.parametrize("question,items", [
    ("What are the primary risks?", ["Market risk", "Market capitalization risk", "Investment style risk"]),
    ("What does the adviser consider when evaluating a stock?",
     ["New technologies, products or services", "New cost reducing measures", "Changes in management",
      "Favorable changes in government regulations"]),
])
def test_lists(bundled_qa, question, items):
    answer = bundled_qa.ask(question)
    assert answer.found and [s.text for s in answer.spans] == items
    assert answer.text == "; ".join(items)
    source = bundled_qa.source_text(answer.doc_id)
    for span in answer.spans:
        assert " ".join(source[span.start:span.end].split()) == span.text


def test_a_read_span_over_several_bullets_answers_with_the_bullets(bundled_qa):
    # the trained reader's span runs from the first bullet into the last; the answer is the bullets
    answer = bundled_qa.ask("what benefits might a company get that the adviser looks at")
    assert answer.method == "neural"
    assert [s.text for s in answer.spans] == ["New technologies, products or services",
                                              "New cost reducing measures", "Changes in management",
                                              "Favorable changes in government regulations"]


def test_a_read_span_does_not_start_on_a_bullet_marker(bundled_qa):
    answer = bundled_qa.ask("What company changes does the adviser consider when picking stocks?")
    assert answer.found and answer.text.startswith("New technologies")


def test_a_list_does_not_answer_a_question_about_something_else(bundled_qa):
    """"New technologies…" shares the word "new" with the question but is not a board."""
    answer = bundled_qa.ask("Which board signed off on the new adviser?")
    assert answer.method != "list", answer


@pytest.mark.parametrize("question", ["What was the Wilshire 5000 Index's 5 year return?",
                                      "What management fee does Vanguard charge Class A?"])
def test_a_cell_does_not_answer_for_a_name_its_table_never_mentions(bundled_qa, question):
    answer = bundled_qa.ask(question)
    assert answer.method != "table", answer


def test_names_a_question_uses():
    from qa.understanding.questions import analyse
    assert analyse("What was the S&P 500 Index's 10 year return?", 500).names == {"s&p", "index"}
    assert analyse("What Is The Total Annual Expense For Class B?", 500).names == set()
    assert analyse("fee for class b", 500).names == set()


def test_question_focus():
    from qa.understanding.questions import focus_terms
    assert focus_terms("which board signed off?") == {"board"}
    assert focus_terms("What other securities may it buy?") == {"secur"}
    assert focus_terms("What is the fee?") == set()
    assert focus_terms("Who is the adviser?") == set()


@pytest.mark.parametrize("question,kind,text", [
    ("freeman yrs experience", "duration", "freeman years experience"),
    ("whos the new advisor", "entity", "who is the new adviser"),
    ("mgmt fee for class a?", "percent", "management fee for class a?"),
    ("what yr was ClearBridge formed", "year", "what year was ClearBridge formed"),
])
def test_shorthand_in_questions(question, kind, text):
    from qa.understanding.questions import analyse
    q = analyse(question, 1000)
    assert (q.kind, q.text, q.asked) == (kind, text, question)


@pytest.mark.parametrize("question,rate", [
    ("What is the management fee rate on assets over $2 billion?", "0.50%"),
    ("fee on the first 500 million", "0.65%"),
    ("What rate applies between $1 billion and $2 billion?", "0.55%"),
    ("What is the management fee at $750 million of assets?", "0.60%"),
    ("management fee above two billion dollars?", "0.50%"),
])
def test_fee_tiers(bundled_qa, question, rate):
    answer = bundled_qa.ask(question)
    assert answer.found and answer.text == rate


def test_a_question_about_the_schedule_gets_all_of_it(bundled_qa):
    answer = bundled_qa.ask("What is the new management fee schedule?")
    assert answer.method == "schedule"
    assert answer.text.startswith("0.65% for the first $500 million") and answer.text.endswith("over $2 billion")
    assert squash(bundled_qa.source_text(answer.doc_id)[answer.start:answer.end]) == answer.text


def _keys_are_text(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _keys_are_text(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_keys_are_text(v) for v in value)
    return True


def test_answers_serialise_strictly_from_a_fresh_index(filing_text):
    """Web clients (orjson) refuse non-text keys; a freshly built index must not carry any."""
    import qa
    pipeline = qa.QA.from_texts({"doc": filing_text})
    for question in ("What 12b-1 fee do Class B shares pay?", "What did the fund return over 5 years?"):
        assert _keys_are_text(pipeline.ask(question).to_dict())


@pytest.mark.parametrize("question,value", [
    ("What is the expense limit for Class B shares?", "1.15%"),
    ("Class A expenses will not exceed what under the Expense Limitation Agreement?", "0.90%"),
])
def test_respectively_pairs(bundled_qa, question, value):
    answer = bundled_qa.ask(question)
    assert answer.found and answer.text == value and answer.method == "respectively"


@pytest.mark.parametrize("question,value,method", [
    ("What do Class B shares pay in total expenses per year?", "0.94%", "table"),
    ("What is the maximum total expense Class B shares will pay?", "1.15%", "respectively"),
])
def test_a_stated_bound_answers_only_a_question_about_the_bound(bundled_qa, question, value, method):
    # "... will not exceed 0.90% and 1.15%, respectively" caps the expenses the fee table states
    answer = bundled_qa.ask(question)
    assert (answer.text, answer.method) == (value, method)


@pytest.mark.parametrize("question", [
    "whats the CDSC on class b shares",
    "What is the maximum front-end sales load on the Portfolio's Class A shares?",
])
def test_respectively_needs_the_question_to_be_about_the_sentence(bundled_qa, question):
    """The expense-cap sentence names Class A and Class B, but says nothing of a CDSC or a load."""
    assert bundled_qa.ask(question).method != "respectively"


def test_respectively_parsing():
    from qa.reading.readers.respectively import _labels, _values
    s = "Fees for Class A, Class B and Class C shares are 0.25%, 0.50% and 1.00%, respectively."
    values = _values(s)
    assert [s[a:b] for a, b in values] == ["0.25%", "0.50%", "1.00%"]
    assert [s[a:b] for a, b in _labels(s, 3, values[0][0])] == ["Class A", "Class B", "Class C"]
    assert _values("No pairing here: 0.25% and 0.50%.") == []


def test_respectively_groups_with_labels_after_the_values():
    from qa.reading.readers.respectively import groups
    s = ("Depreciation expense was $12,548 and $12,643 for the years ended December 31, 2019 and "
         "2018, respectively, of which $9,028 and $9,189, respectively, related to software.")
    found = [([s[a:b] for a, b in v], [s[a:b] for a, b in lab]) for v, lab, _ in groups(s)]
    assert found == [(["$12,548", "$12,643"], ["2019", "2018"]), (["$9,028", "$9,189"], ["2019", "2018"])]
    s = "There were 268,000 and 108,000 shares for the years ended September 30, 2019 and 2018, respectively."
    assert [[s[a:b] for a, b in v] for v, _, _ in groups(s)] == [["268,000", "108,000"]]
    s = "As of 2019 and 2018, we had accrued $64,000 and $10,000, respectively, for interest."
    assert [[s[a:b] for a, b in lab] for _, lab, _ in groups(s)] == [["2019", "2018"]]   # not "2018, we"


RESPECTIVELY_FILING = (
    "Total depreciation expense on property and equipment was $2.5 million, $2.6 million, and $2.4 "
    "million during fiscal 2019, 2018 and 2017, respectively. Depreciation expense from continuing "
    "operations was $12,548 and $12,643 for the years ended December 31, 2019 and 2018, respectively, "
    "of which $9,028 and $9,189, respectively, related to internal use software costs. Revenue from "
    "sales into China accounted for 53%, 57%, and 51% of total revenue in 2019, 2018, and 2017, "
    "respectively; revenue from sales into Taiwan accounted for 13%, 9%, and 13% of total revenue "
    "in 2019, 2018, and 2017, respectively.\n")


@pytest.mark.parametrize("question,values", [
    ("What was the depreciation amount in fiscal 2018?", ["$2.6 million"]),
    ("What was the depreciation expense from continuing operations in 2019 and 2018 respectively?",
     ["$12,548", "$12,643"]),
    ("How much depreciation expense related to internal use software costs in 2019?", ["$9,028"]),
    ("What share of total revenue came from sales into Taiwan in 2019?", ["13%"]),
    ("What share of total revenue came from sales into China in 2018?", ["57%"]),
])
def test_respectively_answers_the_named_labels_of_the_right_clause(question, values):
    """Real models, in-memory filing: labels after the values, several "respectively" in one
    sentence, and a question naming two labels together."""
    answer = _respectively_pipeline().ask(question)
    assert answer.method == "respectively" and [s.text for s in answer.spans] == values, answer


def test_respectively_gives_no_value_for_a_why_question():
    answer = _respectively_pipeline().ask("Why was depreciation expense higher in fiscal 2018?")
    assert answer.method != "respectively"


@functools.cache
def _respectively_pipeline():
    return qa.QA.from_texts({"r": RESPECTIVELY_FILING})


def test_two_year_columns_named_together_answer_both():
    """Real models, in-memory pipe table: a date column ("December 31 2019") and a year printed
    digit by digit ("2 0 1 8") are both named by "in 2019 and 2018"."""
    text = ("| | December 31 2019 | 2 0 1 8 |\n|---|---|---|\n"
            "| Operating loss carryforward | 73,260 | 57,768 |\n"
            "| Valuation allowance | (19,911) | (15,916) |\n")
    answer = qa.QA.from_texts({"t": text}).ask(
        "What was the operating loss carryforward amount in 2019 and 2018 respectively?")
    assert [s.text for s in answer.spans] == ["73,260", "57,768"], answer


def test_a_how_question_gets_no_list_items_by_name():
    """The list reader alone, on an in-memory filing: "how…?" names "foreign" but asks for a manner."""
    from qa import QA
    from qa.reading.readers.lists import ListReader
    text = ("The Fund may invest in the following securities: Convertible Securities; Foreign Debt "
            "Securities; Preferred Stocks.\n\nThe Fund may invest in foreign securities directly or "
            "through depositary receipts.\n")
    pipeline = QA.from_texts({"doc": text})
    reader = ListReader(pipeline.data.sources)
    pipeline.readers = [reader]
    q_what, passages, _ = pipeline.candidates("Which foreign securities may the Fund invest in?")
    assert any(len(c.parts) == 1 for c in reader.read(q_what, passages))
    q_how, passages, _ = pipeline.candidates("How may the Fund invest in foreign securities?")
    assert all(len(c.parts) != 1 for c in reader.read(q_how, passages))


def test_a_word_for_the_bound_counts_as_said_by_a_stated_bound():
    """"cap" is not in the sentence, but "will not exceed" states the bound it asks about."""
    from qa import QA
    text = ("The Fund offers two classes.\n\nThe Manager has agreed that total annual expenses of the "
            "Class A and Class B shares will not exceed 0.90% and 1.15%, respectively, through April 30, "
            "2007.\n")
    answer = QA.from_texts({"doc": text}).ask("What is the expense cap for Class A?")
    assert (answer.text, answer.method) == ("0.90%", "respectively")


def _spans_as_printed(text: str, question: str) -> list[str]:
    """The answer's parts for ``question`` over the in-memory filing ``text``, each checked to
    be the text its offsets point at."""
    pipeline = qa.QA.from_texts({"t": text})
    answer = pipeline.ask(question)
    assert all(text[s.start:s.end] == s.text for s in answer.spans), answer
    return [s.text for s in answer.spans]


_YEARS_TABLE = ("Results of operations (in millions)\n\n"
                "| | Fiscal 2019 | Fiscal 2018 | Fiscal 2017 |\n|---|---|---|---|\n"
                "| Net income | $106.4 | $92.0 | $88.1 |\n"
                "| Other income (expense), net | $(1,867) | $412 | $95 |\n"
                "| Capital expenditures | 310 | 295 | 402 |\n")


@pytest.mark.parametrize("question,years", [
    ("In which year was net income less than 100.0 million?", ["2018", "2017"]),
    ("Which years did capital expenditures exceed 300 million?", ["2019", "2017"]),
    ("In which year was other income (expense), net negative?", ["2019"]),
    ("In which year were capital expenditures the highest?", ["2017"]),
    ("Which fiscal years does the table show?", ["2019", "2018", "2017"]),
    ("What are the years included in the table?", ["2019", "2018", "2017"]),
])
def test_year_questions_over_a_table_row(question, years):
    """Real models, in-memory pipe table whose headers hold a year inside other words: a
    threshold ("less than", "exceed", "negative") keeps every year that passes, compared in the
    table's own unit; a direction ("highest") keeps one; each answer is the year as printed."""
    assert _spans_as_printed(_YEARS_TABLE, question) == years


_GROUPED_TABLE = ("Balance sheet (in millions)\n\n"
                  "| | 2019 | 2018 |\n|---|---|---|\n"
                  "| Current assets | | |\n"
                  "| Debtors | 415.9 | 440.7 |\n"
                  "| Cash and cash equivalents | 12.0 | 0.2 |\n"
                  "| Total current assets | 427.9 | 440.9 |\n"
                  "| Licence fees | 30.1 | 28.0 |\n"
                  "| Royalties | 12.4 | 11.9 |\n"
                  "| Total revenue | 42.5 | 39.9 |\n")


@pytest.mark.parametrize("question,rows", [
    ("What are the components of current assets?", ["Debtors", "Cash and cash equivalents"]),
    ("What does total revenue consist of?", ["Licence fees", "Royalties"]),
    ("What items are listed in the table?", ["Debtors", "Cash and cash equivalents", "Licence fees",
                                             "Royalties"]),
])
def test_the_rows_a_group_holds(question, rows):
    """Real models, in-memory pipe table: the rows under a label-only row, or above a total, up to
    the next label-only or total row; with no group named, every item row (no totals)."""
    assert _spans_as_printed(_GROUPED_TABLE, question) == rows


def test_a_component_asked_for_a_year_is_a_cell():
    answer = qa.QA.from_texts({"t": _GROUPED_TABLE}).ask("What were royalties in 2019?")
    assert answer.text == "12.4", answer


def test_labels_that_share_a_year_are_told_apart_by_their_other_words():
    from qa.understanding.headers import label_scores
    labels = ["Fiscal 2019 First Quarter", "Fiscal 2019 Third Quarter", "Fiscal 2018 Third Quarter"]
    scores = label_scores("What was the revenue in the fiscal 2019 third quarter?", labels)
    assert scores.index(max(scores)) == 1 and max(scores) - sorted(scores)[-2] >= 0.2, scores
    # a year alone still names the one label that holds it, however long
    assert label_scores("net income in 2019?", ["Fiscal Year Ended April 27, 2019", "April 28, 2018"])[0] >= 0.95
    # a label of another year than the one asked is weakened
    two = label_scores("Allowance for losses in 2018?", ["December 31, 2019 Allowance for Losses",
                                                         "December 31, 2018 Allowance for Losses"])
    assert two[1] - two[0] >= 0.2, two


def test_a_stacked_quarter_table_answers_the_quarter_of_the_year_asked(stacked_table):
    """Real models, in-memory stacked pipe table (a block per fiscal year)."""
    for question, value in [("What was the revenue in the fiscal 2019 third quarter?", "$88,495"),
                            ("What was the revenue in the fiscal 2018 third quarter?", "$93,669")]:
        assert _spans_as_printed(stacked_table, question) == [value]


def test_a_why_question_gets_no_cell():
    """Real models: a cell holds an amount, never the reason asked for."""
    text = ("| | 2019 | 2018 |\n|---|---|---|\n| Interest expense | $2,082 | $2,025 |\n\n"
            "Interest expense increased in 2019 primarily due to higher average borrowings.\n")
    answer = qa.QA.from_texts({"t": text}).ask("Why did interest expense increase in 2019?")
    assert answer.method != "table" and "borrowings" in answer.text, answer


def test_a_year_beside_a_named_row_is_the_period_not_a_second_row():
    """Real models, in-memory pipe table: "granted in 2019" names the row "Granted"; the year
    does not also name "Non-vested at December 31, 2019"."""
    text = ("| Non-vested awards | Shares |\n|---|---|\n| Non-vested at December 31, 2018 | 1,187,586 |\n"
            "| Granted | 473,550 |\n| Vested | (365,223) |\n| Non-vested at December 31, 2019 | 1,283,281 |\n")
    assert _spans_as_printed(text, "What is the number of non-vested shares granted in 2019?") == ["473,550"]


def test_a_question_about_a_movement_gets_no_level_cell():
    """Real models: "the increase in X in 2019" is not X's 2019 amount; a "Change" column is."""
    text = ("| | 2019 | 2018 | Change |\n|---|---|---|---|\n| Interest income | $30,182 | $13,281 | 127% |\n\n"
            "Interest income increased by $16.9 million in 2019 on higher cash balances.\n")
    pipeline = qa.QA.from_texts({"t": text})
    moved = pipeline.ask("What was the increase in interest income in 2019?")
    assert moved.text != "$30,182", moved
    assert pipeline.ask("What was the percentage change in interest income?").text == "127%"


@pytest.mark.parametrize("question,row", [
    ("Which contractual obligation has the highest total value?", "Long-term debt"),
    ("Which obligation is the smallest in 2020?", "Operating leases"),
])
def test_which_row_holds_the_largest_value(question, row):
    """Real models, in-memory pipe table: the label of the item row (not the total) with the
    largest or smallest number in the column the question names."""
    text = ("| | Total | 2020 | 2021 |\n|---|---|---|---|\n| Long-term debt | $12,519.1 | 1,000.0 | 900.0 |\n"
            "| Operating leases | 310.2 | 80.5 | 70.1 |\n| Purchase obligations | 1,204.9 | 604.0 | 300.0 |\n"
            "| Total | $14,034.2 | 1,684.5 | 1,270.1 |\n")
    assert _spans_as_printed(text, question) == [row]
