"""One time budget for stopping, shared by the HTTP server and the app's own draining.

On SIGTERM the server stops accepting, waits for the requests in flight (MCP calls), then the
app's lifespan waits for the work that outlives its request (Slack creations run after their
acknowledgement). Both come out of one budget, SHUTDOWN_GRACE_SECONDS, counted from the signal, so
that the process is gone before the orchestrator's own deadline (Kubernetes: 30 s, then SIGKILL).
"""

from __future__ import annotations

import time
from collections.abc import Callable

MIN_DRAIN_SECONDS = 1.0  # even a late drain gets a moment: most creations take well under it


class ShutdownBudget:
    def __init__(self, grace_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.grace_seconds = grace_seconds
        self._clock = clock
        self._started: float | None = None

    def begin(self) -> None:
        """Called when the stop signal arrives (a second signal does not reset the budget)."""
        if self._started is None:
            self._started = self._clock()

    @property
    def stopping(self) -> bool:
        return self._started is not None

    def remaining(self) -> float:
        if self._started is None:
            return self.grace_seconds
        left = self.grace_seconds - (self._clock() - self._started)
        return max(MIN_DRAIN_SECONDS, left)
