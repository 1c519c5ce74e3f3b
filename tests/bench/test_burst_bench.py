"""The rate-limited burst benchmark still runs and prints its figures (a small, fast burst)."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "bench"


def test_the_burst_bench_creates_every_training_once_on_a_small_budget():
    small = ["--creations", "12", "--rate", "5", "--window", "1"]
    result = subprocess.run(
        [sys.executable, str(BENCH / "rate_limited_burst.py"), *small],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "created               12 of 12" in result.stdout
    assert "duplicates            0" in result.stdout
    assert "429s from Lucca       0" in result.stdout
    assert "elapsed over minimum" in result.stdout
