"""A replayed Slack request. Slack's signature proves a request is Slack's and at most five
minutes old, not that it is new: within those five minutes a captured request verifies again.
So a replayed view_submission must not create a second training (the app's registry of
submitted modals, and after a restart the catalog's title check, see to it); outside the window
it is refused (tests/bot/test_http_mode.py sends a correctly signed stale request)."""

from collections.abc import AsyncIterator

import httpx
import pytest

from bot import ids
from bot.app import build_slack_app
from bot.http_mode import slack_events_asgi
from tests.bot.conftest import DRAIN_SECONDS, SETTLE_SECONDS, slack_settings
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    VALID_FORM,
    SignedHttp,
    SlackDriver,
    _answer,
    signature_headers,
)
from tests.support import LUCCA_WAIT_SECONDS, SANDBOX_KEY, posts
from tools.core.client import LuccaClient, new_http_client
from tools.core.trainings import Trainings
from tools.sandbox.runner import SandboxServer


class CapturingHttp(SignedHttp):
    """Sends as Slack does, and keeps each request's exact bytes and headers, as an eavesdropper
    would."""

    captured: list[tuple[bytes, dict[str, str]]]

    async def post(self, body: bytes, headers={}):  # noqa: B006 - as the parent's
        signed = {**signature_headers(body, self.secret), **headers}
        self.captured.append((body, signed))
        response = await self.http.post(self.url, content=body, headers=signed)
        return _answer(response.status_code, response.text)


@pytest.fixture
def capturing_driver(fake_slack: FakeSlack, http: httpx.AsyncClient, events_url: str):
    transport = CapturingHttp(http, events_url)
    transport.captured = []
    return SlackDriver(fake_slack, transport), transport


async def submitted_once(driver: SlackDriver, fake_slack: FakeSlack) -> tuple[str, bytes, dict]:
    """Open the form, submit it, wait for the result; the submission as it went over the wire."""
    view_id = await driver.open_form()
    await driver.submit(view_id, VALID_FORM)
    opened = fake_slack.views[view_id]
    await fake_slack.wait_for(lambda: opened.view["callback_id"] == ids.RESULT_CALLBACK)
    body, headers = driver.transport.captured[-1]
    return view_id, body, headers


async def test_a_submission_replayed_within_the_window_creates_nothing_more(
    capturing_driver, fake_slack: FakeSlack, http: httpx.AsyncClient, events_url: str, sandbox
):
    driver, _ = capturing_driver
    _, body, headers = await submitted_once(driver, fake_slack)

    replayed = await http.post(events_url, content=body, headers=headers)

    assert replayed.status_code == 200  # the signature is valid: Slack's scheme allows it
    assert replayed.json()["view"]["callback_id"] == ids.RESULT_CALLBACK  # the same result
    assert len(posts(sandbox)) == 1


@pytest.fixture
async def restarted_app(fake_slack: FakeSlack, sandbox: SandboxServer) -> AsyncIterator[str]:
    """The same app in a new process: its own Lucca client, an empty registry of submissions."""
    async with new_http_client(timeout_seconds=LUCCA_WAIT_SECONDS) as http_client:
        lucca = LuccaClient(http_client, sandbox.base_url, SANDBOX_KEY)
        face = build_slack_app(
            slack_settings(fake_slack), Trainings(lucca), settle_seconds=SETTLE_SECONDS
        )
        transport = httpx.ASGITransport(app=slack_events_asgi(face))
        async with httpx.AsyncClient(transport=transport, base_url="http://slack.test") as client:
            yield client
        await face.drain(timeout=DRAIN_SECONDS)


async def test_a_submission_replayed_to_a_restarted_app_creates_nothing_more(
    capturing_driver, fake_slack: FakeSlack, restarted_app: httpx.AsyncClient, sandbox
):
    driver, _ = capturing_driver
    _, body, headers = await submitted_once(driver, fake_slack)
    messages_before = len(fake_slack.calls_to("chat.postMessage"))

    replayed = await restarted_app.post("/slack/events", content=body, headers=headers)

    assert replayed.status_code == 200
    await fake_slack.wait_for(
        lambda: len(fake_slack.calls_to("chat.postMessage")) > messages_before
    )  # the restarted app finished: it found the training already in the catalog
    assert len(posts(sandbox)) == 1
