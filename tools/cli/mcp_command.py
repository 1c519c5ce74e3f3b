"""`lucca-training mcp`: the MCP server over stdio, for Claude Desktop, VS Code, Cursor...

stdout carries the protocol only; every log line goes to stderr. Nothing Slack-related is imported.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tools.cli.sandbox_command import add_sandbox_flag


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "mcp",
        parents=parents,
        help="serve the create_training tool to an AI assistant over stdio (MCP)",
        description="Run the MCP server on stdin/stdout. Settings: LUCCA_*, MCP_CONFIRM.",
    )
    add_sandbox_flag(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import anyio

    from tools.core import events
    from tools.core.errors import ConfigurationError
    from tools.mcp_server.server import build_mcp_server
    from tools.mcp_server.settings import load_mcp_settings
    from tools.ops.audit import audit_listener
    from tools.wiring.lucca_connection import (
        check_lucca_settings,
        load_entry_settings,
        open_trainings,
    )

    try:
        settings = load_entry_settings(sandbox=args.sandbox)
        check_lucca_settings(settings, sandbox=args.sandbox)
        server = build_mcp_server(
            load_mcp_settings(), lambda: open_trainings(settings, sandbox=args.sandbox)
        )
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    events.subscribe(audit_listener)  # audit lines go to stderr, with every other log line
    anyio.run(server.run_stdio_async)
    return 0
