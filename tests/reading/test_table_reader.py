"""The table reader on in-memory pipe tables (real models): which cells a question names when
several labels could match."""
import pytest

import qa
from qa.parsing import tables
from qa.understanding.headers import coordinated, label_scores


def _spans(text: str, question: str) -> list[str]:
    answer = qa.QA.from_texts({"t": text}).ask(question)
    assert all(text[s.start:s.end] == s.text for s in answer.spans), answer
    return [s.text for s in answer.spans]


def test_a_row_quoted_inside_a_phrase_about_another_is_not_asked_for():
    """"the percentage of sales represented by gross profit" asks for gross profit, not sales;
    "sales and gross profit" asks for both."""
    text = ("| | 2019 | 2018 |\n|---|---|---|\n| Sales | 100.0 % | 100.0 % |\n| Gross profit | 40.0 | 50.9 |\n"
            "| Operating expenses | 33.1 | 27.0 |\n")
    assert _spans(text, "What was the percentage of sales represented by gross profit in 2018?") == ["50.9"]
    assert _spans(text, "What were the sales and gross profit in 2018?") == ["100.0 %", "50.9"]


def test_a_row_label_repeated_under_two_headings_is_told_apart_by_the_heading():
    text = ("| | 2019 | 2018 |\n|---|---|---|\n| Current income tax expense (benefit): | | |\n"
            "| Federal | $5 | $4 |\n| State | 10 | 5 |\n| Deferred income tax expense (benefit): | | |\n"
            "| Federal | 4,206 | 4,860 |\n| State | (11,346) | 665 |\n")
    assert _spans(text, "What was the Federal deferred income tax expense in 2019?") == ["4,206"]
    assert _spans(text, "What was the current federal income tax expense in 2018?") == ["$4"]


def test_an_amount_question_gets_the_amount_column_not_the_share_of_it():
    text = ("| | 2019 | | 2018 | |\n| | Amount | % of total revenue | Amount | % of total revenue |\n"
            "|---|---|---|---|---|\n| License and subscription | $ 64,798 | 9% | $ 35,452 | 5% |\n"
            "| Services | 243,053 | 34 | 246,548 | 38 |\n")
    assert _spans(text, "What was the license and subscription revenue in 2019 and 2018 respectively?") == \
        ["$ 64,798", "$ 35,452"]
    assert _spans(text, "What percentage of total revenue was services in 2019?") == ["34"]


@pytest.mark.parametrize("question,labels,side_by_side", [
    ("What was the percentage of sales represented by gross profit?", ["Sales", "Gross profit"], False),
    ("What were sales and gross profit?", ["Sales", "Gross profit"], True),
    ("What were sales, gross profit and EBIT?", ["Sales", "Gross profit", "EBIT"], True),
    ("What are the respective sales in the US and gross profit?", ["Sales", "Gross profit"], True),
])
def test_coordinated(question, labels, side_by_side):
    assert coordinated(question, labels) is side_by_side


def test_a_label_run_together_must_start_and_end_on_word_edges():
    """"Continuing Operations" is not named by "discontinued operations"; "12b-1" names "12b1"."""
    scores = label_scores("What are the components of Reported Results (including discontinued operations)?",
                          ["Continuing Operations", "Reported Results (including discontinued operations)"])
    assert scores[0] < 0.95 and scores[1] == 1.0
    assert label_scores("What is the 12b-1 fee?", ["12b1 fees", "Other"])[0] >= 0.95


def test_every_word_of_a_long_label_names_it_in_any_order():
    """"earnings per common basic share" names "Earnings per common share — Basic" over rows
    sharing two of its words; a three-word label ("Total Net Sales") needs more than its words."""
    text = ("| | 2019 | 2018 |\n|---|---|---|\n| Net income | $53,294 | $61,431 |\n"
            "| Distributed and undistributed earnings to common shareholders -- Basic | 52,516 | 60,553 |\n"
            "| Weighted average shares outstanding — Basic | 21,829 | 22,429 |\n"
            "| Weighted average shares outstanding — Diluted | 21,829 | 22,429 |\n"
            "| Earnings per common share — Basic | $2.41 | $2.70 |\n"
            "| Earnings per common share — Diluted | $2.41 | $2.70 |\n")
    answer = qa.QA.from_texts({"t": text}).ask("What is the earnings per common basic share in 2018?")
    assert (answer.text, answer.method) == ("$2.70", "table"), answer
    scores = label_scores("What is the net sales arising from total electronic components?",
                          ["Total Electronic Components", "Total Net Sales"])
    assert scores[0] == 1.0 and scores[1] < 0.95


