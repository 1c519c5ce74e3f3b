"""Pacing requests to the tenant's budget: Lucca allows 50 requests per 60 s per account.

Every request to Lucca takes a slot first. Slots are granted in order, at most `rate` in any
`window_seconds`, so a burst is queued rather than refused by Lucca with a 429; when Lucca asks for
a pause anyway (other integrations share the budget), `pause` holds every later slot back.

A caller is never made to wait longer than `max_wait_seconds`: a slot further away than that is
refused at once with `LuccaRateLimited`, before anything is sent, so it is always safe to retry.
One pacer serves the whole process (see `tools.wiring.lucca_connection`).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable

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
        self._granted: deque[float] = deque(maxlen=rate or 1)  # the latest `rate` slot times
        self._paused_until = 0.0

    async def take_slot(self) -> float:
        """Wait for this request's turn; the seconds waited. `LuccaRateLimited` if too far away."""
        now = self._clock()
        slot = max(now, self._paused_until)
        if self.rate and len(self._granted) == self.rate:
            slot = max(slot, self._granted[0] + self.window_seconds + EDGE_MARGIN_SECONDS)
        wait = slot - now
        if wait > self.max_wait_seconds:
            raise LuccaRateLimited(
                f"Too many requests to Lucca are queued: this one would wait {math.ceil(wait)} "
                f"seconds, more than the {self.max_wait_seconds:.0f} allowed "
                "(LUCCA_MAX_QUEUE_SECONDS). Nothing was sent.",
                f"Try again in {math.ceil(wait)} seconds.",
                retry_after=float(math.ceil(wait)),
            )
        if self.rate:
            self._granted.append(slot)
        waited = 0.0
        while wait > 0:
            await self._sleep(wait)
            waited += wait
            # A pause asked by Lucca while we slept holds this slot back too.
            wait = self._paused_until - self._clock()
        if waited:
            events.emit(events.RateLimitWait(seconds=waited, reason="pacing"))
        return waited

    def pause(self, seconds: float) -> None:
        """Lucca answered 429: no slot before `seconds` from now."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)
