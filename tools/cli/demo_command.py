"""`lucca-training demo`: the main job end to end, on the embedded sandbox, in a few seconds.

It creates a training through the same core every face uses, prints its id and catalog status, then
shows an invalid draft being refused with its field errors, and proves from the sandbox's own
request log that the invalid draft never reached it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

DEMO_TRAINING: dict[str, Any] = {
    "title": "Business French for Customer Calls",
    "subtitle": "Handle support and sales calls in French with confidence",
    "description": (
        "A practical course for people who talk to French-speaking customers. Over six sessions, "
        "learners rehearse greetings, questions, objections and follow-ups, build a personal "
        "phrase book, and finish with recorded mock calls reviewed by the trainer."
    ),
    "level": "Middle",
    "isCertifying": False,
    "isMandatory": False,
    "type": "External",
    "providerId": 12,
    "categoryId": 2,
}

INVALID_TRAINING: dict[str, Any] = {
    "title": "Advanced negotiation " * 15,
    "description": "   ",
    "level": "Guru",
    "isCertifying": False,
    "isMandatory": False,
}


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "demo",
        parents=parents,
        help="create a training on the embedded sandbox, then show a refused invalid one",
        description="Run the whole job on the embedded Lucca emulator; no account needed.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tools.cli import terminal_output
    from tools.core.errors import TrainingError

    try:
        return asyncio.run(_demo())
    except TrainingError as error:
        terminal_output.show_error(error)
        return 1


async def _demo() -> int:
    from tools.cli import terminal_output
    from tools.cli.lucca_connection import load_entry_settings, open_lucca_connection
    from tools.core.errors import InvalidDraft
    from tools.core.service import create_training

    async with open_lucca_connection(load_entry_settings(sandbox=True), sandbox=True) as lucca:
        assert lucca.sandbox is not None
        print(f"Lucca Training demo, on the embedded sandbox at {lucca.sandbox.base_url}")
        print("(an emulator of the Lucca API: no real account is touched)\n")
        print("1. Creating a training through the core:")
        created = await create_training(lucca.client, DEMO_TRAINING)
        terminal_output.show_created(created)
        print("\n2. An invalid draft is refused before anything is sent:")
        try:
            await create_training(lucca.client, INVALID_TRAINING)
        except InvalidDraft as refused:
            terminal_output.show_error(refused, out=sys.stdout)
        else:
            print("   unexpected: the invalid draft was accepted")
            return 1
        posts = [entry for entry in lucca.sandbox.requests_log() if entry["method"] == "POST"]
    print(f"\nThe sandbox received {len(posts)} POST in all: the valid training only.")
    return 0 if len(posts) == 1 else 1
