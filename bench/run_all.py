"""`make bench`: run every benchmark in bench/, then print one table of their figures and targets.

Each script runs in its own process, one after another (they measure time: never in parallel),
and prints `FIGURE name|value|unit|target|verdict` lines (bench/common.py). The table goes to
stdout and, with the machine it was measured on, to bench/RESULTS.md.

    python bench/run_all.py [--only NAME ...] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.common import FIGURE_PREFIX

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "RESULTS.md"
NOT_BENCHMARKS = {
    "common.py",
    "run_all.py",
    "edge_client.py",
    "edge_junk.py",
}  # shared, not benchmarks


@dataclass(frozen=True)
class Figure:
    script: str
    name: str
    value: str
    unit: str
    target: str
    verdict: str


def scripts(only: list[str]) -> list[Path]:
    found = sorted(p for p in BENCH.glob("*.py") if p.name not in NOT_BENCHMARKS)
    if only:
        found = [p for p in found if p.stem in only or p.name in only]
    return found


def parse_figures(script: str, output: str) -> list[Figure]:
    figures = []
    for line in output.splitlines():
        if line.startswith(FIGURE_PREFIX):
            parts = line[len(FIGURE_PREFIX) :].split("|")
            if len(parts) != 5:
                raise ValueError(f"{script}: malformed figure line {line!r}")
            figures.append(Figure(script, *(part.strip() for part in parts)))
    return figures


def run(script: Path) -> tuple[list[Figure], str | None, float]:
    """The script's figures, why it failed (None if it did not), and how long it ran."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    elapsed = time.monotonic() - started
    sys.stdout.write(done.stdout)  # each script's own report, as it wrote it
    if done.returncode != 0:
        return [], f"exited {done.returncode}: {done.stderr.strip()[-500:]}", elapsed
    figures = parse_figures(script.name, done.stdout)
    if not figures:
        return [], "printed no FIGURE line (see bench/common.py)", elapsed
    return figures, None, elapsed


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    return (
        f"{os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def table(figures: list[Figure], failures: dict[str, str]) -> list[str]:
    rows = [
        "| benchmark | figure | value | target | result |",
        "| --- | --- | --- | --- | --- |",
    ]
    for f in figures:
        target = f.target or ""
        rows.append(f"| {f.script} | {f.name} | {f.value} {f.unit} | {target} | {f.verdict} |")
    for script, why in failures.items():
        rows.append(f"| {script} | (no figures) | | | FAILED: {why} |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], metavar="NAME", help="e.g. core_overhead")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/RESULTS.md")
    args = parser.parse_args()
    figures: list[Figure] = []
    failures: dict[str, str] = {}
    durations: dict[str, float] = {}
    for script in scripts(args.only):
        print(f"\n=== {script.name} ===", flush=True)
        found, failure, durations[script.name] = run(script)
        figures += found
        if failure:
            failures[script.name] = failure
    rows = table(figures, failures)
    measured_on = machine()
    print("\n" + "\n".join(rows))
    print(f"\nMeasured on {measured_on}.")
    if not args.no_write:
        write_results(rows, measured_on, durations)
        print(f"Written to {RESULTS.relative_to(BENCH.parent)}.")
    return 1 if failures else 0


def write_results(rows: list[str], measured_on: str, durations: dict[str, float]) -> None:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    took = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in durations.items())
    text = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`bench/run_all.py`) on {when}.",
        "",
        f"Machine: {measured_on}.",
        "",
        f"Run time: {took}.",
        "",
        "Figures on a shared machine move by 10-20 %; each script's docstring says what it "
        "measures and how.",
        "",
        *rows,
        "",
    ]
    RESULTS.write_text("\n".join(text), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
