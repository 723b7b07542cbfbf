import json, collections, sys
from qa import bundled
from qa.parsing.sources import BUNDLED_ID
from qa.pipeline import QA
pdf=sys.argv[1]
t=bundled.pipeline(); p=QA.from_files([pdf]); d=p.documents[0]
c=collections.Counter(); n=collections.Counter()
for q in map(json.loads, open('eval/gold.jsonl')):
    a=t.ask(q['question'], doc_id=BUNDLED_ID); b=p.ask(q['question'], doc_id=d)
    n[q['category']]+=1
    if (a.found,a.text)==(b.found,b.text): c[q['category']]+=1
    else: print("DIFF", q['category'], q['id'], repr(a.text[:60]), repr(b.text[:60]), b.page)
for k in n: print(k, c[k], "/", n[k])
print("all", sum(c.values()), "/", sum(n.values()))
