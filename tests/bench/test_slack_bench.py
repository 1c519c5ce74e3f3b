"""The Slack benchmark still runs and prints its figures (a short run; no timing asserted here)."""

import subprocess
import sys
from pathlib import Path

from bench.run_all import parse_figures

BENCH = Path(__file__).parents[2] / "bench"


def test_slack_submissions_bench_runs_and_prints_its_figures(postgres_url):
    result = subprocess.run(
        [
            sys.executable,
            str(BENCH / "slack_submissions.py"),
            "--submissions",
            "5",
            "--delay",
            "0.5",
            "--state-url",
            postgres_url,
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    for label in ("ack latency median", "ack latency p99", "ack latency max", "target < 300 ms"):
        assert label in result.stdout
    assert "acknowledged              5 of 5" in result.stdout
    assert "trainings created         5   (expected 5)" in result.stdout
    assert "result: PASS" in result.stdout or "result: MISSED" in result.stdout
    figures = {f.name: f for f in parse_figures("slack_submissions.py", result.stdout)}
    assert figures["Slack: trainings created"].value == "5"
    assert figures["Slack: ack max"].target == "< 300 ms"
    for store in ("SQLite", "PostgreSQL"):  # the journal written before each acknowledgement
        assert figures[f"Slack, journal on {store}: trainings created"].value == "5"
        assert figures[f"Slack, journal on {store}: ack max"].target == "< 300 ms"