def test_the_years_of_a_table_stacked_by_row():
    """Years printed as label-only rows over each year's block are the years the table shows."""
    text = ("| | Gross | Allowance | Net |\n|---|---|---|---|\n| December 31, 2019 | | | |\n"
            "| Transaction related | $12,863 | $(238) | $12,625 |\n| Servicing related | 6,868 | — | 6,868 |\n"
            "| December 31, 2018 | | | |\n| Transaction related | $9,014 | $(120) | $8,894 |\n")
    assert _spans(text, "Which years does the table show?") == ["2019", "2018"]


_QUARTERS = ("| (In Millions) | First | Second | Third |\n|---|---|---|---|\n| 2019 | | | |\n"
             "| Net sales | $117,625 | $120,684 | $115,651 |\n| 2018 | | | |\n| Net sales | $118,859 | $115,003 | $119,204 |\n")


def test_a_quarter_asked_without_a_year_is_the_latest_years():
    assert _spans(_QUARTERS, "What was the net sales in the third quarter?") == ["$115,651"]
    assert _spans(_QUARTERS, "What was the net sales in the third quarter of 2018?") == ["$119,204"]


def test_a_header_repeated_with_its_unit_cell_and_dates_starts_a_section():
    """"| (In Millions) | Dec 30, 2017 | …" repeats the header: the rows below take its dates; the
    second largest of a column is the one after the largest; "Goodwill", which the filing also
    prints in lower case, is a word, not a name the table lacks."""
    text = ("Goodwill activity by segment; goodwill is tested yearly.\n\n"
            "| (In Millions) | Dec 29, 2018 | Acquisitions | Dec 28, 2019 |\n|---|---|---|---|\n"
            "| Data Center Group | $5,424 | $1,758 | $7,155 |\n| Mobileye | 10,290 | — | 10,290 |\n"
            "| Client Computing Group | 4,403 | — | 4,333 |\n"
            "| (In Millions) | Dec 30, 2017 | Acquisitions | Dec 29, 2018 |\n"
            "| Data Center Group | $5,421 | $3 | $5,424 |\n| Mobileye | 10,278 | 7 | 10,290 |\n"
            "| Client Computing Group | 6,356 | 47 | 4,403 |\n")
    t = tables.parse_table(text, text.index("|"), len(text))
    assert t.column_label(1, t.rows[3]) == "Dec 30, 2017" and t.rows[3].cells[1].text == "$5,421"
    assert _spans(text, "Which segment has the second highest amount of Goodwill at Dec 30, 2017?") == \
        ["Client Computing Group"]


def test_a_range_of_years_names_every_year_in_it():
    text = ("| | 2019 | 2018 | 2017 |\n|---|---|---|---|\n| Net income | $53,294 | $61,431 | $279,745 |\n")
    assert _spans(text, "What is the net income for fiscal years 2019 to 2017 respectively?") == \
        ["$53,294", "$61,431", "$279,745"]


def test_of_two_columns_of_the_year_asked_the_one_the_row_fills():
    text = ("| | Earnings | Earnings | Dividend per share | Dividend per share |\n| | 2018 | 2019 | 2018 | 2019 |\n"
            "|---|---|---|---|---|\n| Legal reserve | $707,299 | $963,947 | | |\n"
            "| Cash dividends | 6,916,105 | 9,765,155 | $0.58 | $0.75 |\n")
    answer = qa.QA.from_texts({"t": text}).ask("What was the legal reserve amount in 2019?")
    assert (answer.method, answer.text) == ("table", "$963,947"), answer


@pytest.mark.parametrize("question,column", [
    ("Which class has the higher 12b-1 fee?", "Class B"),
    ("Which class has the lowest total annual operating expenses?", "Class A"),
])
def test_which_column_holds_the_larger_value_of_a_named_row(bundled_qa, question, column):
    """Real models and index: the fee table's classes are columns; the row named decides."""
    answer = bundled_qa.ask(question)
    assert (answer.method, answer.text) == ("table", column), answer


def test_of_a_rows_unlabelled_cells_an_amount_question_gets_the_amount(tmp_path):
    """"Worst Quarter | 1Q 2022 | (4.95%)" prints no column labels: the return is the amount."""
    text = ("<html><body><p>The Fund's returns.</p><table>"
            "<tr><td>Best Quarter</td><td>2Q 2020</td><td>8.44%</td></tr>"
            "<tr><td>Worst Quarter</td><td>1Q 2022</td><td>(4.95%)</td></tr></table></body></html>")
    path = tmp_path / "returns.htm"
    path.write_text(text)
    answer = qa.QA.from_files([path]).ask("What was the fund's worst quarterly return?")
    assert answer.found and answer.text == "(4.95%)", answer



