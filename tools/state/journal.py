"""The Slack journal: every acknowledged submission, written before the acknowledgement.

An entry is keyed by (view id, user): recording a key that is there already returns the entry
instead, which is the double-submit guard of every replica. The process that records an entry
holds its lease and renews it while it works; an entry whose lease lapsed (its process died) is
taken by a worker of any replica (`take_expired`). A finished entry keeps the view to answer a
repeat with, for a bounded time (`purge`); a failed one is forgotten, so that submitting the
restored form is a new attempt (its entry is marked failed, and the next record replaces it).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, select, update

from tools.state.schema import slack_journal as table
from tools.state.store import Store

PENDING, DONE, FAILED = "pending", "done", "failed"
# A lease lapses this long after its last renewal. Longer than Lucca's 5 s abort plus a renewal
# interval: a POST sent by a process that died is stored, or never will be, before a takeover.
LEASE_SECONDS = 8.0
RENEW_SECONDS = 2.0


@dataclass(frozen=True)
class JournalEntry:
    view_id: str
    user_id: str
    team_id: str | None
    submission: dict[str, Any]
    view: dict[str, Any]
    state: str
    attempts: int
    created_at: float
    finished_at: float | None

    @property
    def done(self) -> bool:
        return self.state == DONE


class SlackJournal:
    def __init__(self, store: Store, *, owner: str | None = None) -> None:
        self.store = store
        self.owner = owner or uuid.uuid4().hex  # this process, for the leases it holds
        self._waiting: list[tuple[dict[str, Any], asyncio.Future[JournalEntry | None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def record(
        self,
        view_id: str,
        user_id: str,
        team_id: str | None,
        submission: dict[str, Any],
        view: dict[str, Any],
    ) -> JournalEntry | None:
        """Write a new entry, leased to this process; None when written, else the entry that
        was there (a repeated submission). Submissions arriving together are written in one
        transaction (a group commit), so a burst does not queue behind one commit each."""
        now = self.store.now()
        row = {
            "view_id": view_id,
            "user_id": user_id,
            "team_id": team_id,
            "submission": json.dumps(submission),
            "view": json.dumps(view),
            "state": PENDING,
            "owner": self.owner,
            "lease_until": now + LEASE_SECONDS,
            "attempts": 1,
            "created_at": now,
            "finished_at": None,
        }
        written: asyncio.Future[JournalEntry | None] = asyncio.get_running_loop().create_future()
        self._waiting.append((row, written))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_waiting())
        return await written

    async def _write_waiting(self) -> None:
        await asyncio.sleep(0)  # the submissions of this instant join the batch
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                results = await self._write(batch)
            except BaseException as exc:
                for _, written in batch:
                    if not written.done():
                        written.set_exception(exc)
                if not isinstance(exc, Exception):
                    raise
                continue
            for (_, written), result in zip(batch, results, strict=True):
                if not written.done():
                    written.set_result(result)

    async def _write(self, batch: list[tuple[dict[str, Any], Any]]) -> list[JournalEntry | None]:
        first: dict[tuple[str, str], dict[str, Any]] = {}
        for row, _ in batch:
            first.setdefault((row["view_id"], row["user_id"]), row)
        insert = self.store.insert(table).values(list(first.values()))
        fresh = {name: insert.excluded[name] for name in _FRESH}
        statement = insert.on_conflict_do_update(  # a failed attempt's key is free again
            index_elements=["view_id", "user_id"], set_=fresh, where=table.c.state == FAILED
        ).returning(table.c.view_id, table.c.user_id)
        async with self.store.transaction() as connection:
            inserted = {tuple(key) for key in (await connection.execute(statement)).all()}
            existing = {}
            for key in first.keys() - inserted:
                found = (await connection.execute(select(table).where(_key(*key)))).first()
                existing[key] = _entry(found) if found is not None else None
        results: list[JournalEntry | None] = []
        answered: set[tuple[str, str]] = set()
        for row, _ in batch:
            key = (row["view_id"], row["user_id"])
            if key in inserted and key not in answered:
                results.append(None)  # written: this caller starts it
            elif key in inserted:
                results.append(_entry_of(first[key]))  # the same key twice in one batch
            else:
                results.append(existing.get(key))
            answered.add(key)
        return results

    async def renew(self, view_id: str, user_id: str) -> bool:
        """Extend this process's lease; False if it is no longer ours (taken over, or gone)."""
        statement = (
            update(table)
            .where(_key(view_id, user_id), table.c.owner == self.owner, table.c.state == PENDING)
            .values(lease_until=self.store.now() + LEASE_SECONDS)
        )
        async with self.store.transaction() as connection:
            return (await connection.execute(statement)).rowcount == 1

    async def show(self, view_id: str, user_id: str, view: dict[str, Any]) -> None:
        """The view a repeat is answered with from now on; the entry stays pending (its result
        may not have reached the user yet)."""
        statement = update(table).where(_key(view_id, user_id)).values(view=json.dumps(view))
        async with self.store.transaction() as connection:
            await connection.execute(statement)

    async def finish(self, view_id: str, user_id: str, view: dict[str, Any]) -> None:
        """Done: a repeat is answered with `view` until the entry is purged."""
        statement = (
            update(table)
            .where(_key(view_id, user_id))
            .values(state=DONE, view=json.dumps(view), owner=None, finished_at=self.store.now())
        )
        async with self.store.transaction() as connection:
            await connection.execute(statement)

    async def fail(self, view_id: str, user_id: str) -> None:
        """A failed creation: the key is free again for the restored form."""
        statement = (
            update(table)
            .where(_key(view_id, user_id))
            .values(state=FAILED, owner=None, finished_at=self.store.now())
        )
        async with self.store.transaction() as connection:
            await connection.execute(statement)

    async def take_expired(self, limit: int = 5) -> list[JournalEntry]:
        """Pending entries whose lease lapsed, now leased to this process (each to one replica:
        the update only succeeds where the lease is still lapsed)."""
        now = self.store.now()
        due = (
            select(table.c.view_id, table.c.user_id)
            .where(table.c.state == PENDING, table.c.lease_until < now)
            .order_by(table.c.created_at)
            .limit(limit)
        )
        taken = []
        async with self.store.transaction() as connection:
            for view_id, user_id in (await connection.execute(due)).all():
                claim = (
                    update(table)
                    .where(
                        _key(view_id, user_id),
                        table.c.state == PENDING,
                        table.c.lease_until < now,
                    )
                    .values(
                        owner=self.owner,
                        lease_until=now + LEASE_SECONDS,
                        attempts=table.c.attempts + 1,
                    )
                )
                if (await connection.execute(claim)).rowcount == 1:
                    taken.append((view_id, user_id))
            rows = [
                (await connection.execute(select(table).where(_key(*key)))).first() for key in taken
            ]
        return [_entry(row) for row in rows if row is not None]

    async def purge(self, keep_seconds: float) -> int:
        """Remove entries finished (or failed) more than `keep_seconds` ago; how many."""
        cutoff = self.store.now() - keep_seconds
        statement = delete(table).where(table.c.state != PENDING, table.c.finished_at < cutoff)
        async with self.store.transaction() as connection:
            return (await connection.execute(statement)).rowcount


_FRESH = (
    "team_id",
    "submission",
    "view",
    "state",
    "owner",
    "lease_until",
    "attempts",
    "created_at",
    "finished_at",
)


def _entry_of(row: dict[str, Any]) -> JournalEntry:
    return _entry(type("Row", (), row))


def _key(view_id: str, user_id: str) -> Any:
    return and_(table.c.view_id == view_id, table.c.user_id == user_id)


def _entry(row: Any) -> JournalEntry:
    return JournalEntry(
        view_id=row.view_id,
        user_id=row.user_id,
        team_id=row.team_id,
        submission=json.loads(row.submission),
        view=json.loads(row.view),
        state=row.state,
        attempts=row.attempts,
        created_at=row.created_at,
        finished_at=row.finished_at,
    )
