"""What the core asks of a shared store, as three small protocols; no store is imported here.

`TitleLease`: creating a title holds a lease on its normalized form, so that two replicas cannot
both pass the catalog check for the same title at once (`Trainings` takes one; by default none,
and the process's own turns are the only guard). `SharedBudget`: the tenant's rate budget, shared
by every replica (`RequestPacer` takes one; by default the process paces alone). `SingleUse`:
keys that may be used once (a confirmation token's id), so that a repeat on any replica creates
nothing more (`Trainings.create_once`; by default this process's memory).
`tools.state` implements them on SQLite or PostgreSQL, and raises `CoordinationUnavailable`
(its `StoreUnavailable`) when the store does not answer.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol


class CoordinationUnavailable(Exception):
    """The shared store did not answer; nothing was written there."""


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


@dataclass(frozen=True)
class Reservation:
    wait: float  # seconds until the slot
    slot: Any = None  # what names it in the store; None when refused (nothing was taken)


class SharedBudget(Protocol):
    async def reserve(
        self, rate: int, window_seconds: float, max_wait_seconds: float
    ) -> Reservation:
        """Take the next free slot of `rate` per `window_seconds` for every replica, atomically.
        A wait above `max_wait_seconds` is refused: no slot is taken."""
        ...

    async def wait_behind(self, slot: Any, rate: int, window_seconds: float) -> float:
        """Seconds this slot must still wait for the one it waits behind, which counts from its
        answer (0 when none); the slot moves with it."""
        ...

    async def answered(self, slot: Any) -> None:
        """The slot's request got its answer: it counts in the window from now (Lucca has
        counted it by then at the latest)."""
        ...

    async def pause(self, seconds: float) -> None:
        """Lucca answered 429: no replica gets a slot before `seconds` from now."""
        ...

    async def paused_for(self) -> float:
        """Seconds left of a pause asked by any replica (0 when none)."""
        ...


class SingleUse(Protocol):
    async def claim(self, key: str, ttl_seconds: float) -> bool:
        """True for the one caller that claims `key` first (while its claim lives), else False."""
        ...

    async def first_result(self, key: str) -> str | None:
        """What the first use gave (`settle`), while its claim lives; None before that."""
        ...

    async def settle(self, key: str, result: str) -> None: ...

    async def release(self, key: str) -> None:
        """The first use failed: an unsettled claim is dropped, so the key may be used again."""
        ...


class SingleUseInThisProcess:
    """One process alone: the keys it saw used, until their claims lapse."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._claims: dict[str, tuple[float, str | None]] = {}  # key: (until, result)

    async def claim(self, key: str, ttl_seconds: float) -> bool:
        now = self._clock()
        self._claims = {k: claim for k, claim in self._claims.items() if claim[0] >= now}
        if key in self._claims:
            return False
        self._claims[key] = (now + ttl_seconds, None)
        return True

    async def first_result(self, key: str) -> str | None:
        claim = self._claims.get(key)
        return claim[1] if claim is not None and claim[0] >= self._clock() else None

    async def settle(self, key: str, result: str) -> None:
        if key in self._claims:
            self._claims[key] = (self._claims[key][0], result)

    async def release(self, key: str) -> None:
        if key in self._claims and self._claims[key][1] is None:
            del self._claims[key]
