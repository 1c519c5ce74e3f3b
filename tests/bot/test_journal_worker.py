"""The journal's worker, in one process on a SQLite store: it never takes over a submission this
process is still answering (Slack can be slow), and an entry it cannot read does not stop it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select, update

from bot import ids
from bot.app import SlackFace
from bot.creations import READ_ATTEMPTS
from tests.bot.conftest import DRAIN_SECONDS, driving, slack_face
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, VALID_FORM, SlackDriver
from tests.support import posts
from tools.core.trainings import Trainings
from tools.state.journal import FAILED, LEASE_SECONDS, SlackJournal
from tools.state.schema import slack_journal
from tools.state.store import Store, open_store

SLOW_SLACK_SECONDS = LEASE_SECONDS + 4  # an answer slower than a lease lasts


@pytest.fixture
async def store(tmp_path) -> AsyncIterator[Store]:
    async with open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}") as opened:
        yield opened


@pytest.fixture
async def face(
    fake_slack: FakeSlack, trainings: Trainings, store: Store
) -> AsyncIterator[SlackFace]:
    built = slack_face(fake_slack, trainings, store=store)
    worker = asyncio.create_task(built.run_worker())
    yield built
    worker.cancel()
    await built.drain(timeout=DRAIN_SECONDS)


@pytest.fixture
async def driver(fake_slack: FakeSlack, face: SlackFace) -> AsyncIterator[SlackDriver]:
    async with driving(fake_slack, face) as driven:
        yield driven


async def test_a_slow_slack_answer_is_given_once_not_again_by_a_takeover(
    driver: SlackDriver, fake_slack: FakeSlack, face: SlackFace, sandbox
):
    view_id = await driver.open_form()
    fake_slack.delays["views.update"] = SLOW_SLACK_SECONDS
    await driver.submit(view_id, VALID_FORM)
    await fake_slack.wait_for(
        lambda: fake_slack.views[view_id].view.get("callback_id") == ids.RESULT_CALLBACK,
        timeout=SLOW_SLACK_SECONDS + 30,
    )
    await face.drain(timeout=DRAIN_SECONDS)  # a takeover started meanwhile would finish here
    assert len(fake_slack.calls_to("views.update")) == 1
    assert len([call for call in fake_slack.calls_to("chat.postMessage")]) == 1  # one DM
    assert len(posts(sandbox)) == 1


async def lapse(store: Store, view_id: str) -> None:
    """As when the process holding it died: its lease is over."""
    async with store.transaction() as connection:
        lapsed = update(slack_journal).where(slack_journal.c.view_id == view_id)
        await connection.execute(lapsed.values(lease_until=0.0))


async def row(store: Store, view_id: str):  # type: ignore[no-untyped-def]
    query = select(slack_journal).where(slack_journal.c.view_id == view_id)
    async with store.transaction() as connection:
        return (await connection.execute(query)).one()


async def test_an_entry_it_cannot_read_is_left_for_another_replica_then_given_up_and_told(
    face: SlackFace, store: Store, fake_slack: FakeSlack
):
    # Written by another version (a field this one does not know), by a process that died.
    unreadable = {"v": 1, "values": {"title": "Negotiation", "added_later": True}, "draft": {}}
    await SlackJournal(store, owner="died").record("V-other", USER, None, unreadable, {})
    async with asyncio.timeout(60):
        while (entry := await row(store, "V-other")).state != FAILED:
            assert entry.attempts <= READ_ATTEMPTS
            if entry.lease_until > 0.0:  # written, or taken and left for another replica
                await lapse(store, "V-other")  # which does not come: the lease lapses again
            await asyncio.sleep(0.05)
    assert entry.attempts == READ_ATTEMPTS
    (told,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    assert told.args["channel"] == USER
    assert "Something went wrong" in told.args["text"] and "Negotiation" in told.args["text"]
    # The worker still runs: the next lapsed entry is taken too.
    await SlackJournal(store, owner="died").record("V-next", USER, None, unreadable, {})
    await lapse(store, "V-next")
    async with asyncio.timeout(30):
        while (await row(store, "V-next")).attempts < 2:
            await asyncio.sleep(0.05)
    assert face.services.creations.in_flight == 0
