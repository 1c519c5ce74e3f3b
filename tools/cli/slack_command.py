"""`lucca-training slack`: the Slack app in Socket Mode, so no public URL is needed.

Slack modules are imported when the command runs, never when the CLI starts: the other commands
(the MCP server above all) must not pay for them.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from tools.cli.sandbox_command import add_sandbox_flag

EXIT_FAILURE, EXIT_INVALID = 1, 2


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "slack",
        parents=parents,
        help="run the Slack app (/training-create) in Socket Mode",
        description="Connect to Slack in Socket Mode and answer /training-create. Settings: "
        "SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_ALLOWED_USERS, SLACK_ALLOWED_USERGROUPS, LUCCA_*, "
        "and LLM_* for drafting.",
    )
    add_sandbox_flag(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tools.core.errors import ConfigurationError, TrainingError

    try:
        asyncio.run(_serve(sandbox=args.sandbox))
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    except TrainingError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    return 0


async def _serve(*, sandbox: bool) -> None:
    from bot.app import build_slack_app
    from bot.settings import load_slack_settings
    from bot.socket_mode import run_socket_mode
    from tools.core import events
    from tools.drafting.settings import load_llm_settings
    from tools.ops.audit import audit_listener
    from tools.state.settings import load_state_settings
    from tools.state.store import open_store
    from tools.wiring.log_secrets import register_secrets
    from tools.wiring.lucca_connection import (
        check_lucca_settings,
        load_entry_settings,
        open_trainings,
    )

    slack_settings = load_slack_settings()
    app_token = slack_settings.require_socket_mode()
    llm = load_llm_settings().connection()  # drafting, when LLM_* are set; an error if half set
    settings = load_entry_settings(sandbox=sandbox)
    check_lucca_settings(settings, sandbox=sandbox)
    events.subscribe(audit_listener)
    state_url = load_state_settings().url(sandbox=sandbox)
    register_secrets(settings, state_url=state_url, slack=slack_settings, llm=llm)
    async with (
        open_store(state_url) as store,
        open_trainings(settings, sandbox=sandbox, store=store) as trainings,
    ):
        # The journal on the store: what was acknowledged survives a crash of this process.
        face = build_slack_app(slack_settings, trainings, llm=llm, store=store)
        worker = asyncio.create_task(face.run_worker())
        try:
            await run_socket_mode(face, app_token)
        finally:
            worker.cancel()
