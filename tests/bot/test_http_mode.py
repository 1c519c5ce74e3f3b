"""`/slack/events` in HTTP mode: only Slack's signed requests get in."""

import time
from urllib.parse import urlencode

import httpx

from bot import ids
from bot.http_mode import MAX_BODY_BYTES, slack_events_asgi
from tests.bot.conftest import DRAIN_SECONDS, serve_asgi
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    SIGNING_SECRET,
    VALID_FORM,
    SignedHttp,
    SlackDriver,
    signature_headers,
)
from tests.support import posts


def command_body(driver: SlackDriver) -> bytes:
    return urlencode(driver.command_fields("U0ANN", "", "C0GENERAL")).encode()


async def test_a_forged_signature_gets_401_and_no_modal(
    http_driver: SlackDriver, http: httpx.AsyncClient, events_url: str, fake_slack: FakeSlack
):
    body = command_body(http_driver)
    forged = signature_headers(body, secret="not-the-signing-secret")
    response = await http.post(events_url, content=body, headers=forged)
    assert response.status_code == 401
    assert fake_slack.calls == []


async def test_a_body_changed_after_signing_gets_401(
    http_driver: SlackDriver, http: httpx.AsyncClient, events_url: str
):
    body = command_body(http_driver)
    headers = signature_headers(body)
    response = await http.post(events_url, content=body + b"&text=x", headers=headers)
    assert response.status_code == 401


async def test_a_stale_signature_gets_401_even_if_correctly_signed(
    http_driver: SlackDriver, http: httpx.AsyncClient, events_url: str, fake_slack: FakeSlack
):
    body = command_body(http_driver)
    stale = signature_headers(body, SIGNING_SECRET, timestamp=int(time.time()) - 6 * 60)
    response = await http.post(events_url, content=body, headers=stale)
    assert response.status_code == 401
    assert fake_slack.calls == []


async def test_an_unsigned_request_gets_401(http: httpx.AsyncClient, events_url: str):
    response = await http.post(events_url, content=b"payload=%7B%7D")
    assert response.status_code == 401


async def test_only_post_is_answered(http: httpx.AsyncClient, events_url: str):
    response = await http.get(events_url)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_an_oversized_body_is_refused_before_anything_else(
    http: httpx.AsyncClient, events_url: str
):
    body = b"x" * (MAX_BODY_BYTES + 1)
    response = await http.post(events_url, content=body, headers=signature_headers(body))
    assert response.status_code == 413


async def test_a_body_that_is_not_utf8_is_refused(http: httpx.AsyncClient, events_url: str):
    body = b"payload=\xff\xfe"
    response = await http.post(events_url, content=body, headers=signature_headers(body))
    assert response.status_code == 400


async def test_it_answers_on_whatever_path_it_is_mounted_at(
    http_driver: SlackDriver, http: httpx.AsyncClient, events_url: str
):
    mounted = SlackDriver(
        http_driver.fake, SignedHttp(http, events_url.replace("/slack/events", "/"))
    )
    await mounted.open_form()


async def test_it_serves_as_a_starlette_route_in_the_combined_server(slack_app, fake_slack):
    from starlette.applications import Starlette
    from starlette.routing import Route

    events = slack_events_asgi(slack_app)
    server = Starlette(routes=[Route("/slack/events", events, methods=["POST"])])
    transport = httpx.ASGITransport(app=server)
    async with httpx.AsyncClient(transport=transport, base_url="http://serve.test") as client:
        driver = SlackDriver(fake_slack, SignedHttp(client, "/slack/events"))
        view_id = await driver.open_form()
        await driver.submit(view_id, VALID_FORM)
        await events.drain(timeout=DRAIN_SECONDS)  # what the combined server's shutdown calls
    assert fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK


async def test_shutting_down_lets_a_creation_in_flight_finish(
    slack_app, fake_slack: FakeSlack, http: httpx.AsyncClient, sandbox
):
    sandbox.add_faults({"delay": 0.3})
    async with serve_asgi(slack_events_asgi(slack_app)) as base_url:
        driver = SlackDriver(fake_slack, SignedHttp(http, base_url + "/slack/events"))
        view_id = await driver.open_form()
        answer = await driver.submit(view_id, VALID_FORM)
        assert answer.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    # The server has stopped: the creation it had started is done and the user was told.
    assert [entry["status"] for entry in posts(sandbox)] == [201]
    assert fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
