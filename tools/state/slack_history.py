"""Each Slack user's recent creations, in the store: what the Home tab lists, on every replica.

A row is written when a creation of theirs finishes (the form, a shortcut, a workflow step, or a
replica finishing the journal entry of one that died), and read newest first. Rows are kept
`KEEP_SECONDS` and at most `KEPT_PER_USER` a user: older ones are removed as new ones come.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from tools.core.result import CreatedTraining
from tools.state.schema import slack_creations as table
from tools.state.store import Store

KEEP_SECONDS = 90 * 24 * 3600.0
KEPT_PER_USER = 20


@dataclass(frozen=True)
class RecentCreation:
    id: int
    title: str
    state: str  # Lucca's catalog status: "Ready" for a new training
    at: float  # when, in seconds since the epoch


class StoredCreations:
    """The Home tab's history on the store (`bot.recent.RecentCreations`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def record(self, team: str | None, user: str, created: CreatedTraining) -> None:
        if created.outcome == "existing":
            return  # nothing was created: the catalog already had it
        now = self.store.now()
        mine = (table.c.user_id == user) & _same_team(team)
        newest = select(table.c.id).where(mine).order_by(table.c.at.desc(), table.c.id.desc())
        async with self.store.transaction() as connection:
            await connection.execute(
                table.insert().values(
                    team_id=team,
                    user_id=user,
                    training_id=created.id,
                    title=created.title,
                    state=created.state,
                    at=now,
                )
            )
            kept = newest.limit(KEPT_PER_USER).scalar_subquery()
            await connection.execute(delete(table).where(mine, table.c.id.not_in(kept)))
            await connection.execute(delete(table).where(table.c.at < now - KEEP_SECONDS))

    async def of_user(self, team: str | None, user: str, limit: int) -> list[RecentCreation]:
        query = (
            select(table)
            .where(table.c.user_id == user, _same_team(team), table.c.at >= self._oldest())
            .order_by(table.c.at.desc(), table.c.id.desc())
            .limit(limit)
        )
        async with self.store.transaction() as connection:
            rows = (await connection.execute(query)).all()
        return [RecentCreation(row.training_id, row.title, row.state, row.at) for row in rows]

    def _oldest(self) -> float:
        return self.store.now() - KEEP_SECONDS


def _same_team(team: str | None):  # type: ignore[no-untyped-def]
    return table.c.team_id.is_(None) if team is None else table.c.team_id == team
