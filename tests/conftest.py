"""Shared fixtures: a real sandbox on a loopback socket, and a core client pointed at it."""

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.support import SANDBOX_KEY
from tools.core.client import LuccaClient, RetryPolicy, new_http_client
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
    async def record_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async with new_http_client(timeout_seconds=2.0) as http:
        yield LuccaClient(
            http,
            sandbox.base_url,
            SANDBOX_KEY,
            retry=RetryPolicy(max_rate_limit_wait=30.0, connect_backoff=(0.01, 0.02)),
            sleep=record_sleep,
        )
