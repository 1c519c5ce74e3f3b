"""`Trainings.create_once`: a key (an MCP Apps confirmation token's id) creates at most one
training, even when a second one was asked for (`allow_duplicate`, which skips the catalog's
duplicate check): a repeat, at once or later, gets the first back; a failed first use leaves the
key free for another try. Across replicas, see tests/state/test_single_use_creations.py."""

import asyncio
import time

import pytest

from tests.support import VALID_DRAFT, draft_of, posts
from tools.core import events
from tools.core.errors import LuccaUnavailable, OutcomeUnknown, TitleBusy
from tools.core.trainings import Trainings

SOON = time.time() + 600


async def test_a_repeat_gets_the_first_training_back_even_asked_for_a_second(trainings, sandbox):
    first = await trainings.create_once("tok-1", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
    again = await trainings.create_once("tok-1", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
    assert (first.outcome, again.outcome) == ("created", "existing")
    assert again.id == first.id
    assert len(posts(sandbox)) == 1


async def test_a_repeat_at_once_waits_for_the_first_and_creates_nothing(trainings, sandbox):
    sandbox.add_faults({"method": "POST", "delay": 0.3})  # the first is still running
    results = await asyncio.gather(
        *(
            trainings.create_once("tok-2", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
            for _ in range(5)
        )
    )
    assert len({result.id for result in results}) == 1
    assert sorted(result.outcome for result in results) == ["created"] + ["existing"] * 4
    assert len(posts(sandbox)) == 1


async def test_another_key_is_another_use(trainings, sandbox):
    await trainings.create_once("tok-3", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
    await trainings.create_once("tok-4", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
    assert len(posts(sandbox)) == 2  # a duplicate, as asked, with each confirmation


async def test_a_failed_first_use_leaves_the_key_free_for_another_try(trainings, sandbox):
    sandbox.add_faults({"method": "POST", "status": 503})
    with pytest.raises(LuccaUnavailable):
        await trainings.create_once("tok-5", SOON, draft_of(VALID_DRAFT))
    retried = await trainings.create_once("tok-5", SOON, draft_of(VALID_DRAFT))
    assert retried.outcome == "created"
    assert len(posts(sandbox)) == 2  # the refused one, then the one that created


async def test_a_first_use_cut_short_keeps_the_key_and_a_repeat_is_told_to_look(trainings, sandbox):
    """The first use is cancelled (a client gone, a shutdown) after Lucca stored the training:
    with a second training allowed, only the kept claim stops the repeat from creating again."""
    sandbox.add_faults({"method": "POST", "delay": 30, "when": "after"})  # stored, answer late
    first = asyncio.create_task(
        trainings.create_once("tok-8", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
    )
    async with asyncio.timeout(30):
        while not [entry for entry in posts(sandbox) if entry["status"] == 201]:
            await asyncio.sleep(0.01)  # until the sandbox has stored it
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    with pytest.raises(OutcomeUnknown, match="may have been created"):
        await trainings.create_once("tok-8", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
    assert len(posts(sandbox)) == 1


async def test_a_first_use_without_a_usable_answer_keeps_the_key(trainings, sandbox):
    # The POST is stored but its answer lost, and the lookup that would settle it fails too.
    sandbox.add_faults({"method": "POST", "drop": "after"}, {"method": "GET", "status": 503})
    with pytest.raises(OutcomeUnknown):
        await trainings.create_once("tok-9", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
    with pytest.raises(OutcomeUnknown, match="earlier use of this confirmation"):
        await trainings.create_once("tok-9", SOON, draft_of(VALID_DRAFT), allow_duplicate=True)
    assert len(posts(sandbox)) == 1


async def test_a_repeat_is_reported_as_an_attempt_that_found_it(trainings, sandbox):
    seen: list[events.CreationAttempt] = []
    unsubscribe = events.subscribe(
        lambda event: seen.append(event) if isinstance(event, events.CreationAttempt) else None
    )
    try:
        await trainings.create_once("tok-6", SOON, draft_of(VALID_DRAFT))
        await trainings.create_once("tok-6", SOON, draft_of(VALID_DRAFT))
    finally:
        unsubscribe()
    assert [event.outcome for event in seen] == ["created", "existing"]


class NeverSettled:
    """A first use that never finishes: claimed elsewhere, no result ever recorded."""

    async def claim(self, key: str, ttl_seconds: float) -> bool:
        return False

    async def first_result(self, key: str) -> str | None:
        return None

    async def settle(self, key: str, result: str) -> None: ...

    async def release(self, key: str) -> None: ...


async def test_a_repeat_stops_waiting_for_a_first_use_that_does_not_finish(lucca, sandbox):
    trainings = Trainings(lucca, single_use=NeverSettled(), single_use_wait_seconds=0.2)
    with pytest.raises(TitleBusy, match="still being used"):
        await trainings.create_once("tok-7", SOON, draft_of(VALID_DRAFT))
    assert posts(sandbox) == []
