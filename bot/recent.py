"""The user's recent creations from Slack, for the Home tab: one small interface.

`RecentCreations.of_user` is all the Home tab reads. The shared-state journal (a separate piece of
work) will implement it across replicas and restarts; until then `CreationsSeenHere` implements it
from what this process saw finish (`Creations` tells it of each success), newest first.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Protocol

from tools.core.result import CreatedTraining

KEPT_PER_USER = 20
USERS_KEPT = 10_000


@dataclass(frozen=True)
class RecentCreation:
    id: int
    title: str
    state: str  # Lucca's catalog status: "Ready" for a new training
    at: float  # when, in seconds since the epoch


class RecentCreations(Protocol):
    async def of_user(self, team: str | None, user: str, limit: int) -> list[RecentCreation]: ...


class CreationsSeenHere:
    """Recent creations that finished in this process (lost on restart; one replica's only)."""

    def __init__(self, clock=time.time) -> None:
        self._clock = clock
        self._by_user: OrderedDict[tuple[str | None, str], deque[RecentCreation]] = OrderedDict()

    def record(self, team: str | None, user: str, created: CreatedTraining) -> None:
        if created.outcome == "existing":
            return  # nothing was created: the catalog already had it
        key = (team, user)
        seen = self._by_user.setdefault(key, deque(maxlen=KEPT_PER_USER))
        seen.appendleft(RecentCreation(created.id, created.title, created.state, self._clock()))
        self._by_user.move_to_end(key)
        while len(self._by_user) > USERS_KEPT:
            self._by_user.popitem(last=False)

    async def of_user(self, team: str | None, user: str, limit: int) -> list[RecentCreation]:
        return list(self._by_user.get((team, user), ()))[:limit]
