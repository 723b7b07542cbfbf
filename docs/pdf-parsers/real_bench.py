"""Real fund PDFs: speed, garbage, word support across libraries, tables found (first N pages)."""
import sys, time, json, re, collections
N = 30
files = sys.argv[1:]
def ex_pypdf(p):
    import pypdf
    r = pypdf.PdfReader(p); return [pg.extract_text() for pg in r.pages[:N]]
def ex_pdfium(p):
    import pypdfium2 as pdfium
    d = pdfium.PdfDocument(p); return [d[i].get_textpage().get_text_bounded() for i in range(min(N, len(d)))]
def ex_plumber(p):
    import pdfplumber
    with pdfplumber.open(p) as d: return [pg.extract_text() for pg in d.pages[:N]]
def ex_plumber_layout(p):
    import pdfplumber
    out=[]
    with pdfplumber.open(p) as d:
        for pg in d.pages[:N]:
            w = sorted(c["width"] for c in pg.chars if c["text"].strip())
            xd = w[len(w)//2] if w else 7.25
            out.append(pg.extract_text(layout=True, x_density=xd, y_density=13))
    return out
def tables_plumber(p):
    import pdfplumber
    n=cells=0
    with pdfplumber.open(p) as d:
        for pg in d.pages[:N]:
            for t in pg.find_tables():
                n+=1; cells+=sum(1 for row in t.extract() for c in row if c)
    return n, cells
LIBS={"pypdf":ex_pypdf,"pypdfium2":ex_pdfium,"pdfplumber":ex_plumber,"pdfplumber-layout":ex_plumber_layout}
WORD=re.compile(r"\w+")
def garbage(t):
    bad=len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]", t)) + 8*len(re.findall(r"\(cid:\d+\)", t))
    return bad/max(1,len(t))
import warnings, logging; warnings.filterwarnings("ignore"); logging.disable(logging.WARNING)
res={}
for f in files:
    words={}; r={}
    for name,fn in LIBS.items():
        t0=time.perf_counter()
        try: pages=fn(f)
        except Exception as e:
            r[name]={'error':type(e).__name__+': '+str(e)[:80]}; words[name]=collections.Counter(); continue
        dt=time.perf_counter()-t0
        text="\n".join(pages)
        words[name]=collections.Counter(w.lower() for w in WORD.findall(text))
        r[name]={"s_per_page":round(dt/len(pages),4),"pages":len(pages),"words":sum(words[name].values()),"garbage_pct":round(100*garbage(text),2)}
    for name in [n for n in LIBS if 'error' not in r[n]]:
        others=collections.Counter()
        for o in LIBS:
            if o!=name and not (name.startswith("pdfplumber") and o.startswith("pdfplumber")): others|=words[o]
        mine=words[name]; sup=sum(min(c,others[w]) for w,c in mine.items())
        r[name]["word_support_pct"]=round(100*sup/max(1,sum(mine.values())),2)
    t0=time.perf_counter(); r["pdfplumber_tables"]=tables_plumber(f); r["tables_s_per_page"]=round((time.perf_counter()-t0)/r["pdfplumber"]["pages"],4)
    res[f]=r; print(f, json.dumps(r), flush=True)
json.dump(res, open("real_bench.json","w"), indent=1)
