"""Speed and size benchmark (the command line is ``qa bench``, :mod:`qa.serving.bench_cli`).

Measures cold start (new process to first answer), warm ``ask`` p50/p95 over
the gold questions, the bundled index build, peak memory, and a scale run over
a synthetic shelf of filings (TAT-QA contexts when given, plus copies of the supplement with
altered names and numbers): chunks/s while indexing, index size on disk, query
p50.  :func:`measure` returns the figures and :func:`table` renders them; figures are
measurements, never targets.  Not handled: GPU, and shelves that do not fit in memory.
"""
from __future__ import annotations

import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from qa.indexing.progress import Progress


def cold_start(runs: int = 3) -> dict:
    """Seconds from a new ``qa ask`` process to its printed answer (median of runs)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "qa", "ask", "Who is the new adviser?"],
                       capture_output=True, check=True, timeout=600)
        times.append(time.perf_counter() - t0)
    return {"cold_ask_s": round(statistics.median(times), 2), "runs": [round(t, 2) for t in times]}


def warm_asks(pipeline, questions: list[str]) -> dict:
    for q in questions[:5]:
        pipeline.ask(q)
    ms = []
    for q in questions:
        t0 = time.perf_counter()
        pipeline.ask(q)
        ms.append(1000 * (time.perf_counter() - t0))
    ms.sort()
    return {"warm_p50_ms": round(ms[len(ms) // 2], 1), "warm_p95_ms": round(ms[int(len(ms) * 0.95)], 1),
            "questions": len(ms)}


def build_bundled(runs: int = 3) -> dict:
    from qa import bundled
    from qa.pipeline import QA
    texts = bundled.bundled_texts()
    QA.from_texts(texts)                                   # warm the models
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        QA.from_texts(texts)
        times.append(time.perf_counter() - t0)
    return {"bundled_build_s": round(statistics.median(times), 2)}


def _altered_supplement(text: str, k: int) -> str:
    rng = random.Random(k)
    names = {"ClearBridge": f"Northfield{k}", "Janus": f"Harbor{k}", "Richard Freeman": f"Dana Quill{k}",
             "Evan Bauman": f"Lee Marsh{k}", "Legg Mason": f"Vale Crest{k}"}
    for old, new in names.items():
        text = text.replace(old, new)
    return re.sub(r"\d+\.\d\d%", lambda m: f"{float(m.group()[:-1]) + rng.randint(-20, 20) / 100:.2f}%", text)


def shelf(n: int, extra: dict[str, str] | None = None) -> dict[str, str]:
    """``n`` synthetic filings: the first of ``extra`` (TAT-QA contexts rendered as filings, in a
    source checkout) then altered supplements."""
    from qa import bundled
    texts: dict[str, str] = dict(list((extra or {}).items())[:n])
    base = next(iter(bundled.bundled_texts().values()))
    k = 0
    while len(texts) < n:
        texts[f"supplement-{k}"] = _altered_supplement(base, k)
        k += 1
    return texts


def scale(n: int, questions: list[str], extra: dict[str, str] | None = None,
          progress: Progress | None = None) -> dict:
    """Index ``n`` filings, save, and time open-setting queries."""
    from qa.pipeline import QA
    texts = shelf(n, extra)
    t0 = time.perf_counter()
    pipeline = QA.from_texts(texts, progress=progress)
    seconds = time.perf_counter() - t0
    chunks = len(pipeline.data.chunks)
    folder = Path(tempfile.mkdtemp(prefix="qa-bench-"))
    try:
        pipeline.save(folder / "ix")
        size = sum(p.stat().st_size for p in (folder / "ix").rglob("*") if p.is_file())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    timing = warm_asks(pipeline, questions)
    return {"filings": n, "chunks": chunks, "index_s": round(seconds, 1),
            "chunks_per_s": round(chunks / seconds, 1), "disk_mb": round(size / 2**20, 1),
            "dense_index": pipeline.data.manifest["dense_index"],
            "query_p50_ms": timing["warm_p50_ms"], "query_p95_ms": timing["warm_p95_ms"]}


def one_filing(path: Path) -> dict:
    """Read and index one real filing: parse seconds, index seconds, chunks/s (issue 21: a 2 MB
    inline-XBRL filing at >= 150 chunks/s)."""
    from qa.parsing.sources import read_filing
    from qa.pipeline import QA
    from qa.settings import Settings
    settings = Settings()
    t0 = time.perf_counter()
    text = read_filing(path, settings.max_file_bytes)
    parse_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    qa = QA.from_texts({path.stem: text}, settings)
    index_s = time.perf_counter() - t1
    n = len(qa.data.chunks)
    return {"name": path.name, "bytes": path.stat().st_size, "chars": len(text), "parse_s": round(parse_s, 2),
            "index_s": round(index_s, 1), "chunks": n, "chunks_per_s": round(n / (parse_s + index_s), 1)}


def shelf_rows(kept: list[dict], measured: list[dict]) -> list[dict]:
    """Recorded shelf rows with the newly measured ones replacing those of the same size."""
    sizes = {r["filings"] for r in measured}
    return sorted([r for r in kept if r["filings"] not in sizes] + measured, key=lambda r: r["filings"])


def machine() -> dict:
    """Python, CPU model and the instruction sets int8 and bf16 speed depend on (VNNI, AVX-512)."""
    model, flags = "", set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name" and not model:
                model = value.strip()
            elif key.strip() == "flags" and not flags:
                flags = set(value.split())
    except OSError:
        pass
    isa = [f for f in ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_tile") if f in flags]
    return {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
            "model": model, "isa": isa, "cores": os.cpu_count(), "system": platform.platform()}


def machine_label(m: dict) -> str:
    """"x86_64, AMD EPYC; avx2": the architecture, then the CPU model and instruction sets if known."""
    label = ", ".join(x for x in (m["cpu"], m.get("model")) if x)
    return label + ("; " + " ".join(m["isa"]) if m.get("isa") else "")


def measure(sizes: list[int], kept: list[dict], filings: list[Path], extra: dict[str, str] | None = None,
            progress: Progress | None = None) -> dict:
    """Every figure of the benchmark: ``sizes`` are the shelves to build (rows of ``kept`` for
    other sizes are kept), ``filings`` real filings timed one by one."""
    from qa import bundled
    from qa.evaluation.gold import load_gold
    from qa.runtime import models
    from qa.settings import Settings
    questions = [r["question"] for r in load_gold()]
    result = {"machine": machine(), "date": time.strftime("%Y-%m-%d %H:%M")}
    result.update(cold_start())
    result.update(warm_asks(bundled.pipeline(progress), questions))
    result.update(build_bundled())
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result["reader_precision"] = Settings().reader_precision
    result["reader"] = models.reader_identity(result["reader_precision"])
    measured = [dict(scale(n, questions[:60], extra, progress), date=result["date"],
                     reader_precision=result["reader_precision"]) for n in sizes]
    result["scale"] = shelf_rows(kept, measured)
    result["filings"] = [one_filing(p) for p in filings]
    return result


def update_readme(result: dict, readme: Path) -> None:
    """Replace a source checkout README's generated speed table (between the bench markers)."""
    m = result["machine"]
    block = (f"<!-- bench:start -->\n_Generated by `qa bench` on {result['date']}, {m['cores']} cores "
             f"({machine_label(m)}), Python {m['python']}._\n\n{table(result)}\n<!-- bench:end -->")
    text = readme.read_text()
    if "<!-- bench:start -->" in text:
        text = re.sub(r"<!-- bench:start -->.*?<!-- bench:end -->", lambda _: block, text, flags=re.S)
    else:
        text += "\n## Speed\n\n" + block + "\n"
    readme.write_text(text)


