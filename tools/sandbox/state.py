"""Everything one sandbox instance remembers, in one place so reset can clear all of it."""

from dataclasses import dataclass, field
from typing import Any

from tools.sandbox.faults import FaultQueue
from tools.sandbox.modes import ListModes
from tools.sandbox.rate_limit import SlidingWindowLimiter
from tools.sandbox.store import TrainingStore


@dataclass
class LoggedRequest:
    method: str
    path: str
    status: int | None = None  # None until answered; stays None when no answer was sent


class RequestLog:
    """Lucca requests in arrival order, so tests can assert what a client really sent.

    A request is listed from the moment it arrives: a client that gave up waiting (timeout) must
    still be able to see that Lucca received it, which is what makes the outcome "unknown".
    """

    def __init__(self) -> None:
        self._entries: list[LoggedRequest] = []

    def begin(self, method: str, path: str) -> LoggedRequest:
        entry = LoggedRequest(method, path)
        self._entries.append(entry)
        return entry

    def as_json(self) -> list[dict[str, Any]]:
        return [{"method": e.method, "path": e.path, "status": e.status} for e in self._entries]

    def clear(self) -> None:
        self._entries = []


@dataclass
class SandboxState:
    store: TrainingStore
    limiter: SlidingWindowLimiter
    initial_modes: ListModes = field(default_factory=ListModes)
    faults: FaultQueue = field(default_factory=FaultQueue)
    log: RequestLog = field(default_factory=RequestLog)
    modes: ListModes = field(init=False)

    def __post_init__(self) -> None:
        self.modes = self.initial_modes

    def reset(self) -> None:
        self.store.reset()
        self.modes = self.initial_modes
        self.limiter.reset()
        self.faults.clear()
        self.log.clear()
