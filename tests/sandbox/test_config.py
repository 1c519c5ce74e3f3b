"""Configuration mistakes are refused up front, with a message naming the option to fix.

`lucca-training sandbox` prints these ValueErrors as they are, so their wording is the interface.
"""

import math
import re
from pathlib import Path
from typing import Any

import pytest

from tests.sandbox.helpers import API_KEY
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer, serve_forever


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"api_key": ""}, "--api-key must not be empty"),
        ({"api_key": " key"}, "--api-key must not start or end with spaces"),
        ({"api_key": "key\n"}, "--api-key must not start or end with spaces"),
        ({"api_key": "ke\x00y"}, "or hold control characters"),
        ({"rate_limit": -1}, "--rate-limit must be 0 (no limit) or more"),
        ({"window_seconds": 0}, "--window must be more than 0 seconds"),
        ({"window_seconds": -5.0}, "--window must be more than 0 seconds"),
        ({"window_seconds": math.nan}, "--window must be more than 0 seconds"),
        ({"window_seconds": math.inf}, "--window must be a finite number of seconds"),
        ({"server_timeout_seconds": 0}, "--server-timeout must be a finite number of seconds"),
        ({"server_timeout_seconds": math.nan}, "--server-timeout must be a finite number"),
        ({"server_timeout_seconds": math.inf}, "--server-timeout must be a finite number"),
        ({"max_body_bytes": -1}, "--max-body-bytes must be 0 or more"),
        ({"max_header_bytes": 0}, "--max-header-bytes must be 1 or more"),
    ],
)
def test_bad_options_are_refused_by_name(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        SandboxConfig(**{"api_key": API_KEY, **options})


def test_the_limits_themselves_are_accepted() -> None:
    config = SandboxConfig(api_key="k", rate_limit=0, window_seconds=0.001)

    assert (config.rate_limit, config.window_seconds) == (0, 0.001)


def _not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("my notes, not a database\n" * 100)
    return path


@pytest.mark.parametrize(
    ("make_path", "reason"),
    [
        (lambda tmp: tmp, "it is a folder, not a file"),
        (lambda tmp: tmp / "missing" / "sandbox.db", "the folder {tmp}/missing does not exist"),
        (_not_a_database, "file is not a database"),
    ],
    ids=["folder", "missing-folder", "not-sqlite"],
)
def test_a_db_that_cannot_be_opened_is_a_value_error_naming_the_option(
    tmp_path: Path, make_path: Any, reason: str
) -> None:
    path = make_path(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    config = SandboxConfig(api_key=API_KEY, db_path=str(path))
    expected = f"--db: cannot open SQLite file {path}: {reason.format(tmp=tmp_path)}"

    with pytest.raises(ValueError) as raised:
        SandboxServer(config).start()  # the startup error reaches the caller of start()

    assert str(raised.value) == expected
    assert raised.value.__cause__ is None  # no raw sqlite3 error chained into the report
    if before is not None:
        assert path.read_bytes() == before  # someone else's file is left as it was


async def test_the_foreground_server_reports_a_bad_db_the_same_way(tmp_path: Path) -> None:
    config = SandboxConfig(api_key=API_KEY, db_path=str(tmp_path))
    expected = f"--db: cannot open SQLite file {tmp_path}: it is a folder, not a file"

    with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
        await serve_forever(config, "127.0.0.1", 0, lambda _: None)
