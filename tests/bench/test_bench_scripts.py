"""The benchmarks still run and print their figures (no timing is asserted here: see bench/)."""

import subprocess
import sys
from pathlib import Path

from bench.run_all import parse_figures

BENCH = Path(__file__).parents[2] / "bench"


def test_core_overhead_bench_runs_and_prints_its_ratio():
    result = subprocess.run(
        [sys.executable, str(BENCH / "core_overhead.py"), "--runs", "20"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for label in ("bare POST median", "core create median", "ratio of medians", "overhead"):
        assert label in result.stdout
    assert "result: PASS" in result.stdout or "result: MISSED" in result.stdout
    figures = {f.name: f for f in parse_figures("core_overhead.py", result.stdout)}
    assert figures["core: overhead per creation"].target == "< 1 ms"


def test_token_validation_bench_runs_and_prints_its_figures():
    result = subprocess.run(
        [sys.executable, str(BENCH / "token_validation.py"), "--runs", "50"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    figures = {f.name: f for f in parse_figures("token_validation.py", result.stdout)}
    assert figures["token validation per call (RS256, cached JWKS)"].target == "< 1 ms"
    assert "token validation per call (ES256, cached JWKS)" in figures


def test_http_edge_bench_runs_and_prints_its_three_figures():
    small = ["--junk", "40", "--idle", "50", "--sessions", "30", "--cap", "10"]
    result = subprocess.run(
        [sys.executable, str(BENCH / "http_edge.py"), *small],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = {f.name: f for f in parse_figures("http_edge.py", result.stdout)}
    assert figures["edge: log bytes per junk request"].target == "< 300, no traceback"
    assert figures["edge: /healthz worst latency, 50 idle connections, ulimit -n 1024"].unit == "s"
    assert figures["edge: memory growth past the session cap (20 more tries)"].unit == "MiB"
    assert "10 opened, 20 refused (503)" in result.stdout
