"""A Lucca client that records every request it sends, for tests that check where requests go
and what they carry; and the Slack face's fixtures, as tests/bot runs it."""

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.bot.conftest import (  # noqa: F401 - fixtures
    events_url,
    fake_slack,
    http,
    http_driver,
    settings_overrides,
    slack_app,
)
from tests.support import LUCCA_WAIT_SECONDS, sandbox_client
from tools.core.client import LuccaClient
from tools.sandbox.runner import SandboxServer


@pytest.fixture
def sent() -> list[httpx.Request]:
    """Every request the `lucca` client sent, as it went on the wire."""
    return []


@pytest.fixture
async def lucca(
    sandbox: SandboxServer, sent: list[httpx.Request], sleeps: list[float]
) -> AsyncIterator[LuccaClient]:
    async def record(request: httpx.Request) -> None:
        await request.aread()
        sent.append(request)

    # As new_http_client builds it, plus a hook: the transport stays httpx's own.
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(LUCCA_WAIT_SECONDS),  # no test here makes Lucca slow
        follow_redirects=False,
        trust_env=False,
        event_hooks={"request": [record]},
    ) as client:
        yield sandbox_client(client, sandbox, sleeps)
