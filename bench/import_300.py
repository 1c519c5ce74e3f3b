"""`lucca-training import` of 300 rows on a sandbox allowing 50 requests per window.

Lucca's limit is 50 per 60 s: the 300 rows then take six minutes, most of it waiting for the
budget. The benchmark keeps the request counts and scales the window (12 s by default; `--window
60` is the real scale, and the ratios hold at any window: the scale is printed). It runs the real
command, in this process, on a CSV with French headers and provider names, and reads the
sandbox's own request log.

Figures:
- Lucca requests per created training: every request (the name lookup, the batched duplicate
  lookups, the POSTs) over the trainings created. Target: at most 1.05.
- elapsed over the minimum the limit allows for the requests made: the last of N requests may not
  start before `(N - 1) // rate * window`. Target: at most 1.05x.

    python bench/import_300.py [--rows 300] [--rate 50] [--window 12]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx

from bench.common import CONSOLE_SCRIPT, figure, verdict
from tools.cli.main import main as command

KEY = "bench-import-key"
TARGET_REQUESTS = 1.05
TARGET_RATIO = 1.05
HEADERS = ["Titre", "Sous-titre", "Description", "Niveau", "Certifiante", "Obligatoire",
           "Organisme", "Catégorie"]  # fmt: skip


def write_rows(path: Path, rows: int) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for n in range(1, rows + 1):
        writer.writerow([
            f"Formation importée n°{n:03d}", "Reprise du catalogue", "Une journée d'atelier.",
            ("Débutant", "Intermédiaire", "Expert")[n % 3], ("oui", "non")[n % 2], "non",
            "L'Élan Français", "Langues",
        ])  # fmt: skip
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


@contextlib.contextmanager
def limited_sandbox(rate: int, window: float) -> Iterator[str]:
    """`lucca-training sandbox` in its own process, as Lucca is on its own machines: sharing this
    process's interpreter would slow its answers to a burst; its base URL."""
    command = [str(CONSOLE_SCRIPT), "sandbox", "--port", "0", "--api-key", KEY]
    command += ["--rate-limit", str(rate), "--window", str(window)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        first_line = process.stdout.readline()  # "... listening on http://127.0.0.1:PORT"
        yield first_line.rsplit(" ", 1)[1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def run(rows: int, rate: int, window: float) -> dict:
    with tempfile.TemporaryDirectory() as folder, limited_sandbox(rate, window) as base_url:
        sheet, report = Path(folder) / "catalogue.csv", Path(folder) / "report.json"
        write_rows(sheet, rows)
        os.environ.update(
            LUCCA_BASE_URL=base_url,
            LUCCA_API_KEY=KEY,
            LUCCA_RATE_LIMIT=str(rate),
            LUCCA_RATE_WINDOW_SECONDS=str(window),
        )
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            exit_code = command(["import", str(sheet), "--report", str(report)])
        elapsed = time.perf_counter() - started
        log = httpx.get(f"{base_url}/_sandbox/requests", trust_env=False).json()
        outcomes = Counter(entry["outcome"] for entry in json.loads(report.read_text("utf-8")))
    requests = len(log)
    return {
        "exit": exit_code,
        "created": outcomes["created"],
        "outcomes": outcomes,
        "requests": requests,
        "posts": sum(1 for entry in log if entry["method"] == "POST"),
        "refused": sum(1 for entry in log if entry["status"] == 429),
        "elapsed": elapsed,
        "minimum": (requests - 1) // rate * window if rate else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--rate", type=int, default=50)
    parser.add_argument("--window", type=float, default=12.0)
    args = parser.parse_args()
    scale = 60.0 / args.window
    print(
        f"import of {args.rows} rows, sandbox and pacer at {args.rate} per {args.window:g} s "
        f"(Lucca: 50 per 60 s; time scaled 1/{scale:g}, request counts unchanged)"
    )
    found = run(args.rows, args.rate, args.window)
    per_training = found["requests"] / found["created"] if found["created"] else float("inf")
    ratio = found["elapsed"] / found["minimum"] if found["minimum"] else 1.0
    print(f"  exit code             {found['exit']}")
    print(f"  outcomes              {dict(found['outcomes'])}")
    print(f"  requests to Lucca     {found['requests']} ({found['posts']} POSTs)")
    print(f"  429s from Lucca       {found['refused']}")
    print(f"  requests per created  {per_training:.3f} (target <= {TARGET_REQUESTS})")
    print(f"  elapsed               {found['elapsed']:.1f} s (x{scale:g} at Lucca's scale)")
    print(f"  minimum the limit allows {found['minimum']:.1f} s")
    print(f"  elapsed over minimum  {ratio:.3f}x (target <= {TARGET_RATIO}x)")
    all_created = found["created"] == args.rows and found["posts"] == args.rows
    figure(
        "import: Lucca requests per created training",
        per_training,
        "count",
        target=f"<= {TARGET_REQUESTS}",
        passed=per_training <= TARGET_REQUESTS,
    )
    figure(
        "import: elapsed over minimum",
        ratio,
        "x",
        target=f"<= {TARGET_RATIO}x",
        passed=ratio <= TARGET_RATIO,
    )
    figure(
        "import: created once, no 429",
        found["created"],
        "count",
        target=f"= {args.rows}",
        passed=all_created and found["refused"] == 0,
        digits=0,
    )
    verdict(all_created and found["refused"] == 0 and per_training <= TARGET_REQUESTS
            and ratio <= TARGET_RATIO)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
