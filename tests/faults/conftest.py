"""The faces under the fault matrix, each on a fresh sandbox and a Lucca client that never sleeps.

The core waits until Lucca's own 5 s abort before looking up a lost answer; it waits through the
client's injected `sleep`, which here records the wait and returns at once, so that the in-process
faces run the whole matrix in seconds. (The CLI, a real process, really waits: see its test.)
"""

from collections.abc import Iterator

import pytest

# The Slack face's fixtures, as tests/bot runs it: Bolt behind uvicorn, a fake Slack over HTTP.
from tests.bot.conftest import (  # noqa: F401 - fixtures
    LUCCA_TIMEOUT_SECONDS,
    events_url,
    fake_slack,
    http,
    http_driver,
    lucca,  # a sleep that only records; its timeout is `lucca_timeout_seconds` below
    settings_overrides,
    slack_app,
)
from tests.faults.matrix import Witness
from tests.support import LUCCA_WAIT_SECONDS
from tools.sandbox.runner import SandboxServer


@pytest.fixture
def lucca_timeout_seconds(request: pytest.FixtureRequest) -> float:
    """Short for the rows where Lucca is slow on purpose (a `delay` fault far past it), so they
    are quick; a safety net for the others, which a loaded machine must not turn into timeouts."""
    case = getattr(request.node, "callspec", None) and request.node.callspec.params.get("case")
    return LUCCA_TIMEOUT_SECONDS if case is not None and case.slow else LUCCA_WAIT_SECONDS


@pytest.fixture
def witness(sandbox: SandboxServer) -> Iterator[Witness]:
    watching = Witness(sandbox)
    yield watching
    watching.close()
