"""Saving, loading, staleness and damage of index folders (real models, small index)."""
import json
import shutil

import pytest

import qa
from qa.errors import IndexLoadError
from qa.indexing import store
from qa.settings import Settings

pytestmark = pytest.mark.slow
QUESTIONS = ["Who is the new adviser?", "When did the Board approve the new agreement?",
             "What is the 12b-1 fee for Class B shares?", "Who is the custodian?"]


@pytest.fixture()
def saved(tmp_path, bundled_qa):
    directory = tmp_path / "ix"
    bundled_qa.save(directory)
    return directory


def _answers(pipeline):
    return [(a.text, a.found, a.start, a.end, round(a.score, 5)) for a in pipeline.ask_many(QUESTIONS)]


def test_save_then_load_gives_the_same_answers(saved, bundled_qa):
    loaded = qa.QA.load(saved)
    assert _answers(loaded) == _answers(bundled_qa)
    manifest = json.loads((saved / "manifest.json").read_text())
    assert manifest["version"] >= 1 and "all-MiniLM-L6-v2" in manifest["embedder"]
    assert set(manifest["files"]) >= {"chunks.jsonl", "dense.faiss"}
    assert not list(saved.parent.glob(".ix.*")), "no temporary folders are left behind"


def test_stale_manifest_triggers_a_rebuild(saved, caplog):
    manifest = json.loads((saved / "manifest.json").read_text())
    manifest["params"]["chunk_words"] = 7
    (saved / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(store.RebuildNeeded):
        store.load(saved, Settings())
    pipeline = qa.QA.load(saved)
    assert "rebuilding" in caplog.text
    assert pipeline.ask("What 12b-1 fee do Class B shares pay?").text == "0.25%"
    assert json.loads((saved / "manifest.json").read_text())["params"]["chunk_words"] == 90


@pytest.mark.parametrize("damage", ["truncate_faiss", "edit_chunks", "remove_bm25", "other_model"])
def test_damaged_index_is_detected_and_rebuilt(saved, bundled_qa, damage):
    if damage == "truncate_faiss":
        data = (saved / "dense.faiss").read_bytes()
        (saved / "dense.faiss").write_bytes(data[: len(data) // 2])
    elif damage == "edit_chunks":
        text = (saved / "chunks.jsonl").read_text()
        (saved / "chunks.jsonl").write_text(text.replace("ClearBridge", "Clearbridge", 1))
    elif damage == "remove_bm25":
        shutil.rmtree(saved / "bm25")
    else:
        manifest = json.loads((saved / "manifest.json").read_text())
        manifest["embedder"] = "some-other-model"
        (saved / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(store.RebuildNeeded):
        store.load(saved, Settings())
    assert _answers(qa.QA.load(saved)) == _answers(bundled_qa)
    store.load(saved, Settings())          # the rebuilt index loads cleanly


def test_damaged_sources_give_a_clear_error(saved):
    source = next((saved / "sources").iterdir())
    source.write_text("something else")
    with pytest.raises(IndexLoadError, match="qa index build"):
        qa.QA.load(saved)
    (saved / "manifest.json").write_text("{not json")
    with pytest.raises(IndexLoadError, match="damaged"):
        qa.QA.load(saved)


def test_missing_index_says_what_to_run(tmp_path):
    with pytest.raises(IndexLoadError, match="qa index build"):
        qa.QA.load(tmp_path / "nowhere")


def test_interrupted_save_is_repaired(saved, bundled_qa):
    old = saved.parent / ".ix.old-deadbeef"
    saved.rename(old)                      # as if the process died between the two renames
    assert _answers(qa.QA.load(saved)) == _answers(bundled_qa)
    assert saved.exists() and not old.exists()


def test_bundled_index_notices_an_edited_filing(tmp_path, monkeypatch, filing_text):
    from qa import bundled
    directory = tmp_path / "bundled"
    bundled.load_or_build(directory)
    edited = filing_text.replace("399 Park Avenue", "620 Eighth Avenue")
    monkeypatch.setattr(bundled, "bundled_texts", lambda: {"doc": edited})
    pipeline = bundled.load_or_build(directory)
    assert "620 Eighth Avenue" in pipeline.source_text("doc")
    assert json.loads((directory / "manifest.json").read_text())["documents"].keys() == {"doc"}


def test_the_bm25_files_do_not_depend_on_the_hash_seed(tmp_path):
    """The same chunks give byte-identical BM25 files in two processes with different hash seeds
    (the vocabulary is numbered in sorted order, not in set order)."""
    import os
    import subprocess
    import sys
    script = ("import sys; from qa.indexing import chunking; from qa.indexing import build as indexing; "
              "chunks = chunking.chunk_document('d', 'Fees rose. Expenses fell sharply in 2019.\\n\\n"
              "The adviser manages the fund and its risks.', 90, 1); "
              "indexing.bm25_index(chunks).save(sys.argv[1])")
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-c", script, str(out)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        digests.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert digests[0] == digests[1]
