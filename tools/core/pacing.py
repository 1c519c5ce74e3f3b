"""Pacing requests to the tenant's budget: Lucca allows 50 requests per 60 s per account.

Every request to Lucca takes a slot first. Slots are granted in order, at most `rate` in any
`window_seconds`, so a burst is queued rather than refused by Lucca with a 429; when Lucca asks for
a pause anyway (other integrations share the budget), `pause` holds every later slot back.

A caller is never made to wait longer than `max_wait_seconds`: a slot further away than that is
refused at once with `LuccaRateLimited`, before anything is sent, so it is always safe to retry.
One pacer serves the whole process (see `tools.wiring.lucca_connection`).

Lucca counts a request when it handles it, which is some time after our slot: 50 requests let go at
once leave over a second or more (new connections, TLS, the server's own queue). So a request sent
in a `turn` counts in the window from when its answer came (the latest Lucca can have counted it),
and the request waiting behind it waits for that, not for the slot it was planned at.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from tools.core import events
from tools.core.errors import LuccaRateLimited

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
    ) -> None:
        self.rate = rate  # 0: no pacing (tests, a sandbox without a limit)
        self.window_seconds = window_seconds
        self.max_wait_seconds = max_wait_seconds
        self._clock = clock
        self._sleep = sleep
        # The latest `rate` slots, each `[time]`: its slot, then its answer's time once it came.
        self._granted: deque[list[float]] = deque(maxlen=rate or 1)
        self._paused_until = 0.0

    async def take_slot(self) -> float:
        """Wait for this request's turn; the seconds waited. `LuccaRateLimited` if too far away."""
        waited, _ = await self._take()
        return waited

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[float]:
        """A slot held for one exchange (the seconds waited for it): it counts in the window from
        the moment the exchange ends, when Lucca has counted it at the latest."""
        waited, counted = await self._take()
        try:
            yield waited
        finally:
            counted[0] = max(counted[0], self._clock())

    async def _take(self) -> tuple[float, list[float]]:
        now = self._clock()
        slot = max(now, self._paused_until)
        behind: list[float] | None = None  # the slot that must leave the window before this one
        if self.rate and len(self._granted) == self.rate:
            behind = self._granted[0]
            slot = max(slot, self._leaves_window(behind))
        wait = slot - now
        if wait > self.max_wait_seconds:
            raise LuccaRateLimited(
                f"Too many requests to Lucca are queued: this one would wait {math.ceil(wait)} "
                f"seconds, more than the {self.max_wait_seconds:.0f} allowed "
                "(LUCCA_MAX_QUEUE_SECONDS). Nothing was sent.",
                f"Try again in {math.ceil(wait)} seconds.",
                retry_after=float(math.ceil(wait)),
            )
        counted = [slot]
        if self.rate:
            self._granted.append(counted)
        waited = 0.0
        while wait > 0:
            await self._sleep(wait)
            waited += wait
            # A pause asked by Lucca while we slept holds this slot back too, and so does the
            # answer, later than its slot, of the request this one waits behind.
            later = self._leaves_window(behind) if behind is not None else 0.0
            wait = max(self._paused_until, later) - self._clock()
        if waited:
            events.emit(events.RateLimitWait(seconds=waited, reason="pacing"))
        counted[0] = max(counted[0], self._clock())
        return waited, counted

    def _leaves_window(self, counted: list[float]) -> float:
        return counted[0] + self.window_seconds + EDGE_MARGIN_SECONDS

    def pause(self, seconds: float) -> None:
        """Lucca answered 429: no slot before `seconds` from now."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)
