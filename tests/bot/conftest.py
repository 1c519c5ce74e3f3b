"""The Slack face under test, as it runs: Bolt served by uvicorn on a loopback port, a fake Slack
Web API over real HTTP, and the sandbox behind the core over real HTTP."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import uvicorn

from bot.app import SlackFace, build_slack_app
from bot.http_mode import slack_events_asgi
from bot.settings import SlackSettings
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    APP_TOKEN,
    BOT_TOKEN,
    SIGNING_SECRET,
    SignedHttp,
    SlackDriver,
    SocketDispatch,
)
from tests.support import LUCCA_WAIT_SECONDS, sandbox_client
from tools.core.client import LuccaClient, new_http_client
from tools.core.trainings import Trainings
from tools.drafting.settings import LlmConnection
from tools.sandbox.runner import SandboxServer

# The Lucca client's timeout in tests that make Lucca answer too late on purpose (a `delay` fault
# well past it): short, so that they are quick. Every other test gets LUCCA_WAIT_SECONDS.
LUCCA_TIMEOUT_SECONDS = 0.5
# The app waits this long after answering a submission before updating the modal, so that Slack
# has applied its answer first; the driver applies answers within milliseconds of receiving them.
SETTLE_SECONDS = 0.3  # as in production: a busy 2-core CI machine can take 100 ms to apply one
STARTUP_WAIT_SECONDS = 30.0  # a safety net for uvicorn's start-up, never a measure
# drain() returns as soon as the creations in flight are done; the bound is only a safety net.
DRAIN_SECONDS = 30.0


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack(BOT_TOKEN, APP_TOKEN, settle_seconds=SETTLE_SECONDS) as fake:
        yield fake
    # Every view the app sent (modals, updates, answers to submissions) must be one Slack takes,
    # and every message too.
    assert fake.view_problems == []
    assert fake.message_problems == []


def slack_settings(fake: FakeSlack, **overrides: object) -> SlackSettings:
    """Every setting given, so that no .env or environment variable of the machine leaks in."""
    values: dict[str, object] = {
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_app_token": APP_TOKEN,
        "slack_api_url": fake.api_url,
        "slack_allowed_users": (),
        "slack_allowed_usergroups": (),
        **overrides,
    }
    return SlackSettings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def lucca_timeout_seconds() -> float:
    """Tests of a slow Lucca parametrize this with LUCCA_TIMEOUT_SECONDS."""
    return LUCCA_WAIT_SECONDS


@pytest.fixture
async def lucca(
    sandbox: SandboxServer, sleeps: list[float], lucca_timeout_seconds: float
) -> AsyncIterator[LuccaClient]:
    async with new_http_client(timeout_seconds=lucca_timeout_seconds) as http:
        yield sandbox_client(http, sandbox, sleeps)


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    """Tests that need other settings (allowed users...) override this fixture."""
    return {}


def slack_face(
    fake: FakeSlack,
    trainings: Trainings,
    *,
    settings_overrides: dict[str, object] | None = None,
    **options: Any,
) -> SlackFace:
    """The Slack face as the tests build it: against the fake Slack, paced for tests; `options`
    go to `build_slack_app` (a store, a model)."""
    settings = slack_settings(fake, **(settings_overrides or {}))
    return build_slack_app(
        settings, trainings, settle_seconds=SETTLE_SECONDS, start_delay=0.0, **options
    )


@asynccontextmanager
async def driving(fake: FakeSlack, face: SlackFace) -> AsyncIterator[SlackDriver]:
    """Signed requests to the face's ASGI app, handed over in process (see `driver`)."""
    transport = httpx.ASGITransport(app=slack_events_asgi(face))
    async with httpx.AsyncClient(transport=transport, base_url="http://slack.test") as client:
        yield SlackDriver(fake, SignedHttp(client, "/slack/events"))


@pytest.fixture
async def slack_app(
    fake_slack: FakeSlack,
    trainings: Trainings,
    settings_overrides: dict[str, object],
    llm: LlmConnection | None,
) -> AsyncIterator[SlackFace]:
    face = slack_face(fake_slack, trainings, settings_overrides=settings_overrides, llm=llm)
    yield face
    await face.drain(timeout=DRAIN_SECONDS)


@pytest.fixture
async def events_url(slack_app: SlackFace) -> AsyncIterator[str]:
    """`/slack/events` served by uvicorn on a loopback port, as `lucca-training serve` would."""
    async with serve_asgi(slack_events_asgi(slack_app)) as base_url:
        yield base_url + "/slack/events"


class serve_asgi:  # used as `async with serve_asgi(app) as url`
    """Serve an ASGI app with uvicorn in this event loop, on a free loopback port."""

    def __init__(self, app) -> None:
        self.app = app

    async def __aenter__(self) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        config = uvicorn.Config(self.app, log_level="warning", lifespan="on", access_log=False)
        self.server = uvicorn.Server(config)
        self.task = asyncio.create_task(self.server.serve(sockets=[sock]))
        # Polls uvicorn's own flag; the deadline is only a safety net against a server that hangs.
        async with asyncio.timeout(STARTUP_WAIT_SECONDS):
            while not self.server.started:
                if self.task.done():
                    self.task.result()
                await asyncio.sleep(0.005)
        return f"http://127.0.0.1:{sock.getsockname()[1]}"

    async def __aexit__(self, *exc: object) -> None:
        self.server.should_exit = True
        await self.task


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10.0) as client:
        yield client


@pytest.fixture
def http_driver(fake_slack: FakeSlack, http: httpx.AsyncClient, events_url: str) -> SlackDriver:
    """Slack, in HTTP mode: signed requests to /slack/events over real HTTP (uvicorn)."""
    return SlackDriver(fake_slack, SignedHttp(http, events_url))


@pytest.fixture
async def driver(fake_slack: FakeSlack, slack_app: SlackFace) -> AsyncIterator[SlackDriver]:
    """Slack, in HTTP mode: signed requests to the same ASGI app, handed over in process.

    Everything but the socket is the HTTP path (signature, body, Bolt, the answer); most tests
    use this one because a uvicorn server per test costs a quarter of a second.
    """
    async with driving(fake_slack, slack_app) as driver:
        yield driver


@pytest.fixture
def socket_driver(fake_slack: FakeSlack, slack_app: SlackFace) -> SlackDriver:
    """Slack, in Socket Mode: payloads handed to `async_dispatch`, as the adapter does."""
    return SlackDriver(fake_slack, SocketDispatch(slack_app.app))
