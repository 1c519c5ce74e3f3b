"""`lucca-training import FILE`: many trainings from a CSV, XLSX or JSON Lines file.

Read the whole file, check every row (nothing is sent while one is invalid, unless
--skip-invalid), then send the valid rows through the core, paced to the tenant's budget; Ctrl-C
stops after the creations already sent, and running the same command again creates only what is
missing. Exit codes: 0 every row ended well, 2 some rows are invalid or repeated (or bad options),
1 some failed at Lucca, 130 stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tools.cli.create_command import shell_caller
from tools.cli.sandbox_command import add_sandbox_flag
from tools.importing.readers import FORMATS

EXIT_OK, EXIT_FAILURE, EXIT_INVALID, EXIT_STOPPED = 0, 1, 2, 130
SHOWN_PROBLEMS = 50


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import",
        parents=parents,
        help="create many trainings from a CSV, XLSX or JSON Lines file",
        description="Create the trainings of a spreadsheet, checked whole first, paced to "
        "Lucca's limit, resumable: see docs/importing.md.",
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="the .csv, .xlsx or .jsonl file")
    parser.add_argument("--format", choices=FORMATS, help="when the file's name does not say it")
    parser.add_argument("--sheet", metavar="NAME", help="the XLSX sheet to read (default: first)")
    parser.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        default=[],
        help="read COLUMN as the training's FIELD (COLUMN= ignores it); repeatable",
    )
    parser.add_argument("--dry-run", action="store_true", help="check every row; send nothing")
    parser.add_argument(
        "--skip-invalid", action="store_true", help="send the valid rows even if some are not"
    )
    parser.add_argument(
        "--report", metavar="FILE", type=Path, help="each row's outcome (.csv or .json)"
    )
    add_sandbox_flag(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tools.importing.checking import prepare_rows
    from tools.importing.columns import ColumnProblem, parse_map, plan_columns
    from tools.importing.readers import UnreadableFile, read_sheet

    try:
        mapped = dict(parse_map(option) for option in args.map)
        sheet = read_sheet(args.file, format=args.format, sheet=args.sheet)
        plan = plan_columns(sheet.headers, mapped)
    except (UnreadableFile, ColumnProblem) as problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Read {len(sheet.rows)} rows from {args.file.name} ({sheet.described}).")
    if plan.ignored:
        listed = ", ".join(repr(header) for header in plan.ignored)
        print(
            f"Not imported: the columns {listed} (no field of a training; "
            "--map COLUMN=FIELD to read one).",
            file=sys.stderr,
        )
    rows = prepare_rows(sheet.rows, plan)
    try:
        return asyncio.run(_import(args, rows, {f: h for h, f in plan.field_of.items()}))
    except asyncio.CancelledError:  # a second Ctrl-C: stop now
        print("Stopped at once: run the import again to go on.", file=sys.stderr)
        return EXIT_STOPPED


async def _import(args: argparse.Namespace, rows: list, column_of: dict[str, str]) -> int:
    from tools.cli import terminal_output
    from tools.core.errors import ConfigurationError, TrainingError
    from tools.importing.checking import check_rows, needs_references

    caller = shell_caller()
    if args.dry_run and not needs_references(rows):
        return _finish_check(args, check_rows(rows, None, caller), column_of)
    try:
        async with _connection(args) as (trainings, stop):
            references = await trainings.catalog.references() if needs_references(rows) else None
            checked = check_rows(rows, references, caller)
            refused = _finish_check(args, checked, column_of)
            if args.dry_run or (refused and not args.skip_invalid):
                return refused
            return await _send(args, trainings, stop, checked, caller)
    except TrainingError as error:
        terminal_output.show_error(error)
        return EXIT_INVALID if isinstance(error, ConfigurationError) else EXIT_FAILURE


@asynccontextmanager
async def _connection(args: argparse.Namespace) -> AsyncIterator[tuple[Any, Any]]:
    """The core's `Trainings` and the import's stop signal, around a pacer of the import's own:
    the tenant's rate, a queue bound that waits rather than refuse, a wait that Ctrl-C cuts."""
    from tools.core.pacing import RequestPacer
    from tools.importing.settings import load_import_settings
    from tools.importing.stopping import StopSignal
    from tools.wiring.lucca_connection import load_entry_settings, open_lucca_connection

    settings = load_entry_settings(sandbox=args.sandbox)
    bound = load_import_settings().lucca_import_max_queue_seconds
    stop = StopSignal()
    pacer = RequestPacer(
        settings.lucca_rate_limit, settings.lucca_rate_window_seconds, bound, sleep=stop.pacer_sleep
    )
    async with open_lucca_connection(settings, sandbox=args.sandbox, pacer=pacer) as opened:
        yield opened.trainings, stop


