"""The faces under the fault matrix, each on a fresh sandbox and a Lucca client that never sleeps.

The core waits until Lucca's own 5 s abort before looking up a lost answer; it waits through the
client's injected `sleep`, which here records the wait and returns at once, so that the in-process
faces run the whole matrix in seconds. (The CLI, a real process, really waits: see its test.)
"""

from collections.abc import Iterator

import pytest

# The Slack face's fixtures, as tests/bot runs it: Bolt behind uvicorn, a fake Slack over HTTP.
from tests.bot.conftest import (  # noqa: F401 - fixtures
    events_url,
    fake_slack,
    http,
    http_driver,
    lucca,  # 0.5 s timeout, so that the slow-answer row is quick; a sleep that only records
    settings_overrides,
    slack_app,
)
from tests.faults.matrix import Witness
from tools.sandbox.runner import SandboxServer


@pytest.fixture
def witness(sandbox: SandboxServer) -> Iterator[Witness]:
    watching = Witness(sandbox)
    yield watching
    watching.close()
