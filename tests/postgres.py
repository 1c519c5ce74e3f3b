"""A real PostgreSQL server for the tests: Debian's binaries, a temporary folder, a free port.

`.ci/run` installs Debian's `postgresql`; the tests start their own server with `initdb` and
`pg_ctl` (as the `postgres` user when run as root: initdb refuses root), trust authentication on
loopback only. Without the binaries a test that needs it is skipped, with the reason, except in
CI (`CI=true`), where that is a failure.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.servers import free_port


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def require_postgres() -> Path:
    """The binaries' folder, or a skip (locally) / a failure (CI) that says what is missing."""
    folder = postgres_bin()
    if folder is None:
        reason = (
            "PostgreSQL is not installed (/usr/lib/postgresql/*/bin): `apt-get install -y "
            "postgresql` (done by .ci/run)"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return folder


class PostgresServer:
    def __init__(self, folder: Path) -> None:
        self.bin = folder
        self.root = Path(tempfile.mkdtemp(prefix="lucca-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.user = _server_user()
        if self.user is not None:
            shutil.chown(self.root, self.user)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        options = f"-p {self.port} -h 127.0.0.1 -k {self.root} -F -c max_connections=200"
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database's URL: each test starts from nothing."""
        name = "t_" + uuid.uuid4().hex[:12]
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    pytest.fail("running as root with neither a postgres nor a nobody user to run PostgreSQL")
