"""What the benchmarks share: the sample training, starting and stopping servers, and reporting.

Each benchmark prints its own figures for people, and one machine-readable line per figure that
`bench/run_all.py` collects into a single table (and bench/RESULTS.md):

    FIGURE <name>|<value>|<unit>|<target>|<verdict>

- name: what is measured, unique across benchmarks (no `|`), e.g. `core overhead per creation`
- value: a number as printed (`0.112`), unit: `ms`, `s`, `x`, `MiB`, `count`...
- target: the goal as text (`< 1 ms`, `<= 1.15x`, `= 50`), empty for a figure shown for context
- verdict: `PASS` or `MISSED` when there is a target, `-` otherwise
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

FIGURE_PREFIX = "FIGURE "
CONSOLE_SCRIPT = Path(sys.executable).with_name("lucca-training")

# A long, realistic training (a 2400-character description), as the benchmarks create it.
DRAFT = {
    "title": "Mastering French: From Basics to Fluency",
    "subtitle": "A Complete Training Program to Speak, Read, and Write with Confidence",
    "description": "Grammar, vocabulary, pronunciation and conversation practice. " * 40,
    "level": "Beginner",
    "isCertifying": False,
    "isMandatory": False,
    "type": "External",
    "providerId": 12,
    "categoryId": 2,
}


def numbered_draft(number: int) -> dict:
    """DRAFT with its own title: the core returns an identical training it finds instead of
    creating it again, so a benchmark of creations gives each one a title of its own."""
    return {**DRAFT, "title": f"{DRAFT['title']} #{number}"}


def figure(
    name: str,
    value: float,
    unit: str,
    *,
    target: str = "",
    passed: bool | None = None,
    digits: int = 3,
) -> None:
    """Print one FIGURE line (see the module's docstring)."""
    if "|" in name or "|" in target or "\n" in name + target:
        raise ValueError("a figure's name and target cannot hold '|' or a line break")
    if target and passed is None:
        raise ValueError(f"{name}: a figure with a target needs its verdict")
    verdict = "-" if not target else ("PASS" if passed else "MISSED")
    print(f"{FIGURE_PREFIX}{name}|{value:.{digits}f}|{unit}|{target}|{verdict}", flush=True)


def verdict(passed: bool) -> None:
    """The human-readable last line every benchmark ends with."""
    print(f"  result: {'PASS' if passed else 'MISSED'}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_sandbox(key: str) -> tuple[subprocess.Popen, str]:
    """`lucca-training sandbox` in its own process, without a rate limit; and its base URL."""
    command = [str(CONSOLE_SCRIPT), "sandbox", "--port", "0", "--rate-limit", "0"]
    process = subprocess.Popen([*command, "--api-key", key], stdout=subprocess.PIPE, text=True)
    first_line = process.stdout.readline()  # "... listening on http://127.0.0.1:PORT"
    return process, first_line.rsplit(" ", 1)[1].strip()


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
