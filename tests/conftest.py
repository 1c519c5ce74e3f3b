"""Shared fixtures: a real sandbox on a loopback socket, a core client pointed at it, and the guard
that fails any test through which a canary secret leaks."""

import logging
import subprocess
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from _pytest.logging import LogCaptureHandler

from tests.support import LUCCA_WAIT_SECONDS, SANDBOX_KEY, canary_leaks, sandbox_client
from tools.core.client import LuccaClient, new_http_client
from tools.core.trainings import Trainings
from tools.drafting.settings import LlmConnection
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(api_key=SANDBOX_KEY)) as server:
        yield server


@pytest.fixture
def sleeps() -> list[float]:
    """Waits the client asked for; the injected sleep records them and returns at once."""
    return []


@pytest.fixture
async def lucca(sandbox: SandboxServer, sleeps: list[float]) -> AsyncIterator[LuccaClient]:
    async with new_http_client(timeout_seconds=LUCCA_WAIT_SECONDS) as http:
        yield sandbox_client(http, sandbox, sleeps)


@pytest.fixture
def trainings(lucca: LuccaClient) -> Trainings:
    """The core's one entry, as a process builds it around its client."""
    return Trainings(lucca)


@pytest.fixture
def llm() -> LlmConnection | None:
    """The model the Slack app drafts with (tests/bot/conftest.py builds the app with it): none
    by default; tests/bot/drafting gives it a fake one."""
    return None


# The canary guard. Every secret the suite gives the product carries a mark (tests/support.py).
# For every test, it watches each log record of any logger at any level (message with its
# arguments, traceback, extra fields), what the test printed, and the output of each subprocess
# read with communicate() (subprocess.run, tests/servers.py): a mark anywhere fails the test.


class _CanaryWatch(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.leaks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record) + " " + repr(_extras(record))
        except Exception:  # a record that cannot be formatted is a bug elsewhere, not here
            text = f"{record.msg!r} {record.args!r}"
        self.leaks += [f"log record {record.name}: ...{leak}..." for leak in canary_leaks(text)]


_STANDARD_RECORD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD_RECORD}


@pytest.fixture(autouse=True)
def no_canary_leaks(monkeypatch: pytest.MonkeyPatch) -> Iterator[_CanaryWatch]:
    watch = _CanaryWatch()
    root = logging.getLogger()
    level = root.level
    root.addHandler(watch)
    root.setLevel(logging.DEBUG)
    communicate = subprocess.Popen.communicate

    def watched_communicate(process: subprocess.Popen, *args: Any, **kwargs: Any) -> Any:
        outputs = communicate(process, *args, **kwargs)
        for output in outputs:
            if output:
                text = output if isinstance(output, str) else output.decode("utf-8", "replace")
                watch.leaks += [
                    f"subprocess {process.args!r}: ...{leak}..." for leak in canary_leaks(text)
                ]
        return outputs

    monkeypatch.setattr(subprocess.Popen, "communicate", watched_communicate)
    handlers = list(root.handlers)
    try:
        yield watch
    finally:
        root.removeHandler(watch)
        root.setLevel(level)
        # A handler a test left on the root logger (an in-process CLI run configures logging)
        # writes to that test's captured stream, closed by now: every later record would print
        # a "Logging error" traceback. pytest's own capture handlers it removes itself.
        for handler in set(root.handlers) - set(handlers):
            if not type(handler).__module__.startswith("_pytest."):
                root.removeHandler(handler)
    if watch.leaks:
        pytest.fail("a canary secret leaked:\n" + "\n".join(watch.leaks[:10]), pytrace=False)


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_setup(item: pytest.Item):
    _quiet_pytest_capture()
    yield


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item):
    _quiet_pytest_capture()
    yield


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item):
    _quiet_pytest_capture()
    yield


def _quiet_pytest_capture() -> None:
    """pytest's own log capture (each phase's new handlers, inside this wrapper) keeps WARNING
    and above, as it did before the guard lowered the root logger to DEBUG: it keeps every
    passed test's captured log until the session ends, which at DEBUG costs gigabytes. A test
    that wants more from `caplog` asks with `caplog.set_level`, as before."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, LogCaptureHandler) and handler.level == logging.NOTSET:
            handler.setLevel(logging.WARNING)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """What the test printed (captured stdout and stderr) must hold no canary either."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "teardown" or report.failed:  # at teardown: what every phase printed
        return
    if item.get_closest_marker("xfail"):  # a known leak, reported by its own failing assertions
        return
    leaks = canary_leaks(report.capstdout + report.capstderr)
    if leaks:
        report.outcome = "failed"
        report.longrepr = "a canary secret was printed:\n" + "\n".join(leaks)


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the session (`tests.postgres`): skipped locally without
    Debian's binaries, a failure in CI."""
    from tests.postgres import PostgresServer, require_postgres

    server = PostgresServer(require_postgres())
    server.start()
    yield server
    server.remove()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh database on it."""
    return postgres_server.new_database()