def _finish_check(args: argparse.Namespace, checked: list, column_of: dict[str, str]) -> int:
    """Say what the check found (and, for a dry run, write its report); EXIT_INVALID or OK."""
    from tools.importing.sending import unsent_outcome

    problems = [row for row in checked if not row.sendable]
    valid = len(checked) - len(problems)
    if problems:
        print(f"{len(problems)} of {len(checked)} rows cannot be sent:", file=sys.stderr)
        for row in problems[:SHOWN_PROBLEMS]:
            print(f"  line {row.line}: {_problem(row, column_of)}", file=sys.stderr)
        if len(problems) > SHOWN_PROBLEMS:
            print(
                f"  ... and {len(problems) - SHOWN_PROBLEMS} more (see --report)", file=sys.stderr
            )
    if args.dry_run:
        print(f"Checked {len(checked)} rows: {valid} valid. Nothing was sent (dry run).")
        _write(args, [unsent_outcome(row, "dry run") for row in checked])
    elif problems and not args.skip_invalid:
        print(
            f"Nothing was sent. Correct these rows, or add --skip-invalid to send the {valid} "
            "valid ones.",
            file=sys.stderr,
        )
        _write(args, [unsent_outcome(row, "not sent: other rows are invalid") for row in checked])
    return EXIT_INVALID if problems else EXIT_OK


def _problem(row: Any, column_of: dict[str, str]) -> str:
    from tools.cli.terminal_output import printable
    from tools.importing.checking import LINE

    if not row.errors:
        return printable(row.problem)
    shown = []
    for error in row.errors:
        if error.field == LINE:
            shown.append(error.message)
            continue
        column = column_of.get(error.field)
        name = (
            f"{error.field} (column {column!r})"
            if column and column != error.field
            else error.field
        )
        shown.append(f"{name}: {error.message}")
    return printable("; ".join(shown))


async def _send(args, trainings, stop, checked: list, caller) -> int:
    from tools.cli.import_progress import progress_for
    from tools.importing.report import tally
    from tools.importing.sending import RowSender, unsent_outcome
    from tools.importing.stopping import watch_posts

    sendable = [row for row in checked if row.sendable]
    held = [unsent_outcome(row, "") for row in checked if not row.sendable]
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()

    def on_interrupt() -> None:
        if stop.requested and main is not None:
            main.cancel()
            return
        stop.request()
        print(
            "\nStopping after the creations already sent (Ctrl-C again to stop at once)...",
            file=sys.stderr,
            flush=True,
        )

    loop.add_signal_handler(signal.SIGINT, on_interrupt)
    unwatch = watch_posts()
    try:
        with progress_for(len(sendable)) as progress:
            sender = RowSender(trainings, caller, stop, progress.row_done)
            outcomes = held + await sender.send(sendable)
    finally:
        unwatch()
        loop.remove_signal_handler(signal.SIGINT)
    _write(args, outcomes)
    counts = tally(outcomes)
    print(
        f"Done: {len(outcomes)} rows: {counts['created']} created, {counts['existing']} already "
        f"in the catalog, {counts['recovered']} recovered, {counts['duplicate']} duplicate, "
        f"{counts['invalid']} invalid, {counts['failed']} failed, {counts['not_sent']} not sent."
    )
    if args.sandbox:
        print("(On the embedded sandbox: nothing was sent to a real Lucca account.)")
    if stop.requested:
        print(
            f"Stopped: {counts['not_sent']} rows were not sent. Run the same command again to go "
            "on: rows already in the catalog are found there, never created twice.",
            file=sys.stderr,
        )
        return EXIT_STOPPED
    if counts["failed"] or counts["not_sent"]:
        return EXIT_FAILURE
    return EXIT_INVALID if counts["invalid"] or counts["duplicate"] else EXIT_OK


def _write(args: argparse.Namespace, outcomes: list) -> None:
    from tools.importing.report import write_report

    if args.report is None:
        return
    try:
        write_report(args.report, outcomes)
    except OSError as exc:
        print(f"error: cannot write the report {args.report}: {exc.strerror}", file=sys.stderr)
        return
    print(f"Report: {args.report}")
