"""`lucca-training sandbox`: the embedded Lucca Training emulator, in the foreground."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from tools.sandbox import lucca_facts  # literals only: cheap to import

DEFAULT_PORT = 8765


def port_number(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def add_sandbox_flag(parser: argparse.ArgumentParser) -> None:
    """`--sandbox`, worded the same on every command that talks to Lucca."""
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="use the embedded Lucca emulator (in-process, fresh key) instead of a real account",
    )


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "sandbox",
        parents=parents,
        help="run the embedded Lucca Training emulator",
        description="Run a local emulator of the Lucca Training API, to try the tool safely.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, help="port (0: any free one)"
    )
    parser.add_argument("--api-key", help="the key it accepts (default: a new random one)")
    parser.add_argument(
        "--rate-limit", type=int, default=50, metavar="N", help="requests per window (0: no limit)"
    )
    parser.add_argument("--window", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument("--db", metavar="FILE", help="keep trainings in this SQLite file")
    limits = parser.add_argument_group("Lucca's documented limits (defaults as documented)")
    limits.add_argument(
        "--server-timeout",
        type=float,
        default=lucca_facts.SERVER_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help="then 408",
    )
    limits.add_argument(
        "--max-body-bytes", type=int, default=lucca_facts.MAX_BODY_BYTES, metavar="N"
    )
    limits.add_argument(
        "--max-header-bytes", type=int, default=lucca_facts.MAX_HEADER_BYTES, metavar="N"
    )
    rehearsals = parser.add_argument_group(
        "rehearsals of what Lucca does not document (also PATCH /_sandbox/modes)"
    )
    rehearsals.add_argument(
        "--ignore-search", action="store_true", help="answer searches with the unfiltered list"
    )
    rehearsals.add_argument(
        "--rotate-cursors", action="store_true", help="write cursors differently in each answer"
    )
    rehearsals.add_argument(
        "--omit-next", action="store_true", help="leave `next` out even when asked for"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tools.sandbox.config import SandboxConfig
    from tools.sandbox.runner import new_api_key, serve_forever

    try:
        config = SandboxConfig(
            api_key=new_api_key() if args.api_key is None else args.api_key,
            rate_limit=args.rate_limit,
            window_seconds=args.window,
            db_path=args.db,
            server_timeout_seconds=args.server_timeout,
            max_body_bytes=args.max_body_bytes,
            max_header_bytes=args.max_header_bytes,
            ignore_search=args.ignore_search,
            rotate_cursors=args.rotate_cursors,
            omit_next=args.omit_next,
        )
        asyncio.run(serve_forever(config, args.host, args.port, _announcer(config)))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        reason = error.strerror or error
        print(f"error: cannot listen on {args.host}:{args.port}: {reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nSandbox stopped.")
    return 0


def _announcer(config: Any):
    def announce(base_url: str) -> None:
        limit = f"{config.rate_limit} requests / {config.window_seconds:g} s"
        print(f"Lucca Training sandbox listening on {base_url}", flush=True)
        print("Point the tool at it with:")
        print(f"  export LUCCA_BASE_URL={base_url}")
        print(f"  export LUCCA_API_KEY={config.api_key}")
        print(f"Rate limit: {limit if config.rate_limit else 'none'}. ", end="")
        print(f"Storage: {config.db_path or 'memory (lost on exit)'}.")
        print("Control API: GET /_sandbox/requests, POST and DELETE /_sandbox/faults,")
        print("  GET and PATCH /_sandbox/modes, POST /_sandbox/trainings, POST /_sandbox/reset.")
        rehearsing = [name for name, on in config.modes.as_json().items() if on]
        if rehearsing:
            print(f"Rehearsing: {', '.join(rehearsing)}.")
        print("Press Ctrl-C to stop.", flush=True)

    return announce
