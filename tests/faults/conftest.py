"""The faces under the fault matrix, each on a fresh sandbox and a Lucca client that never sleeps.

The core waits until Lucca's own 5 s abort before looking up a lost answer; it waits through the
client's injected `sleep`, which here records the wait and returns at once, so that the in-process
faces run the whole matrix in seconds. (The CLI, a real process, really waits: see its test.)
"""

from collections.abc import AsyncIterator, Iterator

import pytest

# The Slack face's fixtures, as tests/bot runs it: Bolt behind uvicorn, a fake Slack over HTTP.
from tests.bot.conftest import (  # noqa: F401 - fixtures
    events_url,
    fake_slack,
    http,
    http_driver,
    settings_overrides,
    slack_app,
)
from tests.faults.matrix import Witness
from tests.support import SANDBOX_KEY
from tools.core.client import LuccaClient, RetryPolicy, new_http_client
from tools.sandbox.runner import SandboxServer

# Short, so that the slow-answer row is quick; loopback answers in milliseconds.
FACE_TIMEOUT_SECONDS = 0.5


@pytest.fixture
async def lucca(sandbox: SandboxServer, sleeps: list[float]) -> AsyncIterator[LuccaClient]:
    async def record_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async with new_http_client(timeout_seconds=FACE_TIMEOUT_SECONDS) as http_client:
        yield LuccaClient(
            http_client,
            sandbox.base_url,
            SANDBOX_KEY,
            retry=RetryPolicy(max_rate_limit_wait=30.0, connect_backoff=(0.01, 0.02)),
            sleep=record_sleep,
        )


@pytest.fixture
def witness(sandbox: SandboxServer) -> Iterator[Witness]:
    watching = Witness(sandbox)
    yield watching
    watching.close()
