"""The benchmarks still run and print their figures (no timing is asserted here: see bench/)."""

from tests.bench.running import figures_of, run_bench


def test_core_overhead_bench_runs_and_prints_its_ratio():
    output = run_bench("core_overhead.py", "--runs", "20")
    for label in ("bare POST median", "core create median", "ratio of medians", "overhead"):
        assert label in output
    assert "result: PASS" in output or "result: MISSED" in output
    figures = figures_of("core_overhead.py", output)
    assert figures["core: overhead per creation"].target == "< 1 ms"


def test_token_validation_bench_runs_and_prints_its_figures():
    output = run_bench("token_validation.py", "--runs", "50")
    figures = figures_of("token_validation.py", output)
    assert figures["token validation per call (RS256, cached JWKS)"].target == "< 1 ms"
    assert "token validation per call (ES256, cached JWKS)" in figures


def test_http_edge_bench_runs_and_prints_its_three_figures():
    small = ["--junk", "40", "--idle", "50", "--sessions", "30", "--cap", "10"]
    output = run_bench("http_edge.py", *small, timeout=300)
    figures = figures_of("http_edge.py", output)
    assert figures["edge: log bytes per junk request"].target == "< 300, no traceback"
    assert figures["edge: /healthz worst latency, 50 idle connections, ulimit -n 1024"].unit == "s"
    assert figures["edge: memory growth past the session cap (20 more tries)"].unit == "MiB"
    assert "10 opened, 20 refused (503)" in output
