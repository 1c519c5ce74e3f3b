"""`serve` run as operators run it: health, readiness, metrics, JSON logs, audit, graceful stop.

Each test starts the real console script (`tests.servers.served`) and talks to it over HTTP, with
a sandbox in this process (its request log shows what reached "Lucca") or `--sandbox`.
"""

import asyncio
import json
import signal

import httpx
import pytest
from mcp import Client
from prometheus_client.parser import text_string_to_metric_families

from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    BOT_TOKEN,
    SIGNING_SECRET,
    USER,
    VALID_FORM,
    SignedHttp,
    SlackDriver,
)
from tests.servers import EXIT_TIMEOUT_SECONDS, free_port, served, stateless_tool_call
from tests.support import SANDBOX_KEY, VALID_DRAFT, posts

# uvicorn stops cleanly, then ends by the signal it caught, as a process without a handler would.
STOPPED_BY_SIGTERM = (0, -signal.SIGTERM)
# A title a user could type: a line break, then what would pass for a log record of its own.
FORGED_TITLE = 'Negotiation\n{"level":"ERROR","logger":"lucca_training.audit","message":"forged"}'


def lucca_env(sandbox, **extra: str) -> dict[str, str]:
    return {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY, **extra}


def get(url: str, **kwargs) -> httpx.Response:
    return httpx.get(url, trust_env=False, timeout=10, **kwargs)


def json_lines(stderr: str) -> list[dict]:
    """Every line the server logged, each of which must be one JSON object."""
    return [json.loads(line) for line in stderr.splitlines()]


def metric(text: str, name: str, **labels: str) -> float | None:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and labels.items() <= sample.labels.items():
                return sample.value
    return None


def test_healthz_answers_alive_and_echoes_a_sane_request_id(sandbox, tmp_path):
    with served(["serve"], lucca_env(sandbox), str(tmp_path), free_port()) as server:
        alive = get(f"{server.base_url}/healthz", headers={"X-Request-Id": "lb-7f3a.42"})
        replaced = get(f"{server.base_url}/healthz", headers={"X-Request-Id": "two words"})
    assert alive.status_code == 200 and alive.json() == {"status": "ok"}
    assert alive.headers["x-request-id"] == "lb-7f3a.42"
    assert replaced.headers["x-request-id"] not in ("", "two words")


def test_readyz_is_up_and_asks_lucca_at_most_once_a_minute(sandbox, tmp_path):
    with served(["serve"], lucca_env(sandbox), str(tmp_path), free_port()) as server:
        first = get(f"{server.base_url}/readyz")
        second = get(f"{server.base_url}/readyz")
    assert first.status_code == second.status_code == 200
    assert first.json()["status"] == "ready"
    lucca_requests = [entry for entry in sandbox.requests_log() if entry["method"] == "GET"]
    assert len(lucca_requests) == 1, sandbox.requests_log()  # the second probe used the cache


def test_readyz_is_down_when_lucca_is_unreachable_and_names_no_secret(tmp_path):
    env = {
        "LUCCA_BASE_URL": f"http://127.0.0.1:{free_port()}",
        "LUCCA_API_KEY": "canary-key-123456",
    }
    with served(["serve"], env, str(tmp_path), free_port()) as server:
        ready = get(f"{server.base_url}/readyz")
        alive = get(f"{server.base_url}/healthz")
    assert ready.status_code == 503 and alive.status_code == 200
    assert ready.json()["status"] == "not ready"
    assert "Could not connect to Lucca" in ready.json()["reason"]
    assert "canary-key-123456" not in ready.text and "canary-key-123456" not in server.stderr


