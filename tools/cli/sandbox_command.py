"""`lucca-training sandbox`: the embedded Lucca Training emulator, in the foreground."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

DEFAULT_PORT = 8765


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "sandbox",
        help="run the embedded Lucca Training emulator",
        description="Run a local emulator of the Lucca Training API, to try the tool safely.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (0: any free one)")
    parser.add_argument("--api-key", help="the key it accepts (default: a new random one)")
    parser.add_argument(
        "--rate-limit", type=int, default=50, metavar="N", help="requests per window (0: no limit)"
    )
    parser.add_argument("--window", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument("--db", metavar="FILE", help="keep trainings in this SQLite file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tools.sandbox.config import SandboxConfig
    from tools.sandbox.runner import new_api_key, serve_forever

    config = SandboxConfig(
        api_key=args.api_key or new_api_key(),
        rate_limit=args.rate_limit,
        window_seconds=args.window,
        db_path=args.db,
    )

    def announce(base_url: str) -> None:
        limit = f"{config.rate_limit} requests / {config.window_seconds:g} s"
        print(f"Lucca Training sandbox listening on {base_url}", flush=True)
        print("Point the tool at it with:")
        print(f"  export LUCCA_BASE_URL={base_url}")
        print(f"  export LUCCA_API_KEY={config.api_key}")
        print(f"Rate limit: {limit if config.rate_limit else 'none'}. ", end="")
        print(f"Storage: {config.db_path or 'memory (lost on exit)'}.")
        print("Control API: GET /_sandbox/requests, POST and DELETE /_sandbox/faults.")
        print("Press Ctrl-C to stop.", flush=True)

    try:
        asyncio.run(serve_forever(config, args.host, args.port, announce))
    except KeyboardInterrupt:
        print("\nSandbox stopped.")
    return 0
