"""The title lease: one process at a time checks and creates a given title, across replicas.

A lease is a row keyed by the title's normalized form (`folding.title_key`), with its owner and
an expiry. Taking it inserts the row, or takes over one whose holder let it lapse; the holder
renews it while its creation runs, so a process that dies frees the title within `TTL_SECONDS`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import delete, update

from tools.core.errors import TitleBusy
from tools.state.schema import title_leases as table
from tools.state.store import Store, StoreUnavailable

logger = logging.getLogger("lucca_training.state")

TTL_SECONDS = 6.0
MAX_WAIT_SECONDS = 30.0  # a lookup, a POST (5 s at most at Lucca) and a recovery fit in it
FIRST_RETRY_SECONDS = 0.02
LONGEST_RETRY_SECONDS = 0.25


class StoreTitleLease:
    def __init__(
        self,
        store: Store,
        *,
        owner: str | None = None,
        ttl_seconds: float = TTL_SECONDS,
        max_wait_seconds: float = MAX_WAIT_SECONDS,
    ) -> None:
        self.store = store
        self.owner = owner or uuid.uuid4().hex
        self.ttl_seconds = ttl_seconds
        self.max_wait_seconds = max_wait_seconds

    @asynccontextmanager
    async def hold(self, title_key: str) -> AsyncIterator[None]:
        # Each holding is its own owner: two creations of one process take turns here too.
        holder = f"{self.owner}:{uuid.uuid4().hex[:8]}"
        try:
            await self._acquire(title_key, holder)
        except StoreUnavailable:
            raise TitleBusy(title_key, "the shared store (STATE_URL) did not answer") from None
        renewing = asyncio.create_task(self._renew(title_key, holder))
        try:
            yield
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing
            await self._release(title_key, holder)

    async def _acquire(self, title_key: str, holder: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.max_wait_seconds
        pause = FIRST_RETRY_SECONDS
        while not await self._try(title_key, holder):
            if loop.time() + pause > deadline:
                raise TitleBusy(title_key, "another replica has been creating it for too long")
            await asyncio.sleep(pause)
            pause = min(pause * 2, LONGEST_RETRY_SECONDS)

    async def _try(self, title_key: str, holder: str) -> bool:
        now = self.store.now()
        insert = self.store.insert(table).values(
            title_key=title_key, owner=holder, until=now + self.ttl_seconds
        )
        statement = insert.on_conflict_do_update(
            index_elements=["title_key"],
            set_={"owner": holder, "until": now + self.ttl_seconds},
            where=table.c.until < now,
        )
        async with self.store.transaction() as connection:
            return (await connection.execute(statement)).rowcount == 1

    async def _renew(self, title_key: str, holder: str) -> None:
        while True:
            await asyncio.sleep(self.ttl_seconds / 3)
            statement = (
                update(table)
                .where(table.c.title_key == title_key, table.c.owner == holder)
                .values(until=self.store.now() + self.ttl_seconds)
            )
            try:
                async with self.store.transaction() as connection:
                    await connection.execute(statement)
            except StoreUnavailable as exc:
                logger.warning("Could not renew a title lease: %s", exc)

    async def _release(self, title_key: str, holder: str) -> None:
        statement = delete(table).where(table.c.title_key == title_key, table.c.owner == holder)
        try:
            async with self.store.transaction() as connection:
                await connection.execute(statement)
        except StoreUnavailable as exc:  # it lapses on its own
            logger.warning("Could not release a title lease: %s", exc)
