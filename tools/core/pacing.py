"""Pacing requests to the tenant's budget: Lucca allows 50 requests per 60 s per account.

Every request to Lucca takes a slot first. Slots are granted in order, at most `rate` in any
`window_seconds`, so a burst is queued rather than refused by Lucca with a 429; when Lucca asks for
a pause anyway (other integrations share the budget), `pause` holds every later slot back.

A caller is never made to wait longer than `max_wait_seconds`: a slot further away than that is
refused at once with `LuccaRateLimited`, before anything is sent, so it is always safe to retry.
One pacer serves the whole process (see `tools.wiring.lucca_connection`). Given a `SharedBudget`
(replicas on one store), the slots and the pauses are the tenant's, taken from the store: `rate`
is then the budget of every replica together, not a share.

Lucca counts a request when it handles it, which is some time after our slot: 50 requests let go at
once leave over a second or more (new connections, TLS, the server's own queue). So a request sent
in a `turn` counts in the window from when its answer came (the latest Lucca can have counted it),
and the request waiting behind it waits for that, not for the slot it was planned at; the same
holds for the shared budget (`tools.state.rate_budget`), through the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from tools.core import events
from tools.core.coordination import Reservation, SharedBudget
from tools.core.errors import LuccaRateLimited

logger = logging.getLogger("lucca_training")

# Our clock and Lucca's start their windows a few milliseconds apart; a slot this much later than
# the exact window edge keeps the 51st request from arriving a hair early.
EDGE_MARGIN_SECONDS = 0.25


class RequestPacer:
    def __init__(
        self,
        rate: int = 0,
        window_seconds: float = 60.0,
        max_wait_seconds: float = 150.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        shared: SharedBudget | None = None,
    ) -> None:
        self.rate = rate  # 0: no pacing (tests, a sandbox without a limit)
        self.window_seconds = window_seconds
        self.max_wait_seconds = max_wait_seconds
        self._clock = clock
        self._sleep = sleep
        # The latest `rate` slots, each `[time]`: its slot, then its answer's time once it came.
        self._granted: deque[list[float]] = deque(maxlen=rate or 1)
        self._paused_until = 0.0
        self.shared = shared
        self._pausing: set[asyncio.Task[None]] = set()  # pauses on their way to the store

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[float]:
        """A slot held for one exchange (the seconds waited for it): it counts in the window from
        the moment the exchange ends, when Lucca has counted it at the latest."""
        waited, counted, shared_slot = await self._take()
        try:
            yield waited
        finally:
            counted[0] = max(counted[0], self._clock())
            if shared_slot is not None:
                await self._shared_answered(shared_slot)

    async def _take(self) -> tuple[float, list[float], Any]:
        """The seconds waited, this process's own slot, and the tenant's slot in the store."""
        behind: list[float] | None = None  # the local slot that must leave the window first
        reservation = await self._shared_reserve() if self.shared is not None else None
        shared_slot = reservation.slot if reservation is not None else None
        if reservation is None:
            wait, behind, counted = self._local_slot()
        else:  # the store keeps the tenant's window
            wait = max(reservation.wait, self._paused_until - self._clock())
            counted = [self._clock() + wait]
        if wait > self.max_wait_seconds:
            raise LuccaRateLimited(
                f"Too many requests to Lucca are queued: this one would wait {math.ceil(wait)} "
                f"seconds, more than the {self.max_wait_seconds:.0f} allowed "
                "(LUCCA_MAX_QUEUE_SECONDS). Nothing was sent.",
                f"Try again in {math.ceil(wait)} seconds.",
                retry_after=float(math.ceil(wait)),
            )
        waited = 0.0
        while wait > 0:
            await self._sleep(wait)
            waited += wait
            # A pause asked by Lucca while we slept holds this slot back too, and so does the
            # answer, later than its slot, of the request this one waits behind.
            wait = max(await self._pause_left(), await self._still_behind(behind, shared_slot))
        if waited:
            events.emit(events.RateLimitWait(seconds=waited, reason="pacing"))
        counted[0] = max(counted[0], self._clock())
        return waited, counted, shared_slot

    async def _still_behind(self, behind: list[float] | None, shared_slot: Any) -> float:
        if behind is not None:
            return self._leaves_window(behind) - self._clock()
        if shared_slot is None:
            return 0.0
        try:
            return await self.shared.wait_behind(  # type: ignore[union-attr]
                shared_slot, self.rate, self.window_seconds
            )
        except Exception:  # the store is down: the slot it granted stands
            return 0.0

    def _leaves_window(self, counted: list[float]) -> float:
        return counted[0] + self.window_seconds + EDGE_MARGIN_SECONDS

    async def _shared_reserve(self) -> Reservation | None:
        """The tenant's next slot, taken in the store; None when the store did not answer (this
        process then paces alone, and Lucca's 429s, if any, are waited out as usual)."""
        try:
            return await self.shared.reserve(  # type: ignore[union-attr]
                self.rate, self.window_seconds, self.max_wait_seconds
            )
        except Exception as exc:  # the store's own errors: the core does not know its driver
            logger.warning("The shared rate budget is unavailable (%s)", type(exc).__name__)
            return None

    async def _shared_answered(self, shared_slot: Any) -> None:
        try:
            await self.shared.answered(shared_slot)  # type: ignore[union-attr]
        except Exception as exc:  # the slot then counts from when it was granted
            logger.warning("Could not tell the shared budget of an answer (%s)", type(exc).__name__)

    def _local_slot(self) -> tuple[float, list[float] | None, list[float]]:
        """This process alone: its own latest `rate` slots decide. The wait, the slot it waits
        behind (None when the window has room) and its own slot, kept unless it is refused."""
        now = self._clock()
        slot = max(now, self._paused_until)
        behind: list[float] | None = None
        if self.rate and len(self._granted) == self.rate:
            behind = self._granted[0]
            slot = max(slot, self._leaves_window(behind))
        counted = [slot]
        if self.rate and slot - now <= self.max_wait_seconds:
            self._granted.append(counted)
        return slot - now, behind, counted

    async def _pause_left(self) -> float:
        left = self._paused_until - self._clock()
        if self.shared is not None:
            # The store is down: this process's own pause still holds.
            with contextlib.suppress(Exception):
                left = max(left, await self.shared.paused_for())
        return left

    def pause(self, seconds: float) -> None:
        """Lucca answered 429: no slot before `seconds` from now (for every replica, when the
        budget is shared: the store hears of it in the background)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)
        if self.shared is not None:
            task = asyncio.get_running_loop().create_task(self._share_pause(seconds))
            self._pausing.add(task)
            task.add_done_callback(self._pausing.discard)

    async def _share_pause(self, seconds: float) -> None:
        try:
            await self.shared.pause(seconds)  # type: ignore[union-attr]
        except Exception:  # the store is down: this process still pauses
            logger.warning("Could not share Lucca's pause with the other replicas", exc_info=True)