def test_an_acronym_of_the_tables_words_and_the_filings_own_symbol_name_no_other_table():
    """"EPS" spells "Earnings per share" around the table and "XYZ" is the symbol the filing
    gives itself: neither makes the table foreign to the question.  A name the table's filing
    never prints ("Class A" of a filing without classes) still does."""
    text = ("The Example Trust (“XYZ” or the “Trust”) trades under the market symbol “XYZ”.\n\n"
            "Earnings per share:\n\n| | 2024 | 2023 |\n|---|---|---|\n| Basic | $6.11 | $6.16 |\n"
            "| Diluted | $6.08 | $6.13 |\n")
    assert _spans(text, "Diluted EPS for 2024?") == ["$6.08"]
    assert _spans(text, "What was XYZ's diluted earnings per share in 2023?") == ["$6.13"]
    assert qa.QA.from_texts({"t": text}).ask("What was the Class A diluted earnings per share in 2024?").method != "table"


def test_a_row_named_by_one_word_of_several_answers_only_when_the_table_holds_every_word_asked():
    """"1" of "12b-1 Distribution Fee" does not make a fee table answer a question about returns;
    "index" of the only index row does answer "index five-year return" of a returns table."""
    fees = ("Annual Fund Operating Expenses\n\n| | Investor Shares | Admiral Shares |\n|---|---|---|\n"
            "| Management Fees | 0.22% | 0.15% |\n| 12b-1 Distribution Fee | None | None |\n"
            "| Other Expenses | 0.01% | 0.01% |\n")
    assert qa.QA.from_texts({"t": fees}).ask("1-year return for Admiral Shares?").method != "table"
    returns = ("Average Annual Total Returns\n\n| | 1 Year | 5 Years | 10 Years |\n|---|---|---|---|\n"
               "| Growth Fund | 5.97% | 7.10% | 8.20% |\n"
               "| Russell 3000 Growth Index (reflects no deduction for fees, expenses or taxes) | 4.10% | (8.87)% | 9.30% |\n")
    assert _spans(returns, "index five-year return") == ["(8.87)%"]


def test_a_group_heading_the_question_names_picks_its_only_row():
    """"Class I" names the heading of a group that holds one "Return Before Taxes" row; the
    same row label under "Class A Shares" is not it."""
    text = ("Average Annual Total Returns\n\n| | 1 Year | 5 Years |\n|---|---|---|\n| Class A Shares | | |\n"
            "| Return Before Taxes | 11.02% | 10.42% |\n| Return After Taxes on Distributions | 9.56% | 9.50% |\n"
            "| Class I Shares | | |\n| Return Before Taxes | 11.40% | 10.68% |\n")
    assert _spans(text, "Class I 5-year return?") == ["10.68%"]


def test_a_group_heading_the_question_spells_in_capitals_tells_repeated_rows_apart():
    """"EPS" writes the initials of "Earnings per share:", so of the two "Diluted" rows the one
    under that heading answers."""
    text = ("Statements of Operations\n\n| | 2024 | 2023 |\n|---|---|---|\n| Earnings per share: | | |\n"
            "| Basic | $6.11 | $6.16 |\n| Diluted | $6.08 | $6.13 |\n| Shares used in computing earnings per share: | | |\n"
            "| Basic | 15,343,783 | 15,744,231 |\n| Diluted | 15,408,095 | 15,812,547 |\n")
    assert _spans(text, "Diluted EPS for 2024?") == ["$6.08"]


def test_a_single_value_column_needs_only_its_row_and_alike_rows_are_told_apart_by_kind():
    """An unlabelled one-column fee table ("| Total Annual Fund Operating Expenses(3) | | 1.34% |")
    answers from its row; of header rows named alike ("Filed As Of Date", "Sec File Number"), a
    date question takes the one holding a date."""
    fees = ("| | | |\n|---|---|---|\n| Management Fees | | 0.12% |\n| Other Operating Expenses | 0.02% | |\n"
            "| Total Annual Fund Operating Expenses(3) | | 1.34% |\n")
    assert _spans(fees, "What are the total annual fund operating expenses of the Fund?") == ["1.34%"]
    header = ("| EDGAR SEC header | Value |\n|---|---|\n| Filed As Of Date | 20240418 |\n"
              "| Sec File Number (1940 Act) | 811-09729 |\n| Company Conformed Name | iSHARES TRUST |\n")
    assert _spans(header, "On what date was this filing filed with the SEC?") == ["20240418"]


def test_what_an_investor_would_pay_is_looked_up_in_the_one_example_table():
    """Retrieval may bring prose about costs and not the example's unlabelled row of dollar
    costs; the one table of dollar costs answers the period asked."""
    prose = "\n\n".join(f"Section {n}. An investor who would pay over 5 years on $10,000 in the fund pays costs, "
                         f"such as commissions, when the fund buys and sells securities in year {n}." for n in range(12))
    text = (f"{prose}\n\n| Management Fees | 0.12% |\n|---|---|\n| Total Annual Fund Operating Expenses | 1.34% |\n\n"
            "Example\n\n| 1 Year | 3 Years | 5 Years | 10 Years |\n|---|---|---|---|\n| $136 | $425 | $734 | $1,613 |\n")
    assert _spans(text, "What would I pay over 5 years on $10,000 in the fund?") == ["$734"]


