"""The harness's scoring, calibration and diff on hand-made results (plumbing: no models)."""
from types import SimpleNamespace

from qa.evaluation import calibrate
from qa.evaluation.harness import diff
from qa.evaluation.scoring import score_row, summarise

ROW = {"id": "a-1", "question": "q", "answers": ["0.25%"], "evidence": [[100, 105]], "category": "table"}
NONE = {"id": "u-1", "question": "q", "answers": [], "evidence": [], "category": "unanswerable"}


def _answer(text, found=True, score=0.9, evidence=((0, 50), (98, 106))):
    passages = [SimpleNamespace(start=s, end=e) for s, e in evidence]
    return SimpleNamespace(text=text, found=found, score=score, method="x", evidence=passages)


def test_score_row_and_ranks():
    r = score_row(_answer("0.25%"), ROW, 0.01)
    assert (r["em"], r["f1"], r["rank"], r["ms"], r["confident_wrong"]) == (1.0, 1.0, 2, 10.0, False)
    wrong = score_row(_answer("0.64%"), ROW)
    assert wrong["em"] == 0.0 and wrong["confident_wrong"]
    assert score_row(_answer("", found=False), NONE)["em"] == 1.0
    assert score_row(_answer("Janus"), NONE)["confident_wrong"]


def test_summarise():
    results = [score_row(_answer("0.25%"), ROW), score_row(_answer("", found=False, score=0.1), NONE)]
    s = summarise(results)
    assert s["em"] == 100.0 and s["recall@1"] == 0.0 and s["recall@3"] == 100.0
    assert s["abstain_precision"] == 100.0 and s["abstain_recall"] == 100.0 and s["auroc"] == 1.0


def _question(right_neural: bool, raw_table: float | None):
    cands = [{"method": "neural", "vector": [1.0 if right_neural else -1.0], "raw": 0.5, "text": "n",
              "em": float(right_neural), "f1": float(right_neural), "right": int(right_neural)}]
    if raw_table is not None:
        cands.append({"method": "table", "vector": [0.0], "raw": raw_table, "text": "t", "em": 1.0,
                      "f1": 1.0, "right": 1})
    result = {"id": "x", "question": "q", "category": "prose", "answerable": True, "gold": ["n"], "rank": None}
    return {"cands": cands, "result": result}


def test_decide_prefers_a_candidate_that_clears_its_own_threshold():
    q = _question(False, 0.8)
    model = {"coef": [5.0], "intercept": 0.0}
    chosen = calibrate.decide(calibrate.scored(q, model), 0.5, {"table": 0.5})
    assert chosen["method"] == "table"
    assert calibrate.decide(calibrate.scored(_question(False, None), model), 0.5, {}) is None


def test_cross_validation_learns_a_threshold_between_right_and_wrong():
    questions = [_question(i % 3 != 0, None) for i in range(60)]
    cal = calibrate.cross_validate(questions, {})
    assert 0.0 < cal["threshold"] < 1.0 and len(cal["fold_thresholds"]) == 5
    held = cal["held_out_results"]
    assert not any(r["confident_wrong"] for r in held)
    assert sum(r["found"] for r in held) == 40


def test_diff_lists_regressions_first():
    before = [{"id": "a", "f1": 1.0, "found": True, "prediction": "x", "question": "q"},
              {"id": "b", "f1": 0.0, "found": True, "prediction": "y", "question": "q"}]
    after = [{"id": "a", "f1": 0.0, "found": True, "prediction": "z", "question": "q"},
             {"id": "b", "f1": 1.0, "found": True, "prediction": "w", "question": "q"}]
    changes = diff(before, after)
    assert [c["id"] for c in changes] == ["a", "b"] and changes[0]["regression"]


def test_bench_keeps_recorded_shelves_and_replaces_remeasured_ones():
    from qa.evaluation.bench import shelf_rows, table
    kept = [{"filings": 1000, "date": "old"}, {"filings": 3000, "date": "old"}]
    rows = shelf_rows(kept, [{"filings": 10000, "date": "new"}, {"filings": 1000, "date": "new"}])
    assert [(r["filings"], r["date"]) for r in rows] == [(1000, "new"), (3000, "old"), (10000, "new")]
    row = {"filings": 3000, "chunks": 5, "dense_index": "HNSW32", "chunks_per_s": 1.0, "disk_mb": 1.0,
           "query_p50_ms": 1.0, "query_p95_ms": 2.0, "date": "old", "reader_precision": "int8"}
    result = {"cold_ask_s": 1, "warm_p50_ms": 1, "warm_p95_ms": 2, "bundled_build_s": 1, "peak_rss_mb": 1,
              "date": "new", "scale": [row]}
    assert "(run old, int8 reader)" in table(result)


def test_a_derived_row_is_scored_by_its_value():
    """Plumbing (made-up answers, no models): the value decides, to the places the gold gives."""
    from types import SimpleNamespace

    from qa.evaluation.scoring import same_value, score_row
    row = {"id": "d-1", "question": "q", "answers": ["261.00"], "evidence": [], "category": "derived",
           "value": "261.00"}

    def answer(value, found=True):
        derivation = SimpleNamespace(value=value) if value is not None else None
        return SimpleNamespace(text="$261.00", found=found, score=0.9, method="derived", evidence=(),
                               derivation=derivation)
    assert score_row(answer("261"), row)["em"] == 1.0
    assert score_row(answer("262"), row)["em"] == 0.0 and score_row(answer("262"), row)["confident_wrong"]
    assert score_row(answer(None), row)["f1"] == 0.0
    assert not same_value(SimpleNamespace(value="-0.25"), "0.25") and same_value(SimpleNamespace(value="36.229"), "36.23")
