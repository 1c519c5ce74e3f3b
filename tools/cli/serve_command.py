"""`lucca-training serve`: one HTTP server for `/mcp`, `/slack/events`, health and metrics.

The edge holds against strangers (tools.ops.http_edge): request heads have a deadline
(HTTP_HEADER_TIMEOUT_SECONDS), idle keep-alive connections are closed (HTTP_KEEP_ALIVE_SECONDS),
and connections are capped (HTTP_MAX_CONNECTIONS, lowered to fit the open-files limit).

On SIGTERM (or Ctrl-C) uvicorn stops accepting connections and waits for the requests in flight;
then the app's lifespan waits for the Slack creations still running. Both within
SHUTDOWN_GRACE_SECONDS from the signal, so a rolling deploy loses no submission.
"""

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
        help="serve MCP over HTTP at /mcp, Slack at /slack/events, /healthz, /readyz, /metrics",
        description="Run the HTTP server. /mcp needs a token from MCP_AUTH_TOKENS when set; "
        "/slack/events answers when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set. "
        "Logs are JSON lines on stderr (LOG_FORMAT=text for plain lines).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=port_number, default=DEFAULT_PORT, help="port")
    add_sandbox_flag(parser)
    parser.set_defaults(run=run, default_log_format="json")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from tools.cli.graceful_server import GracefulServer
    from tools.core.errors import ConfigurationError
    from tools.ops.http_edge import fitted_limits, guarded_protocol, open_files_limit
    from tools.ops.settings import load_ops_settings
    from tools.ops.shutdown import ShutdownBudget
    from tools.wiring.serve_app import build_serve_app

    try:
        ops = load_ops_settings()
        edge = fitted_limits(
            ops.http_header_timeout_seconds, ops.http_max_connections, open_files_limit()
        )
        shutdown = ShutdownBudget(ops.shutdown_grace_seconds)
        app = build_serve_app(
            host=args.host, port=args.port, sandbox=args.sandbox, shutdown=shutdown
        )
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        log_config=None,  # uvicorn's records go through our handler (JSON lines by default)
        lifespan="on",
        access_log=False,  # our middleware logs each request, with its request id
        timeout_graceful_shutdown=shutdown.grace_seconds,
        # Our h11 protocol: a deadline for request heads and a connection cap (tools.ops.http_edge)
        http=guarded_protocol(edge),
        backlog=edge.backlog,
        timeout_keep_alive=ops.http_keep_alive_seconds,  # type: ignore[arg-type]
    )
    try:
        GracefulServer(config, shutdown).run()
    except OSError as error:
        reason = error.strerror or error
        print(f"error: cannot listen on {args.host}:{args.port}: {reason}", file=sys.stderr)
        return 1
    return 0
