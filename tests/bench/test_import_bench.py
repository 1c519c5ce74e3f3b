"""The import benchmark still runs and prints its figures (a small import, a short window)."""

import subprocess
import sys
from pathlib import Path

from bench.run_all import parse_figures

BENCH = Path(__file__).parents[2] / "bench"


def test_the_import_bench_creates_every_row_once_and_prints_its_figures():
    small = ["--rows", "30", "--rate", "10", "--window", "1"]
    result = subprocess.run(
        [sys.executable, str(BENCH / "import_300.py"), *small],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "outcomes              {'created': 30}" in result.stdout
    assert "(30 POSTs)" in result.stdout
    figures = {f.name: f for f in parse_figures("import_300.py", result.stdout)}
    assert figures["import: Lucca requests per created training"].target == "<= 1.05"
    assert figures["import: elapsed over minimum"].target == "<= 1.05x"
    assert figures["import: created once, no 429"].value == "30"
