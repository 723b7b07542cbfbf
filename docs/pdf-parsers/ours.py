"""filing-qa's PDF reader on the real fund PDFs: seconds per page, pages, unreadable pages, pipe tables, parse check."""
import glob, os, time, json, logging, re, sys
logging.basicConfig(level=logging.WARNING, format="%(message)s")
for n in ("pdfminer",): logging.getLogger(n).setLevel(logging.ERROR)
from qa.parsing.pdf import pdf_to_text
from qa.parsing import edgar
from qa.parsing.tables import parse_table
from qa.errors import SourceError
res = {}
for f in sorted(glob.glob("real/*.pdf")):
    data = open(f, "rb").read()
    t0 = time.perf_counter()
    try:
        text = pdf_to_text(data, os.path.basename(f))
    except SourceError as e:
        res[f] = {"error": str(e)[:150]}; print(f, res[f], flush=True); continue
    dt = time.perf_counter() - t0
    pages = text.count("\f") + 1
    blocks = edgar.parse(text)
    tables = [parse_table(text, b.start, b.end) for b in blocks if b.kind == "table"]
    pipe = sum(1 for b in blocks if b.kind == "table" and text[b.start:b.end].lstrip().startswith("|"))
    cells = sum(len(r.cells) for t in tables for r in t.rows)
    ok = all(" ".join(text[p.start:p.end].split()) == p.text for t in tables for r in t.rows for p in r.cells.values())
    empty = sum(1 for p in text.split("\n\f\n") if not p.strip())
    res[f] = {"pages": pages, "s_per_page": round(dt / pages, 3), "chars": len(text), "empty_pages": empty,
              "pipe_tables": pipe, "cells": cells, "cells_round_trip": ok}
    print(f, res[f], flush=True)
json.dump(res, open("ours.json", "w"), indent=1)
