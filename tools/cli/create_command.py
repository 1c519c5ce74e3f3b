"""`lucca-training create`: one training from flags and/or a JSON file.

Flags override the file's fields. Level and type may be given in any case on the command line
(`--level beginner`); everything else is checked by the core exactly as for the other faces.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from tools.cli.fields import FLAG_FOR_FIELD, dest_of
from tools.cli.sandbox_command import add_sandbox_flag
from tools.core.draft import LEVELS, TRAINING_TYPES, TrainingDraft
from tools.core.errors import (
    ConfigurationError,
    DuplicateCheckIncomplete,
    DuplicateTraining,
    FieldError,
    InvalidDraft,
    TrainingError,
)
from tools.core.events import Caller

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2
CHOICES_FOR_FIELD = {"level": LEVELS, "type": TRAINING_TYPES}


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "create",
        parents=parents,
        help="create one training",
        description="Create one training in the Lucca Training catalog. Flags override --json.",
    )
    flag = FLAG_FOR_FIELD
    parser.add_argument("--json", metavar="FILE", help="a JSON object with the fields ('-': stdin)")
    parser.add_argument(flag["title"], help="name of the training (at most 250 characters)")
    parser.add_argument(flag["subtitle"], help="short summary (at most 1000 characters)")
    parser.add_argument(flag["description"], help="detailed description (at most 6000 characters)")
    parser.add_argument(flag["level"], help=f"one of {', '.join(LEVELS)} (any case)")
    parser.add_argument(flag["type"], help=f"one of {', '.join(TRAINING_TYPES)} (any case)")
    parser.add_argument(
        flag["isCertifying"],
        action=argparse.BooleanOptionalAction,
        help="is it an accredited training? (required)",
    )
    parser.add_argument(
        flag["isMandatory"],
        action=argparse.BooleanOptionalAction,
        help="is it mandatory by law? (required)",
    )
    parser.add_argument(flag["providerId"], type=int, metavar="ID", help="an existing provider")
    parser.add_argument(flag["categoryId"], type=int, metavar="ID", help="an existing category")
    parser.add_argument("--dry-run", action="store_true", help="validate only; send nothing")
    parser.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="create it even if the catalog already has a training with this title",
    )
    add_sandbox_flag(parser)
    parser.add_argument(
        "--output",
        choices=("text", "json"),
        default="text",
        help="json: print the created training, or the error, as JSON on stdout",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tools.cli import terminal_output
    from tools.core.intake import accept_draft

    try:
        # Before any settings or network: bad input is always exit 2.
        draft = accept_draft(draft_from_args(args), shell_caller())
        if args.dry_run:
            return _dry_run(draft, args.output)
        return asyncio.run(_create(draft, args))
    except TrainingError as error:
        terminal_output.show_error(error)
        if args.output == "json":
            as_json = terminal_output.error_as_json(error)
            terminal_output.write_safely(lambda: print(as_json))
        refused = InvalidDraft | ConfigurationError | DuplicateTraining | DuplicateCheckIncomplete
        invalid = isinstance(error, refused)
        return EXIT_INVALID if invalid else EXIT_FAILURE


def draft_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The raw draft: the JSON file's object, then the flags given, enums in canonical case."""
    draft = _read_json(args.json) if args.json else {}
    for field in FLAG_FOR_FIELD:
        value = getattr(args, dest_of(field))
        if value is not None:
            draft[field] = value
    for field, choices in CHOICES_FOR_FIELD.items():
        if isinstance(draft.get(field), str):
            draft[field] = _canonical(draft[field], choices)
    return draft


def _read_json(path: str) -> dict[str, Any]:
    source = "standard input" if path == "-" else path
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_refuse_repeated_keys)
    except OSError as exc:
        raise _bad_file(f"cannot read {source}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise _bad_file(f"{source} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _bad_file(
            f"{source} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except _RepeatedKey as exc:
        raise _bad_file(f"{source} gives the field {str(exc)[:60]!r} more than once") from None
    except (ValueError, RecursionError):
        raise _bad_file(f"{source} is too large or too deeply nested to be a training") from None
    if not isinstance(data, dict):
        raise _bad_file(f"{source} must hold one JSON object with the training's fields")
    return data


class _RepeatedKey(ValueError):
    """Two values for one key: which one was meant is anyone's guess, so neither is taken."""


def _refuse_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _RepeatedKey(key)
        data[key] = value
    return data


def _bad_file(message: str) -> InvalidDraft:
    return InvalidDraft([FieldError("--json", message)])


def _canonical(value: str, choices: tuple[str, ...]) -> str:
    folded = value.strip().casefold()
    return next((choice for choice in choices if choice.casefold() == folded), value)


def shell_caller() -> Caller:
    """Who ran the command, as the operating system knows them (for the audit trail)."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):  # no such user in the password database (some containers)
        who = None
    return Caller(face="cli", who=who)


def _dry_run(draft: TrainingDraft, output: str) -> int:
    from tools.cli import terminal_output
    from tools.core.trainings import Trainings

    preview = Trainings.preview(draft)
    if output == "json":
        terminal_output.write_safely(lambda: print(preview.model_dump_json(indent=2)))
    else:
        terminal_output.write_safely(lambda: terminal_output.show_preview(preview))
    return EXIT_OK


async def _create(draft: TrainingDraft, args: argparse.Namespace) -> int:
    from tools.cli import terminal_output
    from tools.wiring.lucca_connection import load_entry_settings, open_trainings

    settings = load_entry_settings(sandbox=args.sandbox)
    async with open_trainings(settings, sandbox=args.sandbox) as trainings:
        created = await trainings.create(
            draft, caller=shell_caller(), allow_duplicate=args.allow_duplicate
        )

    def show() -> None:
        if args.output == "json":
            print(created.model_dump_json(indent=2))
            return
        terminal_output.show_created(created)
        if args.sandbox:
            print("(On the embedded sandbox: nothing was sent to a real Lucca account.)")

    terminal_output.write_safely(show)  # created: a closed pipe must not turn this into a failure
    return EXIT_OK
