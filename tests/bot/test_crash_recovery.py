"""Nothing lost on a crash: `serve` killed with SIGKILL around a Slack creation, then restarted on
the same SQLite store, or another replica on the same PostgreSQL, finishes it.

Real processes (the console script), a sandbox that outlives them (in this test process, reached
over LUCCA_BASE_URL), a fake Slack both processes talk to, signed requests. Each time: exactly one
training in the sandbox, and the user shown the result (the modal or a DM) within 15 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Iterator

import httpx
import pytest

from bot import ids
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    BOT_TOKEN,
    SIGNING_SECRET,
    USER,
    VALID_FORM,
    SignedHttp,
    SlackDriver,
)
from tests.servers import Served, free_port, served
from tests.support import SANDBOX_KEY, posts
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer

SHOWN_WITHIN_SECONDS = 15.0
STARTS_WITHIN_SECONDS = 60.0  # two cores shared with other work: an import can be slow
TITLE = VALID_FORM[ids.TITLE_BLOCK]


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """No rate limit: the test reads the catalog as often as it polls for the result."""
    with SandboxServer(SandboxConfig(api_key=SANDBOX_KEY, rate_limit=0)) as server:
        yield server


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack(BOT_TOKEN) as fake:
        yield fake


def serve_env(sandbox, fake_slack: FakeSlack, state_url: str) -> dict[str, str]:
    return {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "STATE_URL": state_url,
    }


def trainings_titled(sandbox, title: str) -> list[dict]:
    answer = httpx.get(
        f"{sandbox.base_url}/talent-training/api/v1/trainings",
        params={"limit": 100},
        headers={"Authorization": f"lucca application={SANDBOX_KEY}"},
        trust_env=False,
    )
    return [item for item in answer.json()["items"] if item["title"] == title]


async def submit(fake_slack: FakeSlack, server: Served) -> str:
    async with httpx.AsyncClient(trust_env=False, timeout=10) as http:
        driver = SlackDriver(fake_slack, SignedHttp(http, f"{server.base_url}/slack/events"))
        view_id = await driver.open_form()
        answer = await driver.submit(view_id, VALID_FORM)
    assert answer.body["response_action"] == "update"  # acknowledged: "Creating..."
    assert answer.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    return view_id


def kill(server: Served) -> None:
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(10)


def result_shown(fake_slack: FakeSlack, view_id: str, training_id: int) -> bool:
    modal = fake_slack.views[view_id].view.get("callback_id") == ids.RESULT_CALLBACK
    dm = any(
        call.args.get("channel") == USER and f"#{training_id}" in call.args.get("text", "")
        for call in fake_slack.calls_to("chat.postMessage")
    )
    return modal or dm


async def wait_for_the_result(fake_slack, sandbox, view_id, since: float) -> None:
    """Exactly one training, and the user told, within 15 s of the restart."""

    def settled() -> bool:
        found = trainings_titled(sandbox, TITLE)
        return len(found) == 1 and result_shown(fake_slack, view_id, found[0]["id"])

    await fake_slack.wait_for(settled, timeout=SHOWN_WITHIN_SECONDS)
    assert time.monotonic() - since < SHOWN_WITHIN_SECONDS
    assert len(trainings_titled(sandbox, TITLE)) == 1


async def wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        await asyncio.sleep(0.02)


def in_flight_post(sandbox) -> bool:
    return any(entry["status"] is None for entry in posts(sandbox))


CRASHES = {
    # (a) killed right after the acknowledgement: the creation had not started
    "after_ack": (None, None),
    # (b) killed while the POST is in flight (Lucca takes 3 s to store it)
    "post_in_flight": ({"method": "POST", "delay": 3}, in_flight_post),
    # (c) Lucca stored it, the answer was never read
    "stored_not_answered": (
        {"method": "POST", "delay": 30, "when": "after"},
        lambda sandbox: len(trainings_titled(sandbox, TITLE)) == 1,
    ),
}


@pytest.mark.parametrize("crash", sorted(CRASHES))
async def test_a_killed_process_restarted_on_its_sqlite_store_finishes(
    crash, sandbox, fake_slack, tmp_path
):
    fault, killed_when = CRASHES[crash]
    env = serve_env(sandbox, fake_slack, f"sqlite:///{tmp_path / 'state.sqlite3'}")
    port = free_port()
    if fault:
        sandbox.add_faults(fault)
    with served(["serve"], env, str(tmp_path), port, STARTS_WITHIN_SECONDS) as first:
        view_id = await submit(fake_slack, first)
        if killed_when is not None:
            await wait_until(lambda: killed_when(sandbox))
        kill(first)
    with served(
        ["serve"], env, str(tmp_path), port, STARTS_WITHIN_SECONDS
    ):  # up once it answers /healthz
        await wait_for_the_result(fake_slack, sandbox, view_id, time.monotonic())


@contextlib.contextmanager
def two_replicas(env: dict[str, str], cwd: str) -> Iterator[tuple[Served, Served]]:
    with (
        served(["serve"], env, cwd, free_port(), STARTS_WITHIN_SECONDS) as one,
        served(["serve"], env, cwd, free_port(), STARTS_WITHIN_SECONDS) as other,
    ):
        yield one, other


@pytest.mark.parametrize("crash", sorted(CRASHES))
async def test_a_killed_replica_is_taken_over_by_another_on_postgresql(
    crash, sandbox, fake_slack, tmp_path, postgres_url
):
    fault, killed_when = CRASHES[crash]
    env = serve_env(sandbox, fake_slack, postgres_url)
    if fault:
        sandbox.add_faults(fault)
    with two_replicas(env, str(tmp_path)) as (doomed, _survivor):
        view_id = await submit(fake_slack, doomed)
        if killed_when is not None:
            await wait_until(lambda: killed_when(sandbox))
        kill(doomed)
        await wait_for_the_result(fake_slack, sandbox, view_id, time.monotonic())
