"""A sentence cut in two by a page break is read as one (qa.parsing.html)."""
from qa.parsing import html


def test_a_lower_case_continuation_joins_the_cut_sentence():
    page = ("<html><body><p>You may purchase or redeem shares online or by telephone. The minimum investment amount</p>"
            "<p>12</p><p>required to open a Fund account is $5 million.</p></body></html>")
    text = html.html_to_text(page)
    assert "The minimum investment amount required to open a Fund account is $5 million." in text


def test_headings_and_finished_sentences_stay_apart():
    page = ("<html><body><p>Capital Structure</p><p>and nonassessable shares.</p>"
            "<p>The Fund pays its expenses out of its assets every year.</p><p>iPad net sales rose.</p></body></html>")
    blocks = html.html_to_text(page).strip().split("\n\n")
    assert blocks == ["Capital Structure", "and nonassessable shares.",
                      "The Fund pays its expenses out of its assets every year.", "iPad net sales rose."]
