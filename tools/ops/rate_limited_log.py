"""A log line that a stranger can trigger at will, written at most once every few seconds.

A full server refuses thousands of connections a second; one line per refusal would be the next
outage (49 MB of log in 12 s, once). So such lines go through a `RateLimitedLog`: the first is
written, the next ones within `every` seconds are counted, and the count rides on the next line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

LOG_EVERY_SECONDS = 5.0


class RateLimitedLog:
    """One log line at most every `every` seconds; the lines held back are counted in the next."""

    def __init__(
        self,
        logger: logging.Logger,
        every: float = LOG_EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._logger = logger
        self._every = every
        self._clock = clock
        self._last: float | None = None
        self._held = 0

    def log(self, level: int, message: str, *args: Any) -> None:
        now = self._clock()
        if self._last is not None and now - self._last < self._every:
            self._held += 1
            return
        held, self._held, self._last = self._held, 0, now
        suffix = f" ({held} more since the last such line)" if held else ""
        self._logger.log(level, message + suffix, *args)
