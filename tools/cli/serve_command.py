"""`lucca-training serve`: one HTTP server for `/mcp`, `/slack/events` and `/healthz`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tools.cli.sandbox_command import add_sandbox_flag, port_number

DEFAULT_PORT = 8000


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "serve",
        parents=parents,
        help="serve MCP over HTTP at /mcp, Slack at /slack/events, and /healthz",
        description="Run the HTTP server. /mcp needs a token from MCP_AUTH_TOKENS when set; "
        "/slack/events answers when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=port_number, default=DEFAULT_PORT, help="port")
    add_sandbox_flag(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from tools.cli.serve_app import build_serve_app
    from tools.core.errors import ConfigurationError

    try:
        app = build_serve_app(host=args.host, port=args.port, sandbox=args.sandbox)
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    config = uvicorn.Config(
        app, host=args.host, port=args.port, log_level="warning", lifespan="on", access_log=False
    )
    try:
        uvicorn.Server(config).run()
    except OSError as error:
        reason = error.strerror or error
        print(f"error: cannot listen on {args.host}:{args.port}: {reason}", file=sys.stderr)
        return 1
    return 0
