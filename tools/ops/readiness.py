"""`/readyz`: may this replica take traffic? Its settings work and Lucca answers them.

One cheap request (the trainings list, one item) through the process's Lucca client, with its key:
a 401/403/404 means the settings do not work, no answer means Lucca is unreachable. The answer is
kept for `cache_seconds` (60), because probes come every few seconds from every replica and the
tenant has 50 requests a minute for all its integrations: one a minute per replica is the cost.
The check never waits out a rate limit, and is bounded in time (a probe has its own timeout).
A 429 means Lucca is reachable and the key accepted: ready (the creations will wait their turn).
Reasons are the core's error messages: they name the base URL, never the key.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass

from tools.core.client import LuccaClient, RetryPolicy
from tools.core.errors import LuccaRateLimited, TrainingError

CACHE_SECONDS = 60.0
CHECK_TIMEOUT_SECONDS = 4.0
NO_WAITING = RetryPolicy(max_rate_limit_wait=0.0, max_rate_limit_retries=0, connect_backoff=())


@dataclass(frozen=True)
class ReadinessState:
    ready: bool
    reason: str
    checked_at: float  # on the checker's clock

    def as_json(self, now: float) -> dict[str, object]:
        return {
            "status": "ready" if self.ready else "not ready",
            "reason": self.reason,
            "checked_seconds_ago": round(max(0.0, now - self.checked_at), 1),
        }


class Readiness:
    def __init__(
        self,
        lucca: LuccaClient,
        *,
        cache_seconds: float = CACHE_SECONDS,
        timeout: float = CHECK_TIMEOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lucca = dataclasses.replace(lucca, retry=NO_WAITING)
        self._cache_seconds = cache_seconds
        self._timeout = timeout
        self.clock = clock
        self._last: ReadinessState | None = None
        self._lock = asyncio.Lock()  # probes arriving together make one request, not several

    async def check(self) -> ReadinessState:
        async with self._lock:
            last = self._last
            if last is not None and self.clock() - last.checked_at < self._cache_seconds:
                return last
            self._last = await self._ask_lucca()
            return self._last

    async def _ask_lucca(self) -> ReadinessState:
        try:
            async with asyncio.timeout(self._timeout):
                await self._lucca.list_trainings(limit=1)
        except LuccaRateLimited:
            return ReadinessState(True, "Lucca is reachable (rate limited right now)", self.clock())
        except TrainingError as error:
            return ReadinessState(False, error.message, self.clock())
        except TimeoutError:
            reason = f"Lucca did not answer within {self._timeout:g} s"
            return ReadinessState(False, reason, self.clock())
        return ReadinessState(True, "Lucca answers with these settings", self.clock())
