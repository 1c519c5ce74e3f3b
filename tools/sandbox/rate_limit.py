"""Lucca's per-tenant request budget: N admitted requests per sliding window.

A sliding log rather than fixed buckets, so a burst straddling a minute boundary is still refused,
and Retry-After tells exactly when the oldest admitted request leaves the window.
"""

import math
import time
from collections import deque
from collections.abc import Callable

Clock = Callable[[], float]


class SlidingWindowLimiter:
    """Admits at most `limit` requests per `window_seconds`; limit 0 admits everything."""

    def __init__(self, limit: int, window_seconds: float, clock: Clock = time.monotonic) -> None:
        self._limit = limit
        self._window = window_seconds
        self._clock = clock
        self._admitted: deque[float] = deque()

    def try_admit(self) -> int | None:
        """None when admitted (and counted); else the whole seconds to wait (at least 1).

        Refused requests are not counted: a client that keeps retrying is not punished further.
        """
        if self._limit == 0:
            return None
        now = self._clock()
        while self._admitted and self._admitted[0] <= now - self._window:
            self._admitted.popleft()
        if len(self._admitted) < self._limit:
            self._admitted.append(now)
            return None
        return max(1, math.ceil(self._admitted[0] + self._window - now))

    def reset(self) -> None:
        self._admitted.clear()
