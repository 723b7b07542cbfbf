"""Seed PDF: warm time (best of 5), words, exact lines (spacing kept), blank lines kept, per library."""
import time, difflib, json, statistics
import pypdf, pypdfium2 as pdfium, pdfplumber
from qa.parsing.pdf import pdf_to_text
P = "tests/parsing/data/supplement.pdf"          # run from the checkout
ref = open("qa/data/met-investors-janus-aggressive-growth-supplement-2006-09-22.txt").read()
data = open(P, "rb").read()
def plumber_layout(p):
    with pdfplumber.open(p) as d:
        out = []
        for pg in d.pages:
            w = statistics.median(c["width"] for c in pg.chars if c["text"].strip())
            out.append(pg.extract_text(layout=True, x_density=w))
        return "\n".join(out)
LIBS = {
 "pypdf": lambda: "\n".join(pg.extract_text() for pg in pypdf.PdfReader(P).pages),
 "pypdf layout mode": lambda: "\n".join(pg.extract_text(extraction_mode="layout") for pg in pypdf.PdfReader(P).pages),
 "pypdfium2": lambda: "\n".join(pg.get_textpage().get_text_bounded() for pg in pdfium.PdfDocument(P)),
 "pdfplumber": lambda: "\n".join(pg.extract_text() for pg in pdfplumber.open(P).pages),
 "pdfplumber layout, x_density = median char width": lambda: plumber_layout(P),
 "filing-qa (pdfplumber words on a grid + find_tables)": lambda: pdf_to_text(data),
}
rl = [l.rstrip() for l in ref.split("\n")]
out = {}
for name, fn in LIBS.items():
    fn(); ts = []
    for _ in range(5):
        t0 = time.perf_counter(); text = fn(); ts.append(time.perf_counter() - t0)
    tl = [l.rstrip().rstrip("\f") for l in text.replace("\r\n", "\n").split("\n") if l.strip() != "\f"]
    nb_ref = sum(1 for l in rl if not l); nb = sum(1 for l in tl if not l.strip())

    exact = difflib.SequenceMatcher(None, [l for l in rl if l], [l.rstrip() for l in tl if l.strip()], autojunk=False).ratio()
    full = difflib.SequenceMatcher(None, rl, tl, autojunk=False).ratio()
    words = difflib.SequenceMatcher(None, ref.split(), text.split(), autojunk=False).ratio()
    out[name] = {"ms": round(1000 * min(ts), 1), "words": round(words, 4), "nonblank_lines_exact": round(exact, 4),
                 "all_lines_exact": round(full, 4), "blank_lines": f"{nb}/{nb_ref}"}
    print(name, out[name], flush=True)
json.dump(out, open("seed_bench.json", "w"), indent=1)
