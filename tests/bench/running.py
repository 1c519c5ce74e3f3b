"""Running a benchmark script as `make bench` does, small, for the smoke tests in this folder."""

import subprocess
import sys
from pathlib import Path

from bench.run_all import Figure, parse_figures

BENCH = Path(__file__).parents[2] / "bench"


def run_bench(script: str, *args: str, timeout: float = 120) -> str:
    """`bench/<script>` run with `args`; its output, once it exited 0."""
    result = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def figures_of(script: str, output: str) -> dict[str, Figure]:
    return {figure.name: figure for figure in parse_figures(script, output)}