def table(result: dict) -> str:
    """The benchmark as a markdown table (the README shows it)."""
    rows = [("cold `qa ask` (new process → answer)", f"{result['cold_ask_s']} s"),
            ("warm `ask` p50 / p95 (gold questions)", f"{result['warm_p50_ms']} / {result['warm_p95_ms']} ms"),
            ("bundled index build", f"{result['bundled_build_s']} s"),
            ("peak memory (bench process)", f"{result['peak_rss_mb']} MB")]
    for s in result["scale"]:
        when = (f" (run {s.get('date', '?')}, {s.get('reader_precision', '?')} reader)"
                if s.get("date") != result["date"] else "")
        rows.append((f"shelf of {s['filings']:,} filings ({s['chunks']:,} chunks, {s['dense_index']})",
                     f"{s['chunks_per_s']} chunks/s, {s['disk_mb']} MB on disk, query p50 "
                     f"{s['query_p50_ms']} ms / p95 {s['query_p95_ms']} ms{when}"))
    for f in result.get("filings", []):
        rows.append((f"one filing: {f['name']} ({f['bytes']:,} bytes, {f['chunks']:,} chunks)",
                     f"{f['chunks_per_s']} chunks/s (parse {f['parse_s']} s, index {f['index_s']} s)"))
    note = "\n\n_Query times on a shelf include reading: they are whole `ask` calls over every filing._"
    return "| measure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + note