async def test_metrics_count_a_creation_and_the_logs_are_json_lines_with_its_audit(tmp_path):
    env = {"MCP_CONFIRM": "never", "LOG_LEVEL": "DEBUG"}
    with served(["serve", "--sandbox"], env, str(tmp_path), free_port()) as server:
        async with Client(f"{server.base_url}/mcp") as session:
            result = await session.call_tool(
                "create_training", {**VALID_DRAFT, "title": FORGED_TITLE}
            )
        assert not result.is_error, result.content
        training_id = result.structured_content["training"]["id"]
        page = get(f"{server.base_url}/metrics")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/plain")
    created = metric(page.text, "lucca_training_creations_total", face="mcp", outcome="created")
    assert created == 1
    posted = metric(page.text, "lucca_training_lucca_request_seconds_count", method="POST")
    assert posted == 1
    assert metric(page.text, "lucca_training_http_requests_total", face="mcp") >= 1

    logged = json_lines(server.stderr)  # fails here if any line is not JSON
    assert all({"time", "level", "logger", "message"} <= entry.keys() for entry in logged)
    requests = [entry for entry in logged if entry["logger"] == "lucca_training.http"]
    assert requests and all(entry["request_id"] and "latency_ms" in entry for entry in requests)
    assert {entry["face"] for entry in requests} >= {"mcp"}
    (audit,) = [entry for entry in logged if entry.get("event") == "audit"]
    assert audit["face"] == "mcp" and audit["title"] == FORGED_TITLE
    assert (audit["outcome"], audit["training_id"], audit["error"]) == (
        "created",
        training_id,
        None,
    )
    assert audit["at"] and audit["latency_ms"] > 0
    assert not any(entry.get("message") == "forged" for entry in logged)


@pytest.fixture
def fake_slack():
    with FakeSlack(BOT_TOKEN) as fake:
        yield fake


async def test_sigterm_lets_an_in_flight_slack_creation_finish_and_report(
    sandbox, fake_slack, tmp_path
):
    env = lucca_env(
        sandbox,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.api_url,
        SHUTDOWN_GRACE_SECONDS="20",
    )
    with served(["serve"], env, str(tmp_path), free_port()) as server:
        sandbox.add_faults({"delay": 3, "method": "POST"})  # Lucca takes 3 s for this creation
        async with httpx.AsyncClient(trust_env=False) as http:
            driver = SlackDriver(fake_slack, SignedHttp(http, f"{server.base_url}/slack/events"))
            view_id = await driver.open_form()
            answer = await driver.submit(view_id, VALID_FORM)
        assert answer.body["response_action"] == "update"  # acknowledged: "Creating..."
        await fake_slack.wait_for(lambda: posts(sandbox))  # the POST is in flight
        assert posts(sandbox)[0]["status"] is None
        server.process.send_signal(signal.SIGTERM)
        exit_code = await asyncio.to_thread(server.process.wait, EXIT_TIMEOUT_SECONDS)
    assert exit_code in STOPPED_BY_SIGTERM, server.stderr
    assert [entry["status"] for entry in posts(sandbox)] == [201]  # created once, not cut
    dm = fake_slack.calls_to("chat.postMessage")
    assert dm and dm[0].args["channel"] == USER and "*#45*" in dm[0].args["text"]
    logged = json_lines(server.stderr)
    assert any("Slack creation(s) in flight" in entry["message"] for entry in logged)
    (audit,) = [entry for entry in logged if entry.get("event") == "audit"]
    assert (audit["face"], audit["who"], audit["training_id"]) == ("slack", USER, 45)


async def test_sigterm_lets_an_in_flight_mcp_call_answer(sandbox, tmp_path):
    env = lucca_env(sandbox, MCP_CONFIRM="never", MCP_STATELESS="true", SHUTDOWN_GRACE_SECONDS="10")
    with served(["serve"], env, str(tmp_path), free_port()) as server:
        sandbox.add_faults({"delay": 2, "method": "POST"})
        async with httpx.AsyncClient(trust_env=False, timeout=15) as http:
            call = asyncio.create_task(
                http.post(f"{server.base_url}/mcp", **stateless_tool_call(VALID_DRAFT))
            )
            async with asyncio.timeout(30):  # the POST is in flight; a safety net, not a measure
                while not posts(sandbox):
                    await asyncio.sleep(0.02)
            server.process.send_signal(signal.SIGTERM)
            answer = await call
        exit_code = await asyncio.to_thread(server.process.wait, EXIT_TIMEOUT_SECONDS)
    assert answer.status_code == 200, answer.text
    result = answer.json()["result"]
    assert not result["isError"] and result["structuredContent"]["training"]["id"] == 45
    assert exit_code in STOPPED_BY_SIGTERM
    assert [entry["status"] for entry in posts(sandbox)] == [201]
