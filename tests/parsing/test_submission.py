"""EDGAR containers: complete submissions and single-document wrappers, read by content (fast tier)."""
from __future__ import annotations

import pytest

from qa.errors import SourceError
from qa.parsing import submission
from qa.parsing.sources import read_filing, to_text

HEADER = """<SEC-DOCUMENT>0000950123-05-002345.txt : 20050301
<SEC-HEADER>0000950123-05-002345.hdr.sgml : 20050301
ACCESSION NUMBER:\t\t0000950123-05-002345
CONFORMED SUBMISSION TYPE:\tN-Q
PUBLIC DOCUMENT COUNT:\t\t3
CONFORMED PERIOD OF REPORT:\t20041231
FILED AS OF DATE:\t\t20050301

FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE GROWTH FUND
\t\tCENTRAL INDEX KEY:\t\t\t0000123456
\tFILING VALUES:
\t\tFORM TYPE:\t\tN-Q
\t\tSEC ACT:\t\t1940 Act
\t\tSEC FILE NUMBER:\t811-01234
</SEC-HEADER>
"""
MAIN = """<DOCUMENT>
<TYPE>N-Q
<SEQUENCE>1
<FILENAME>d12345.htm
<TEXT>
<html><body><p>The Fund held <b>$566,302,000</b>.<br><sup>1</sup></p>
<table><tr><td></td><td>Shares</td><td>Value</td></tr>
<tr><td>Acme Corp.</td><td>1,000</td><td>$</td><td>25,000</td></tr></table></body></html>
</TEXT>
</DOCUMENT>
"""
EXHIBIT = """<DOCUMENT>
<TYPE>EX-99.CERT
<SEQUENCE>2
<FILENAME>ex99.htm
<TEXT>
<html><body><p>I certify that the report is true.</p></body></html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>3
<FILENAME>logo.jpg
<TEXT>
begin 644 logo.jpg
M_]C_X``02D9)1@`!`@$`2`!(``#_[0`L4&AO=&]S:&]P(#,N,``X0DE-`^T`
end
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_a_complete_submission_reads_its_main_document_and_header_facts():
    text = to_text(HEADER + MAIN + EXHIBIT, "nq.txt")
    assert "$566,302,000." in text
    assert "</FONT>" not in text and "<BR>" not in text.upper() and "<TEXT>" not in text
    assert "I certify" not in text and "begin 644" not in text
    assert "| Sec File Number (1940 Act) | 811-01234 |" in text      # the act it is under, from the line above
    assert "| Company Conformed Name | EXAMPLE GROWTH FUND |" in text
    assert "| Acme Corp. | 1,000 | $25,000 |" in text


def test_header_facts_are_parsed_once_each():
    sub = submission.split(HEADER + MAIN + EXHIBIT)
    facts = dict(sub.header)
    assert sub.form_type == "N-Q"
    assert facts["CENTRAL INDEX KEY"] == "0000123456" and facts["FILED AS OF DATE"] == "20050301"
    assert [p.type for p in sub.parts] == ["N-Q", "EX-99.CERT", "GRAPHIC"]
    assert [p.readable for p in sub.parts] == [True, True, False]
    assert submission.main_document(sub).type == "N-Q"


def test_a_single_document_wrapper_drops_its_sgml_lines():
    wrapped = "<DOCUMENT>\n<TYPE>497K\n<SEQUENCE>1\n<FILENAME>x.htm\n<TEXT>\n<html><body><p>Fund facts.</p></body></html>\n</TEXT>\n</DOCUMENT>"
    assert to_text(wrapped) == "Fund facts.\n"


def test_old_plain_text_inside_a_container_stays_text():
    doc = "<DOCUMENT>\n<TYPE>10-Q\n<TEXT>\nNet sales rose.\n<TABLE>\n<S>      <C>\nSales   100\n</TABLE>\n</TEXT>\n</DOCUMENT>"
    text = to_text(doc)
    assert text.startswith("Net sales rose.") and "<TABLE>" in text


def test_a_submission_of_only_exhibits_or_images_is_a_clear_error():
    only = HEADER + EXHIBIT.replace("EX-99.CERT", "GRAPHIC").replace("<html><body><p>I certify that the report is true.</p></body></html>",
                                                                         "begin 644 x.jpg\nM_]C\nend")
    with pytest.raises(SourceError, match="no readable document"):
        to_text(only, "nq.txt")


def test_an_image_only_html_filing_says_it_needs_ocr():
    with pytest.raises(SourceError, match="OCR"):
        to_text("<html><body><img src='page1.jpg'><img src='page2.jpg'></body></html>", "scan.htm")


def test_format_is_told_by_content_not_extension(tmp_path):
    path = tmp_path / "filing.txt"
    path.write_text("<html><body><p>An HTML filing saved as .txt</p></body></html>")
    assert read_filing(path, 10**6) == "An HTML filing saved as .txt\n"
    pdf = tmp_path / "f.htm"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")
    with pytest.raises(SourceError, match="PDF"):
        read_filing(pdf, 10**6)
