"""The rate-limited burst benchmark still runs and prints its figures (a small, fast burst)."""

from tests.bench.running import run_bench


def test_the_burst_bench_creates_every_training_once_on_a_small_budget():
    output = run_bench("rate_limited_burst.py", "--creations", "12", "--rate", "5", "--window", "1")
    assert "created               12 of 12" in output
    assert "duplicates            0" in output
    assert "429s from Lucca       0" in output
    assert "elapsed over minimum" in output
