"""The table reader given chunks and sources directly (fast tier: no model): a question about a
service provider is answered only from a cell its labels say holds that provider."""
from types import SimpleNamespace

from qa.indexing import chunking
from qa.reading.readers.base import ReadPassage
from qa.reading.readers.table import TableReader
from qa.understanding.questions import analyse


def _read(source: str, question: str) -> list[str]:
    chunks = chunking.chunk_document("d", source, 120, 20)
    reader = TableReader(SimpleNamespace(chunks=chunks, sources={"d": source}))
    passages = [ReadPassage(c, c.view(source), k, None) for k, c in enumerate(chunks)]
    return [source[c.start:c.end] for c in reader.read(analyse(question, 500), passages)]


def test_the_cell_under_the_role_answers():
    source = ("Management\n\n| | Custodian | Portfolio Manager |\n|---|---|---|\n"
              "| Example Fund | Example Bank, N.A. | Jane Roe (since 2019) |\n"
              "| Other Fund | Other Bank, N.A. | John Doe (since 2021) |\n")
    assert _read(source, "Who is the Example Fund's custodian?") == ["Example Bank, N.A."]


def test_a_cell_under_another_label_does_not():
    source = ("Management\n\n| | Portfolio Manager |\n|---|---|\n| Example Fund | Jane Roe (since 2019) |\n"
              "| Other Fund | John Doe (since 2021) |\n")
    assert _read(source, "Who is the Example Fund's portfolio manager?") == ["Jane Roe (since 2019)"]
    assert _read(source, "Who is the Example Fund's custodian?") == []
