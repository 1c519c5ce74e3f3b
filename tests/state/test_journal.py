"""The Slack journal on SQLite and PostgreSQL: one entry per (view, user), leases that lapse
when their process dies and are then taken by exactly one other, bounded keeping."""

import asyncio

from sqlalchemy import select

from tools.state.journal import LEASE_SECONDS, RENEW_SECONDS, SlackJournal
from tools.state.schema import slack_journal

SUBMISSION = {"draft": {"title": "Negotiation"}}
CREATING, RESULT = {"type": "modal", "n": 1}, {"type": "modal", "n": 2}


async def journal_keys(store) -> list[tuple[str, str]]:
    async with store.transaction() as connection:
        rows = await connection.execute(select(slack_journal.c.view_id, slack_journal.c.user_id))
        return sorted(tuple(row) for row in rows.all())


async def test_a_repeated_key_gets_the_entry_back_and_writes_nothing(store):
    journal = SlackJournal(store)
    assert await journal.record("V1", "U1", "T1", SUBMISSION, CREATING) is None
    again = await SlackJournal(store).record("V1", "U1", "T1", {"other": 1}, RESULT)
    assert again is not None and again.view == CREATING and again.submission == SUBMISSION
    assert await journal.record("V1", "U2", "T1", SUBMISSION, CREATING) is None  # another user


async def test_a_shown_then_finished_entry_answers_repeats_with_its_result(store):
    journal = SlackJournal(store)
    await journal.record("V1", "U1", None, SUBMISSION, CREATING)
    await journal.show("V1", "U1", RESULT)
    repeat = await journal.record("V1", "U1", None, SUBMISSION, CREATING)
    assert repeat is not None and repeat.view == RESULT and not repeat.done
    await journal.finish("V1", "U1", RESULT)
    repeat = await journal.record("V1", "U1", None, SUBMISSION, CREATING)
    assert repeat is not None and repeat.done and repeat.view == RESULT


async def test_a_failed_entry_frees_its_key_for_the_restored_form(store):
    journal = SlackJournal(store)
    await journal.record("V1", "U1", None, SUBMISSION, CREATING)
    await journal.fail("V1", "U1")
    assert await journal.record("V1", "U1", None, SUBMISSION, CREATING) is None  # a new attempt
    repeat = await journal.record("V1", "U1", None, SUBMISSION, CREATING)
    assert repeat is not None and not repeat.done and repeat.attempts == 1


async def test_a_lapsed_lease_is_taken_over_by_exactly_one_replica(store, clock):
    died = SlackJournal(store, owner="died")
    await died.record("V1", "U1", None, SUBMISSION, CREATING)
    replicas = [SlackJournal(store, owner=f"r{n}") for n in range(4)]
    assert await replicas[0].take_expired() == []  # the lease holds
    clock.now += LEASE_SECONDS + 0.1
    taken = await asyncio.gather(*(replica.take_expired() for replica in replicas))
    assert sorted(len(entries) for entries in taken) == [0, 0, 0, 1]
    (entry,) = next(entries for entries in taken if entries)
    assert entry.attempts == 2 and entry.submission == SUBMISSION
    assert not await died.renew("V1", "U1")  # the dead owner's lease is gone


async def test_a_renewed_lease_is_not_taken_over(store, clock):
    alive = SlackJournal(store)
    await alive.record("V1", "U1", None, SUBMISSION, CREATING)
    for _ in range(5):
        clock.now += RENEW_SECONDS
        assert await alive.renew("V1", "U1")
        assert await SlackJournal(store).take_expired() == []


async def test_finished_entries_are_purged_after_the_keeping_time(store, clock):
    journal = SlackJournal(store)
    for view in ("V1", "V2", "V3"):
        await journal.record(view, "U1", None, SUBMISSION, CREATING)
    await journal.finish("V1", "U1", RESULT)
    await journal.fail("V2", "U1")
    clock.now += 3601
    assert await journal.purge(3600) == 2
    assert await journal_keys(store) == [("V3", "U1")]  # the pending one stays


async def test_submissions_arriving_together_are_written_once_each(store):
    journal = SlackJournal(store)
    keys = [(f"V{n % 10}", "U1") for n in range(30)]  # each key three times, at once
    results = await asyncio.gather(
        *(journal.record(view, user, None, SUBMISSION, CREATING) for view, user in keys)
    )
    assert sum(result is None for result in results) == 10  # one start per key
    assert all(result.view == CREATING for result in results if result is not None)
    assert await journal_keys(store) == sorted(set(keys))
