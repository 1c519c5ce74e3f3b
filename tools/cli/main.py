"""`lucca-training`: the command line, and the entry point that starts the other faces.

Each sub-command imports what it needs only when it runs, so that a fast command stays fast and no
face drags another one in. Exit codes: 0 done, 2 invalid input or settings, 1 Lucca or network.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from tools.cli import (
    create_command,
    demo_command,
    doctor_command,
    import_command,
    mcp_command,
    sandbox_command,
    serve_command,
    slack_command,
)

EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # what a shell reports for a tool stopped by SIGPIPE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lucca-training",
        description="Create trainings in a Lucca Training catalog.",
        epilog="Settings come from the environment or a .env file: see docs/settings.md.",
    )
    verbose_help = "log each call to Lucca (method, path, status, time) to stderr"
    parser.add_argument("-v", "--verbose", action="store_true", help=verbose_help)
    # Accepted after the command too (`lucca-training create -v`), without overriding the above.
    verbosity = argparse.ArgumentParser(add_help=False)
    verbosity.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=verbose_help
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (
        create_command,
        import_command,
        mcp_command,
        serve_command,
        slack_command,
        sandbox_command,
        demo_command,
        doctor_command,
    ):
        command.add_parser(commands, parents=[verbosity])
    return parser


def configure_logging(verbose: bool, log_format: str = "text", level: str | None = None) -> None:
    """Our notices (e.g. a rate-limit wait) always; HTTP details with -v; others' noise never.

    Always on stderr: stdout is the MCP protocol for `mcp`, and results for `create`. `json` (the
    default for `serve`) is one object a line for a log pipeline; `text` is for people.
    """
    from tools.ops.json_logs import JsonFormatter, TextFormatter

    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        layout = "%(levelname)s %(name)s: %(message)s" if verbose else "lucca-training: %(message)s"
        handler.setFormatter(TextFormatter(layout))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    ours = "DEBUG" if verbose else (level or "INFO")
    logging.getLogger("lucca_training").setLevel(ours)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from tools.core.errors import ConfigurationError
    from tools.ops.settings import load_ops_settings

    try:
        ops = load_ops_settings()
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    log_format = ops.log_format or getattr(args, "default_log_format", "text")
    configure_logging(args.verbose, log_format, ops.log_level)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`| head`): stop quietly, like other shell tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
