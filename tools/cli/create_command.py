"""`lucca-training create`: one training from flags and/or a JSON file.

Flags override the file's fields. Level and type may be given in any case on the command line
(`--level beginner`); everything else is checked by the core exactly as for the other faces.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from tools.core.draft import LEVELS, TRAINING_TYPES
from tools.core.errors import ConfigurationError, FieldError, InvalidDraft, TrainingError

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2

# flag destination -> the core's field name
FIELD_FOR_DEST = {
    "title": "title",
    "subtitle": "subtitle",
    "description": "description",
    "level": "level",
    "certifying": "isCertifying",
    "mandatory": "isMandatory",
    "type": "type",
    "provider_id": "providerId",
    "category_id": "categoryId",
}
CHOICES_FOR_FIELD = {"level": LEVELS, "type": TRAINING_TYPES}


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "create",
        help="create one training",
        description="Create one training in the Lucca Training catalog. Flags override --json.",
    )
    parser.add_argument("--json", metavar="FILE", help="a JSON object with the fields ('-': stdin)")
    parser.add_argument("--title", help="name of the training (at most 250 characters)")
    parser.add_argument("--subtitle", help="short summary (at most 1000 characters)")
    parser.add_argument("--description", help="detailed description (at most 6000 characters)")
    parser.add_argument("--level", help=f"one of {', '.join(LEVELS)} (any case)")
    parser.add_argument("--type", help=f"one of {', '.join(TRAINING_TYPES)} (any case)")
    parser.add_argument(
        "--certifying", action=argparse.BooleanOptionalAction, help="is it an accredited training?"
    )
    parser.add_argument(
        "--mandatory", action=argparse.BooleanOptionalAction, help="is it legally mandatory?"
    )
    parser.add_argument("--provider-id", type=int, metavar="ID", help="an existing provider's id")
    parser.add_argument("--category-id", type=int, metavar="ID", help="an existing category's id")
    parser.add_argument("--dry-run", action="store_true", help="validate only; send nothing")
    parser.add_argument("--sandbox", action="store_true", help="use the embedded Lucca emulator")
    parser.add_argument(
        "--output",
        choices=("text", "json"),
        default="text",
        help="json: print the created training, or the error, as JSON on stdout",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tools.cli import terminal_output

    try:
        draft = draft_from_args(args)
        if args.dry_run:
            return _dry_run(draft, args.output)
        return asyncio.run(_create(draft, args))
    except TrainingError as error:
        terminal_output.show_error(error)
        if args.output == "json":
            print(terminal_output.error_as_json(error))
        invalid = isinstance(error, InvalidDraft | ConfigurationError)
        return EXIT_INVALID if invalid else EXIT_FAILURE


def draft_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The raw draft: the JSON file's object, then the flags given, enums in canonical case."""
    draft = _read_json(args.json) if args.json else {}
    for dest, field in FIELD_FOR_DEST.items():
        value = getattr(args, dest)
        if value is not None:
            draft[field] = value
    for field, choices in CHOICES_FOR_FIELD.items():
        if isinstance(draft.get(field), str):
            draft[field] = _canonical(draft[field], choices)
    return draft


def _read_json(path: str) -> dict[str, Any]:
    source = "standard input" if path == "-" else path
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except OSError as exc:
        raise _bad_file(f"cannot read {source}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise _bad_file(f"{source} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _bad_file(
            f"{source} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(data, dict):
        raise _bad_file(f"{source} must hold one JSON object with the training's fields")
    return data


def _bad_file(message: str) -> InvalidDraft:
    return InvalidDraft([FieldError("--json", message)])


def _canonical(value: str, choices: tuple[str, ...]) -> str:
    folded = value.strip().casefold()
    return next((choice for choice in choices if choice.casefold() == folded), value)


def _dry_run(draft: dict[str, Any], output: str) -> int:
    from tools.cli import terminal_output
    from tools.core.service import preview_training

    preview = preview_training(draft)
    if output == "json":
        print(preview.model_dump_json(indent=2))
    else:
        terminal_output.show_preview(preview)
    return EXIT_OK


async def _create(draft: dict[str, Any], args: argparse.Namespace) -> int:
    from tools.cli import terminal_output
    from tools.cli.lucca_connection import open_lucca_client
    from tools.core.draft import validate_draft
    from tools.core.service import create_training
    from tools.core.settings import load_settings

    valid = validate_draft(draft)  # before any settings or network: bad input is always exit 2
    settings = load_settings()
    async with open_lucca_client(settings, sandbox=args.sandbox) as client:
        created = await create_training(client, valid)
    if args.output == "json":
        print(created.model_dump_json(indent=2))
    else:
        terminal_output.show_created(created)
        if args.sandbox:
            print("(On the embedded sandbox: nothing was sent to a real Lucca account.)")
    return EXIT_OK
