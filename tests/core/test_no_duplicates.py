"""No duplicates: the catalog is the truth every replica shares, and a process takes turns by title.

Every test reads the sandbox's own request log, so "one training" is what Lucca saw, not what the
core believes.
"""

import asyncio

import pytest

from tests.support import EXAMPLE, SANDBOX_KEY, VALID_DRAFT, draft_of, posts
from tools.core import events
from tools.core.client import LuccaClient, new_http_client
from tools.core.errors import DuplicateTraining, OutcomeUnknown
from tools.core.events import Caller
from tools.core.trainings import Trainings


def gets(sandbox) -> list[dict]:
    return [entry for entry in sandbox.requests_log() if entry["method"] == "GET"]


async def test_the_same_draft_again_returns_the_first_training_without_a_post(trainings, sandbox):
    first = await trainings.create(draft_of(VALID_DRAFT))
    again = await trainings.create(draft_of(VALID_DRAFT))
    assert (first.outcome, again.outcome) == ("created", "existing")
    assert again.id == first.id and "Nothing created" in again.summary
    assert len(posts(sandbox)) == 1


async def test_a_double_submit_at_once_creates_one_and_both_get_its_id(trainings, sandbox):
    sandbox.add_faults({"method": "POST", "delay": 0.3})  # the first is still running
    first, second = await asyncio.gather(
        trainings.create(draft_of(VALID_DRAFT)), trainings.create(draft_of(VALID_DRAFT))
    )
    assert first.id == second.id
    assert sorted([first.outcome, second.outcome]) == ["created", "existing"]
    assert len(posts(sandbox)) == 1


async def test_another_process_finds_the_first_ones_training_in_the_catalog(trainings, sandbox):
    created = await trainings.create(draft_of(VALID_DRAFT))
    async with new_http_client(2.0) as http:  # a second replica: nothing remembered
        other = LuccaClient(http, sandbox.base_url, SANDBOX_KEY)
        # Case and surrounding spaces do not make another title.
        retried = await Trainings(other).create(
            draft_of({**VALID_DRAFT, "title": "  NEGOTIATION basics "})
        )
    assert (retried.outcome, retried.id) == ("existing", created.id)
    assert len(posts(sandbox)) == 1


async def test_the_same_title_with_other_content_is_refused_and_named(trainings, sandbox):
    created = await trainings.create(draft_of(VALID_DRAFT))
    async with new_http_client(2.0) as http:
        other = LuccaClient(http, sandbox.base_url, SANDBOX_KEY)
        with pytest.raises(DuplicateTraining) as caught:
            await Trainings(other).create(draft_of({**VALID_DRAFT, "level": "Expert"}))
    assert f'#{created.id} "Negotiation basics"' in caught.value.message
    assert [t.id for t in caught.value.existing] == [created.id]
    assert len(posts(sandbox)) == 1


async def test_a_duplicate_is_created_when_asked_for(trainings, sandbox):
    first = await trainings.create(draft_of(VALID_DRAFT))
    second = await trainings.create(draft_of(VALID_DRAFT), allow_duplicate=True)
    assert second.outcome == "created" and second.id != first.id
    assert len(posts(sandbox)) == 2


async def test_one_creation_costs_one_lookup_and_one_post(trainings, sandbox):
    await trainings.create(draft_of(EXAMPLE))
    assert [entry["method"] for entry in sandbox.requests_log()] == ["GET", "POST"]


async def test_many_creations_at_once_read_the_catalog_once_not_once_each(trainings, sandbox):
    drafts = [{**VALID_DRAFT, "title": f"Course {n}"} for n in range(20)]
    results = await asyncio.gather(*(trainings.create(draft_of(draft)) for draft in drafts))
    assert {r.outcome for r in results} == {"created"}
    assert len({r.id for r in results}) == 20 and len(posts(sandbox)) == 20
    assert len(gets(sandbox)) <= 2  # one search for the first, one page for the other 19


async def test_a_lost_answer_after_asking_for_a_duplicate_ignores_the_older_one(trainings, sandbox):
    first = await trainings.create(draft_of(VALID_DRAFT))
    sandbox.add_faults({"method": "POST", "drop": "before"})
    with pytest.raises(Exception, match="it was not created"):
        await trainings.create(draft_of(VALID_DRAFT), allow_duplicate=True)
    sandbox.add_faults({"method": "POST", "drop": "after"})
    recovered = await trainings.create(draft_of(VALID_DRAFT), allow_duplicate=True)
    assert recovered.outcome == "recovered" and recovered.id != first.id
    assert len(posts(sandbox)) == 3


async def test_when_the_lookup_after_a_lost_answer_fails_the_outcome_stays_unknown(
    trainings, sandbox
):
    sandbox.add_faults({"method": "POST", "drop": "after"}, {"method": "GET", "status": 503})
    with pytest.raises(OutcomeUnknown, match="Looking it up in the catalog failed too"):
        await trainings.create(draft_of(VALID_DRAFT))
    assert len(posts(sandbox)) == 1


async def test_the_lookup_waits_until_lucca_has_given_up_on_the_request(trainings, sandbox, sleeps):
    sandbox.add_faults({"method": "POST", "drop": "after"})
    await trainings.create(draft_of(VALID_DRAFT))
    assert sleeps and 4.0 < sleeps[-1] <= 5.0  # Lucca aborts any request after 5 s


async def test_each_attempt_is_reported_once_with_who_asked(trainings, sandbox):
    seen: list[events.CreationAttempt] = []
    stop = events.subscribe(
        lambda event: isinstance(event, events.CreationAttempt) and seen.append(event)
    )
    try:
        who = Caller(face="slack", who="U1", team="T1")
        await trainings.create(draft_of(VALID_DRAFT), caller=who)
        await trainings.create(draft_of(VALID_DRAFT), caller=who)
        with pytest.raises(DuplicateTraining):
            await trainings.create(draft_of({**VALID_DRAFT, "level": "Expert"}), caller=who)
    finally:
        stop()
    assert [(e.outcome, e.caller.who, e.caller.team) for e in seen] == [
        ("created", "U1", "T1"),
        ("existing", "U1", "T1"),
        ("duplicate", "U1", "T1"),
    ]
    assert seen[0].training_id == 45 and seen[0].title == "Negotiation basics"
