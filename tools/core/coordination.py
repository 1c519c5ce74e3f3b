"""What the core asks of a shared store, as two small protocols; no store is imported here.

`TitleLease`: creating a title holds a lease on its normalized form, so that two replicas cannot
both pass the catalog check for the same title at once (`Trainings` takes one; by default none,
and the process's own turns are the only guard). `SharedBudget`: the tenant's rate budget, shared
by every replica (`RequestPacer` takes one; by default the process paces alone).
`tools.state` implements both on SQLite or PostgreSQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol


class TitleLease(Protocol):
    def hold(self, title_key: str) -> AbstractAsyncContextManager[None]:
        """Held while the block runs; raises `DuplicateCheckIncomplete` when another process
        keeps it for longer than a creation may wait."""
        ...


class NoTitleLease:
    """One process alone: its title turns (`TitleLookups.turn`) are guard enough."""

    @asynccontextmanager
    async def hold(self, title_key: str) -> AsyncIterator[None]:
        yield


class SharedBudget(Protocol):
    async def reserve(self, rate: int, window_seconds: float, max_wait_seconds: float) -> float:
        """Take the next free slot of `rate` per `window_seconds` for every replica, atomically;
        the seconds until it. A wait above `max_wait_seconds` means no slot was taken."""
        ...

    async def pause(self, seconds: float) -> None:
        """Lucca answered 429: no replica gets a slot before `seconds` from now."""
        ...

    async def paused_for(self) -> float:
        """Seconds left of a pause asked by any replica (0 when none)."""
        ...
