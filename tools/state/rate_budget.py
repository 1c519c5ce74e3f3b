"""The tenant's rate budget, shared by every replica through the store.

A slot is a row with the wall-clock time a request may go. Reserving one takes an advisory lock
on the budget (one replica at a time), reads the `rate`-th latest slot, and writes the next free
time: at most `rate` slots in any window, whichever replica takes them. When its request's answer
comes, the slot's time moves to then (Lucca counts a request when it handles it, which may be a
second after its slot in a burst), and a request waiting behind it waits for that too, as a
process pacing alone does (`tools.core.pacing`). A 429 writes a pause that every replica's next
reservation waits out. Old slots are deleted as new ones are written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update

from tools.core.coordination import Reservation
from tools.core.pacing import EDGE_MARGIN_SECONDS
from tools.state.schema import rate_pauses, rate_slots
from tools.state.store import Store


class StoreRateBudget:
    def __init__(self, store: Store, budget: str = "lucca") -> None:
        self.store = store
        self.budget = budget  # one budget per tenant: replicas of one account share its name

    async def reserve(
        self, rate: int, window_seconds: float, max_wait_seconds: float
    ) -> Reservation:
        async with self.store.transaction() as connection:
            await self.store.lock(connection, f"rate-budget:{self.budget}")
            now = self.store.now()
            slot = max(now, await self._paused_until(connection))
            if rate:
                latest = (
                    select(rate_slots.c.at)
                    .where(rate_slots.c.budget == self.budget)
                    .order_by(rate_slots.c.at.desc())
                    .offset(rate - 1)
                    .limit(1)
                )
                oldest_in_window = (await connection.execute(latest)).scalar()
                if oldest_in_window is not None:
                    slot = max(slot, oldest_in_window + window_seconds + EDGE_MARGIN_SECONDS)
            wait = slot - now
            if wait > max_wait_seconds:
                return Reservation(wait)  # refused: nothing taken
            inserted = await connection.execute(
                rate_slots.insert().values(budget=self.budget, at=slot).returning(rate_slots.c.id)
            )
            slot_id = inserted.scalar_one()
            await connection.execute(
                delete(rate_slots).where(
                    rate_slots.c.budget == self.budget,
                    rate_slots.c.at < now - window_seconds - EDGE_MARGIN_SECONDS,
                )
            )
        return Reservation(wait, slot_id)

    async def wait_behind(self, slot: Any, rate: int, window_seconds: float) -> float:
        async with self.store.transaction() as connection:
            await self.store.lock(connection, f"rate-budget:{self.budget}")
            now = self.store.now()
            # The slot `rate` reservations before this one: it must leave the window first.
            behind = (
                select(rate_slots.c.at)
                .where(rate_slots.c.budget == self.budget, rate_slots.c.id < slot)
                .order_by(rate_slots.c.id.desc())
                .offset(rate - 1)
                .limit(1)
            )
            at = (await connection.execute(behind)).scalar() if rate else None
            if at is None:
                return 0.0
            leaves = at + window_seconds + EDGE_MARGIN_SECONDS
            if leaves <= now:
                return 0.0
            await connection.execute(
                update(rate_slots)
                .where(rate_slots.c.id == slot, rate_slots.c.at < leaves)
                .values(at=leaves)
            )
        return leaves - now

    async def answered(self, slot: Any) -> None:
        now = self.store.now()
        statement = (
            update(rate_slots).where(rate_slots.c.id == slot, rate_slots.c.at < now).values(at=now)
        )
        async with self.store.transaction() as connection:
            await connection.execute(statement)

    async def pause(self, seconds: float) -> None:
        until = self.store.now() + seconds
        statement = (
            self.store.insert(rate_pauses)
            .values(budget=self.budget, until=until)
            .on_conflict_do_update(
                index_elements=["budget"], set_={"until": until}, where=rate_pauses.c.until < until
            )
        )
        async with self.store.transaction() as connection:
            await connection.execute(statement)

    async def paused_for(self) -> float:
        async with self.store.transaction() as connection:
            until = await self._paused_until(connection)
        return max(0.0, until - self.store.now())

    async def _paused_until(self, connection) -> float:
        query = select(rate_pauses.c.until).where(rate_pauses.c.budget == self.budget)
        return (await connection.execute(query)).scalar() or 0.0
