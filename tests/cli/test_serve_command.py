"""`lucca-training serve`: one process answering an assistant at /mcp and Slack at /slack/events."""

import httpx
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    BOT_TOKEN,
    SIGNING_SECRET,
    USER,
    VALID_FORM,
    SignedHttp,
    SlackDriver,
)
from tests.servers import free_port, serving
from tests.support import MCP_TOKEN, SANDBOX_KEY, VALID_DRAFT, posts

TOKEN = MCP_TOKEN


@pytest.fixture
def fake_slack():
    with FakeSlack(BOT_TOKEN) as fake:
        yield fake
    assert fake.view_problems == []


@pytest.fixture
def both_faces(sandbox, fake_slack, tmp_path):
    env = {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "MCP_AUTH_TOKENS": TOKEN,
        "MCP_CONFIRM": "never",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
    }
    with serving(["serve"], env, str(tmp_path), free_port()) as base_url:
        yield base_url


async def test_slack_and_an_assistant_each_create_through_the_same_server(
    both_faces, fake_slack, sandbox
):
    async with httpx.AsyncClient(trust_env=False) as http:
        driver = SlackDriver(fake_slack, SignedHttp(http, f"{both_faces}/slack/events"))
        view_id = await driver.open_form()
        answer = await driver.submit(view_id, VALID_FORM)
    assert answer.body["response_action"] == "update"
    dm = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    assert dm[0].args["channel"] == USER and "*#45*" in dm[0].args["text"]

    headers = {"Authorization": f"Bearer {TOKEN}"}
    transport = streamable_http_client(
        f"{both_faces}/mcp", http_client=create_mcp_http_client(headers=headers)
    )
    # Another training than Slack's: the same one would be found in the catalog, not created.
    draft = {**VALID_DRAFT, "title": "Negotiation in practice"}
    async with Client(transport) as session:
        result = await session.call_tool("create_training", draft)
    assert result.structured_content["training"]["id"] == 46
    assert [entry["status"] for entry in posts(sandbox)] == [201, 201]


def test_a_forged_slack_request_is_refused_by_the_server(both_faces):
    response = httpx.post(
        f"{both_faces}/slack/events",
        content=b"command=%2Ftraining-create",
        headers={"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=forged"},
        trust_env=False,
    )
    assert response.status_code == 401


def test_without_slack_settings_slack_events_is_404(sandbox, tmp_path):
    env = {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY}
    with serving(["serve"], env, str(tmp_path), free_port()) as base_url:
        response = httpx.post(f"{base_url}/slack/events", content=b"x", trust_env=False)
    assert response.status_code == 404