def test_a_class_named_picks_its_group_over_a_longer_group_it_does_not_name():
    text = ("| | 1 Year | 10 Years |\n|---|---|---|\n| Index Fund Institutional Shares | | |\n"
            "| Return Before Taxes | 3.00% | 5.49% |\n| Index Fund Institutional Plus Shares | | |\n"
            "| Return Before Taxes | 3.09% | 5.50% |\n")
    assert _spans(text, "Institutional Shares 10-year return before taxes?") == ["5.49%"]
    assert _spans(text, "Institutional Plus Shares 10-year return before taxes?") == ["5.50%"]


def test_an_etf_return_based_on_nav_or_market_price_is_told_apart_by_its_group():
    """The two groups print one row label in two inflections ("Returns Before Taxes", "Return Before Taxes")."""
    text = ("| | 1 Year | 5 Years |\n|---|---|---|\n| Based on NAV | | |\n| Returns Before Taxes | 8.64% | 2.48% |\n"
            "| Returns After Taxes on Distributions | 6.91 | 1.19 |\n| Based on Market Price | | |\n"
            "| Return Before Taxes | 8.60 | 2.47 |\n")
    assert _spans(text, "1-yr return based on market price, before taxes?") == ["8.60"]
    assert _spans(text, "5-year return before taxes based on NAV?") == ["2.48%"]


def test_of_two_columns_named_the_one_of_the_kind_asked_answers():
    text = "| | Total Return | Quarter |\n|---|---|---|\n| Highest | 12.19% | June 30, 2020 |\n| Lowest | -17.60% | March 31, 2020 |\n"
    assert _spans(text, "Lowest quarterly total return shown?") == ["-17.60%"]


def test_classes_printed_by_letter_and_a_when_question_of_an_unlabelled_row():
    """A fee table naming its classes "A" | "C" (the filing writes "Class" nowhere else) answers
    "Class C"; "when" of "Lowest Quarter: | -6.88% | 1Q 2022" is the date."""
    fees = ("| Annual fund operating expenses (%) | A | C |\n|---|---|---|\n| Management fee | 0.67 | 0.67 |\n"
            "| Distribution and service (Rule 12b-1) fees | 0.25 | 1.00 |\n")
    assert _spans(fees, "What is the 12b-1 fee on Class C of the Fund?") == ["1.00"]
    quarters = ("The fund's quarterly returns.\n\n| | | |\n|---|---|---|\n| Highest Quarter: | 6.02% | 4Q 2023 |\n"
                "| Lowest Quarter: | -6.88% | 1Q 2022 |\n")
    assert _spans(quarters, "When did the Fund have its worst quarter?") == ["1Q 2022"]


def test_of_two_rows_named_alike_a_question_asking_no_total_gets_the_part():
    text = ("| | Class A | Class R6 |\n|---|---|---|\n| Total Annual Fund Operating Expenses | 1.06% | 6.34% |\n"
            "| Less: Fee Waiver and/or Expense Reimbursement | (0.10)% | (5.54)% |\n"
            "| Total Annual Fund Operating Expenses After Expense Reimbursement | 0.96% | 0.80% |\n")
    assert _spans(text, "R6 expense reimbursement?") == ["(5.54)%"]


def test_a_unit_in_the_corner_label_and_the_filings_own_fund_and_months_written_short():
    """"Annual fund operating expenses (%)" holds rates, so what an investor would pay comes from
    the "Expenses ($)" table; "Dec" is December, and the one fund a filing is about is no name
    foreign to its tables."""
    text = ("GMO EXAMPLE INCOME FUND\n\nSummary Prospectus\n\nThe fund's costs.\n\n"
            "| Annual fund operating expenses (%) | A | C |\n|---|---|---|\n| Management fee | 0.67 | 0.67 |\n"
            "| Total annual fund operating expenses | 1.11 | 1.86 |\n\nExpense example\n\n"
            "| Expenses ($) | A | C |\n|---|---|---|\n| 1 year | 608 | 289 |\n| 3 years | 837 | 587 |\n\n"
            "Average Annual Total Returns\n\nPeriods Ending December 31, 2024\n\n"
            "| | 1 Year | 5 Years |\n|---|---|---|\n| Return Before Taxes | 1.30% | -0.84% |\n")
    assert _spans(text, "If I put $10,000 into Class A and sell after one year, what are my expenses?") == ["608"]
    assert _spans(text, "5-year return before taxes of GMO Example Income as of Dec 31, 2024?") == ["-0.84%"]
