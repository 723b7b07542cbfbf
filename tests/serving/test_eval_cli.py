"""``qa eval`` / ``qa bench`` argument handling (plumbing: no model is loaded)."""
from pathlib import Path

import pytest

from qa.serving import bench_cli, cli, eval_cli


def test_eval_and_bench_are_package_commands():
    assert cli.DELEGATED["eval"] == "qa.serving.eval_cli" and cli.DELEGATED["bench"] == "qa.serving.bench_cli"


@pytest.mark.parametrize("command", ["eval", "bench"])
def test_help_is_printed_without_loading_anything(command, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main([command, "--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: qa {command}")


def test_eval_flags_map_onto_the_run():
    args = eval_cli.build_parser().parse_args(["--gold", "g.jsonl", "--filings", "a.htm", "b.txt", "--calibrate",
                                               "--out", "cal.json", "--calibration", "old.json"])
    assert args.gold == Path("g.jsonl") and args.filings == [Path("a.htm"), Path("b.txt")]
    assert args.calibrate and args.out == Path("cal.json") and args.calibration == Path("old.json")
    assert args.report == Path("qa-eval") and args.readme is None      # never inside the package


def test_checkout_defaults_write_where_the_checkout_keeps_its_reports():
    from eval import harness
    args = eval_cli.build_parser(harness.CHECKOUT).parse_args(["--no-readme"])
    assert args.report == harness.EVAL_DIR and args.readme is None and args.out.name == "calibration.json"
    assert eval_cli.build_parser(harness.CHECKOUT).parse_args([]).readme.name == "README.md"
    assert eval_cli.build_parser(harness.CHECKOUT).parse_args(["--with-filings"]).with_filings
    with pytest.raises(SystemExit):
        eval_cli.build_parser().parse_args(["--with-filings"])        # only where a dev set exists


@pytest.mark.parametrize("argv, message", [
    (["--filings", "a.htm"], "add --gold FILE"),
    (["--gold", "g.jsonl", "--calibrate"], "--calibrate needs --out FILE"),
    (["--gold", "g.jsonl", "--out", "cal.json"], "add --calibrate"),
])
def test_flag_combinations_that_cannot_work_are_usage_errors(argv, message, capsys):
    with pytest.raises(SystemExit) as stop:
        eval_cli.main(argv)
    assert stop.value.code == 2 and message in capsys.readouterr().err


def test_a_broken_gold_file_is_a_one_line_error_per_problem(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"question": "Who?", "answers": ["x"], "doc": "elsewhere.htm"}\n')
    assert eval_cli.main(["--gold", str(gold), "--report", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "doc 'elsewhere.htm' is not one of the filings given" in err
    assert not (tmp_path / "out").exists()


def test_bench_flags():
    args = bench_cli.build_parser().parse_args(["--scale", "10", "--filing", "a.htm", "--keep-scale"])
    assert args.scale == [10] and args.filing == [Path("a.htm")] and args.keep_scale
    assert args.out == Path("qa-bench.json") and args.readme is None


def test_ask_takes_a_calibration():
    args = cli.build_parser().parse_args(["ask", "Who?", "--calibration", "cal.json"])
    assert args.calibration == Path("cal.json")
