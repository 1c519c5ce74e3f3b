"""Each Slack user's recent creations in the store, on SQLite and on PostgreSQL: newest first, one
user's and one team's only, nothing for a training that was already there, bounded per user and
in time."""

from sqlalchemy import func, select

from tools.core.result import CreatedTraining
from tools.state.schema import slack_creations
from tools.state.slack_history import KEEP_SECONDS, KEPT_PER_USER, StoredCreations


def training(number: int, outcome: str = "created") -> CreatedTraining:
    return CreatedTraining(
        outcome=outcome,
        id=number,
        title=f"Training {number}",
        state="Ready",
        level="Beginner",
        type=None,
        provider=None,
        category=None,
        catalogStatus="Ready",
        summary="",
    )


async def test_newest_first_for_that_user_and_team_only(store, clock):
    history = StoredCreations(store)
    for number in (1, 2, 3):
        clock.now += 1
        await history.record("T1", "U1", training(number))
    await history.record("T1", "U2", training(4))  # another user
    await history.record("T2", "U1", training(5))  # the same user id in another workspace
    await history.record(None, "U1", training(6))  # no team known
    mine = await history.of_user("T1", "U1", 10)
    assert [item.id for item in mine] == [3, 2, 1]
    assert mine[0].title == "Training 3" and mine[0].state == "Ready"
    assert mine[0].at == clock.now  # when it was recorded, by the store's clock
    assert [item.id for item in await history.of_user(None, "U1", 10)] == [6]
    assert [item.id for item in await history.of_user("T1", "U1", 2)] == [3, 2]


async def test_a_training_that_was_already_there_is_not_listed(store):
    history = StoredCreations(store)
    await history.record("T1", "U1", training(7, outcome="existing"))
    await history.record("T1", "U1", training(8, outcome="recovered"))
    assert [item.id for item in await history.of_user("T1", "U1", 10)] == [8]


async def test_a_user_keeps_only_the_latest_few(store, clock):
    history = StoredCreations(store)
    for number in range(KEPT_PER_USER + 5):
        clock.now += 1
        await history.record("T1", "U1", training(number))
    await history.record("T1", "U2", training(999))
    kept = await history.of_user("T1", "U1", 100)
    assert [item.id for item in kept] == list(range(KEPT_PER_USER + 4, 4, -1))
    assert [item.id for item in await history.of_user("T1", "U2", 100)] == [999]


async def test_old_creations_are_forgotten(store, clock):
    history = StoredCreations(store)
    await history.record("T1", "U1", training(1))
    clock.now += KEEP_SECONDS / 2
    await history.record("T1", "U1", training(2))
    clock.now += KEEP_SECONDS / 2 + 1  # the first is now older than kept; the second is not
    assert [item.id for item in await history.of_user("T1", "U1", 10)] == [2]
    await history.record("T1", "U2", training(3))  # any write removes what is past keeping
    async with store.transaction() as connection:
        rows = (
            await connection.execute(select(func.count()).select_from(slack_creations))
        ).scalar()
    assert rows == 2
