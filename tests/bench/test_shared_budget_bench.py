"""The shared rate budget benchmark runs on a real PostgreSQL and prints its figures (small)."""

from tests.bench.running import run_bench


def test_the_shared_budget_bench_creates_every_training_once(postgres_url):
    small = ["--creations", "12", "--rate", "5", "--window", "1", "--state-url", postgres_url]
    output = run_bench("shared_rate_budget.py", *small, timeout=180)
    assert "FIGURE shared budget: created|12|count|= 12|PASS" in output
    assert "FIGURE shared budget: duplicates|0|count|= 0|PASS" in output
    assert "FIGURE shared budget: 429s|0|count|= 0|PASS" in output
    assert "static over shared" in output
