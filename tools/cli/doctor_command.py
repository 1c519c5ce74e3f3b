"""`lucca-training doctor`: which of Lucca, Slack and the model works with these settings.

One line per check (see `tools.cli.doctor_checks`), with what to do under each that failed.
Exit codes: 0 when nothing configured failed, 1 when something did. `--output json` prints
`{"ok": bool, "checks": [{"part", "status", "detail", "fix"}]}` for scripts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import Any

EXIT_FAILED = 1


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "doctor",
        parents=parents,
        help="check every configured part (Lucca, Slack tokens, the model) and say what to fix",
        description="Read the settings as `serve` would and check each configured part with one "
        "request at most: the Lucca address and key, the Slack bot token (auth.test), signing "
        "secret and app token, the drafting model. Exits 1 when a configured part fails.",
    )
    parser.add_argument(
        "--output",
        choices=("text", "json"),
        default="text",
        help="json: one object with every check, for scripts",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tools.cli import terminal_output

    results = asyncio.run(_check_everything())
    healthy = all(result.status != "failed" for result in results)
    if args.output == "json":
        report = {"ok": healthy, "checks": [result.as_json() for result in results]}
        text = json.dumps(report, ensure_ascii=False, indent=2)
    else:
        text = "\n".join(_line(result) for result in results)
    terminal_output.write_safely(lambda: print(terminal_output.printable(text)))
    return 0 if healthy else EXIT_FAILED


async def _check_everything() -> list[Any]:
    from tools.cli.doctor_checks import CHECK_TIMEOUT_SECONDS, run_checks
    from tools.core.client import new_http_client

    async with new_http_client(CHECK_TIMEOUT_SECONDS) as http:
        return await run_checks(http)


def _line(result: Any) -> str:
    line = f"{result.status:<15} {result.part}: {result.detail}"
    return line + (f"\n{'':<15} what to do: {result.fix}" if result.fix else "")
