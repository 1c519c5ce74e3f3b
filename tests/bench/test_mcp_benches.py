"""The MCP benchmarks still run and print their figures (no timing is asserted here: see bench/)."""

from bench.run_all import parse_figures
from tests.bench.running import figures_of, run_bench


def assert_verdict(output: str) -> None:
    verdicts = [line.strip() for line in output.splitlines() if line.strip().startswith("result:")]
    assert verdicts in (["result: PASS"], ["result: MISSED"]), output
    targeted = [f for f in parse_figures("bench", output) if f.target]
    assert targeted and all(f.verdict in ("PASS", "MISSED") for f in targeted), output


def test_mcp_startup_bench_runs_and_prints_its_ratio_and_memory():
    output = run_bench("mcp_startup.py", "--runs", "1")
    for label in (
        "bare SDK server median",
        "ours, --sandbox median",
        "ours, no sandbox median",
        "ratio, --sandbox / bare",
        "sandbox share of start-up",
        "RSS ours, --sandbox",
        "RSS bare SDK server",
    ):
        assert label in output, f"{label!r} missing from:\n{output}"
    assert_verdict(output)


def test_mcp_overhead_bench_runs_and_prints_both_transports():
    output = run_bench("mcp_overhead.py", "--runs", "5")
    for label in (
        "core call median",
        "MCP stdio call median",
        "MCP http  call median",
        "stdio overhead",
        "http  overhead",
        "SDK floor, stdio",
        "SDK floor, http",
        "all 201 (no rate limiting)",
    ):
        assert label in output, f"{label!r} missing from:\n{output}"
    assert_verdict(output)


def test_search_bench_runs_and_prints_its_ratio_against_a_bare_get():
    output = run_bench("search_overhead.py", "--runs", "5")
    for label in ("bare GET median", "MCP search median", "ratio of medians", "overhead"):
        assert label in output, f"{label!r} missing from:\n{output}"
    figures = figures_of("search_overhead.py", output)
    assert figures["search_trainings: MCP HTTP / bare GET, medians"].unit == "x"
    assert_verdict(output)
