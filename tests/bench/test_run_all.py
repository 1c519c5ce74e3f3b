"""`make bench`'s runner: FIGURE lines in, one table out; a script that breaks is reported."""

import subprocess
import sys
from pathlib import Path

import pytest

from bench.common import figure
from bench.run_all import BENCH, Figure, parse_figures, run, scripts, table


def test_a_figure_line_round_trips_through_the_runner(capsys):
    figure("core: overhead per creation", 0.1234, "ms", target="< 1 ms", passed=True)
    figure("core: create median", 2.5, "ms")
    figure("Slack: acknowledged", 49, "count", target="= 50", passed=False, digits=0)
    assert parse_figures("x.py", capsys.readouterr().out) == [
        Figure("x.py", "core: overhead per creation", "0.123", "ms", "< 1 ms", "PASS"),
        Figure("x.py", "core: create median", "2.500", "ms", "", "-"),
        Figure("x.py", "Slack: acknowledged", "49", "count", "= 50", "MISSED"),
    ]


def test_a_figure_cannot_break_the_format():
    with pytest.raises(ValueError):
        figure("a|b", 1, "ms")
    with pytest.raises(ValueError):
        figure("a", 1, "ms", target="< 1 ms")  # a target needs a verdict


def test_every_script_in_bench_is_run_and_the_shared_module_is_not():
    names = {path.name for path in scripts([])}
    assert {"core_overhead.py", "mcp_startup.py", "mcp_overhead.py", "token_validation.py"} <= names
    assert "http_edge.py" in names
    assert not names & {"common.py", "run_all.py", "edge_client.py", "edge_junk.py"}


def test_a_script_that_fails_or_prints_no_figure_is_reported(tmp_path, capsys):
    crashing = tmp_path / "crashing.py"
    crashing.write_text("raise SystemExit('no sandbox')\n")
    silent = tmp_path / "silent.py"
    silent.write_text("print('fast: 1 ms')\n")
    assert run(crashing)[1].startswith("exited 1: no sandbox")
    assert run(silent)[1] == "printed no FIGURE line (see bench/common.py)"
    rows = table([], {"crashing.py": "exited 1"})
    assert rows[-1] == "| crashing.py | (no figures) | | | FAILED: exited 1 |"


def test_the_runner_prints_one_table_and_the_machine():
    done = subprocess.run(
        [sys.executable, str(BENCH / "run_all.py"), "--only", "nothing-matches", "--no-write"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "| benchmark | figure | value | target | result |" in done.stdout
    assert "Measured on " in done.stdout and "CPUs" in done.stdout
    assert Path(BENCH / "run_all.py").exists()
