"""The shared rate budget benchmark runs on a real PostgreSQL and prints its figures (small)."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "bench"


def test_the_shared_budget_bench_creates_every_training_once(postgres_url):
    small = ["--creations", "12", "--rate", "5", "--window", "1", "--state-url", postgres_url]
    result = subprocess.run(
        [sys.executable, str(BENCH / "shared_rate_budget.py"), *small],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "FIGURE shared budget: created|12|count|= 12|PASS" in result.stdout
    assert "FIGURE shared budget: duplicates|0|count|= 0|PASS" in result.stdout
    assert "FIGURE shared budget: 429s|0|count|= 0|PASS" in result.stdout
    assert "static over shared" in result.stdout
