"""Saving and loading an index folder, with checks that catch stale or damaged indexes.

Layout (all inspectable, no pickle)::

    manifest.json      format version, models, chunking params, sha256 of every file and source
    chunks.jsonl       one chunk per line
    dense.faiss        FAISS index of the chunk embeddings
    sentences.faiss    FAISS index of the sentence embeddings; sentence_offsets.npy maps them to chunks
    bm25/              bm25s arrays (.npy, loaded with allow_pickle=False) and JSON
    sources/*.txt      the filings as indexed (UTF-8), so offsets stay meaningful

Saving writes a sibling temporary folder and swaps it in with renames, so a crash
never leaves a half-written index; a crash between the two renames is repaired
on the next load.  Not handled: two processes saving the same folder at once
(the last one wins).
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import uuid
from pathlib import Path

import bm25s
import faiss
import numpy as np

from qa.digests import file_sha256, sha256
from qa.errors import IndexLoadError
from qa.indexing import build as indexing
from qa.indexing.records import Chunk, meta_from_dict
from qa.runtime import models
from qa.settings import Settings

log = logging.getLogger(__name__)


class RebuildNeeded(IndexLoadError):
    """The index is stale or damaged but its sources are intact, so it can be rebuilt."""

    def __init__(self, message: str, sources: dict[str, str], names: dict[str, str]):
        super().__init__(message)
        self.sources, self.names = sources, names


def _source_name(doc_id: str) -> str:
    return f"sources/{doc_id}.txt"


def save(data: indexing.IndexData, directory: str | Path) -> None:
    """Write the index to ``directory`` atomically (temp folder, then rename)."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = directory.parent / f".{directory.name}.tmp-{uuid.uuid4().hex[:8]}"
    try:
        (tmp / "sources").mkdir(parents=True)
        for doc_id, text in data.sources.items():
            (tmp / _source_name(doc_id)).write_text(text, encoding="utf-8")
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as fh:
            for chunk in data.chunks:
                fh.write(json.dumps(dataclasses.asdict(chunk), ensure_ascii=False) + "\n")
        faiss.write_index(data.dense, str(tmp / "dense.faiss"))
        faiss.write_index(data.sentences, str(tmp / "sentences.faiss"))
        np.save(tmp / "sentence_offsets.npy", data.sent_offsets, allow_pickle=False)
        data.bm25.save(str(tmp / "bm25"))
        files = sorted(p for p in tmp.rglob("*") if p.is_file())
        manifest = dict(data.manifest, files={p.relative_to(tmp).as_posix(): file_sha256(p) for p in files})
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
        _swap(tmp, directory)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _swap(new: Path, directory: Path) -> None:
    old = directory.parent / f".{directory.name}.old-{uuid.uuid4().hex[:8]}"
    if directory.exists():
        os.rename(directory, old)
    os.rename(new, directory)
    shutil.rmtree(old, ignore_errors=True)


def _recover(directory: Path) -> None:
    """Put back the previous index if a save died between its two renames."""
    if directory.exists():
        return
    olds = sorted(directory.parent.glob(f".{directory.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and (olds[-1] / "manifest.json").exists():
        log.warning("restoring %s from an interrupted save", directory)
        os.rename(olds[-1], directory)


def _read_manifest(directory: Path) -> dict:
    _recover(directory)
    path = directory / "manifest.json"
    if not path.exists():
        raise IndexLoadError(f"no index at {directory}: build one with "
                             f"`qa index build FILE... --out {directory}`")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        _ = manifest["documents"], manifest["files"], manifest["version"]
        return manifest
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexLoadError(f"{path} is damaged ({exc}): rebuild with "
                             f"`qa index build FILE... --out {directory}`") from exc


def _read_sources(directory: Path, manifest: dict) -> tuple[dict[str, str], dict[str, str]]:
    sources, names = {}, {}
    for doc_id, info in manifest["documents"].items():
        path = directory / _source_name(doc_id)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise IndexLoadError(f"{path} is missing or unreadable: rebuild with "
                                 f"`qa index build FILE... --out {directory}`") from exc
        if sha256(text) != info.get("sha256"):
            raise IndexLoadError(f"{path} does not match its checksum: rebuild with "
                                 f"`qa index build FILE... --out {directory}`")
        sources[doc_id], names[doc_id] = text, info.get("name", doc_id)
    return sources, names


def _staleness(directory: Path, manifest: dict, settings: Settings,
               expected: dict[str, str] | None) -> str | None:
    """Why the index no longer matches (None when it does)."""
    if manifest.get("version") != indexing.FORMAT_VERSION:
        return f"format version {manifest.get('version')} (this code writes {indexing.FORMAT_VERSION})"
    if manifest.get("embedder") != models.EMBEDDER_NAME:
        return f"embedder {manifest.get('embedder')!r} is not {models.EMBEDDER_NAME!r}"
    if manifest.get("code") != indexing.code_fingerprint():
        return "the parsing/chunking code changed since it was built"
    if manifest.get("params") != settings.index_params():
        return f"index params {manifest.get('params')} differ from {settings.index_params()}"
    if expected is not None:
        have = {d: i["sha256"] for d, i in manifest["documents"].items()}
        if have != {d: sha256(t) for d, t in expected.items()}:
            return "the source filings changed"
    for rel, digest in manifest["files"].items():
        path = directory / rel
        if not path.is_file() or file_sha256(path) != digest:
            return f"{rel} is missing or does not match its checksum"
    return None


def load(directory: str | Path, settings: Settings,
         expected: dict[str, str] | None = None) -> indexing.IndexData:
    """Load and verify an index; raise :class:`RebuildNeeded` when it can be rebuilt.

    ``expected`` (``{doc_id: text}``) marks the index stale unless it holds exactly
    those texts, which is how the bundled index notices an edited filing.
    """
    directory = Path(directory)
    manifest = _read_manifest(directory)
    sources, names = _read_sources(directory, manifest)
    reason = _staleness(directory, manifest, settings, expected)
    if reason:
        raise RebuildNeeded(f"index at {directory} is stale: {reason}",
                            expected if expected is not None else sources, names)
    try:
        with open(directory / "chunks.jsonl", encoding="utf-8") as fh:
            chunks = [_chunk(json.loads(line)) for line in fh if line.strip()]
        dense = faiss.read_index(str(directory / "dense.faiss"))
        sentences = faiss.read_index(str(directory / "sentences.faiss"))
        offsets = np.load(directory / "sentence_offsets.npy", allow_pickle=False)
        bm25 = bm25s.BM25.load(str(directory / "bm25"), allow_pickle=False)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise RebuildNeeded(f"index at {directory} is damaged: {exc}", sources, names) from exc
    if not (len(chunks) == dense.ntotal == manifest.get("chunks") == len(offsets) - 1) or \
            offsets[-1] != sentences.ntotal:
        raise RebuildNeeded(f"index at {directory} is inconsistent: {len(chunks)} chunks, "
                            f"{dense.ntotal} vectors", sources, names)
    return indexing.IndexData(chunks, sources, dense, sentences, offsets, bm25, manifest)


def _chunk(row: dict) -> Chunk:
    row["pieces"] = tuple(p if isinstance(p, str) else tuple(p) for p in row.get("pieces", ()))
    row["units"] = tuple(tuple(u) for u in row.get("units", ()))
    row["meta"] = meta_from_dict(row.get("kind", ""), row.get("meta"))
    return Chunk(**row)
