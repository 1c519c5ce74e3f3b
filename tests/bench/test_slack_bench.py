"""The Slack benchmark still runs and prints its figures (a short run; no timing asserted here)."""

from tests.bench.running import figures_of, run_bench


def test_slack_submissions_bench_runs_and_prints_its_figures(postgres_url):
    small = ["--submissions", "5", "--delay", "0.5", "--state-url", postgres_url]
    output = run_bench("slack_submissions.py", *small, timeout=240)
    for label in ("ack latency median", "ack latency p99", "ack latency max", "target < 300 ms"):
        assert label in output
    assert "acknowledged              5 of 5" in output
    assert "trainings created         5   (expected 5)" in output
    assert "result: PASS" in output or "result: MISSED" in output
    figures = figures_of("slack_submissions.py", output)
    assert figures["Slack: trainings created"].value == "5"
    assert figures["Slack: ack max"].target == "< 300 ms"
    for store in ("SQLite", "PostgreSQL"):  # the journal written before each acknowledgement
        assert figures[f"Slack, journal on {store}: trainings created"].value == "5"
        assert figures[f"Slack, journal on {store}: ack max"].target == "< 300 ms"
