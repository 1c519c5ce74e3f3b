"""`lucca-training`: the command line, and the entry point that starts the other faces.

Each sub-command imports what it needs only when it runs, so that a fast command stays fast and no
face drags another one in. Exit codes: 0 done, 2 invalid input or settings, 1 Lucca or network.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from tools.cli import create_command, demo_command, sandbox_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lucca-training",
        description="Create trainings in a Lucca Training catalog.",
        epilog="Settings come from the environment or a .env file: see README.md.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log HTTP calls to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    create_command.add_parser(commands)
    sandbox_command.add_parser(commands)
    demo_command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
