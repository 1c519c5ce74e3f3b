"""The user's recent creations from Slack, for the Home tab: one small interface.

`RecentCreations` is what the Home tab reads and what a finished creation writes. On the store
(`tools.state.slack_history.StoredCreations`) it survives restarts and every replica sees it;
without a store (tests, an app built without one) `CreationsSeenHere` keeps what this process
saw finish, newest first.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from typing import Protocol

from tools.core.result import CreatedTraining
from tools.state.slack_history import KEPT_PER_USER, RecentCreation

USERS_KEPT = 10_000


class RecentCreations(Protocol):
    async def record(self, team: str | None, user: str, created: CreatedTraining) -> None: ...

    async def of_user(self, team: str | None, user: str, limit: int) -> list[RecentCreation]: ...


class CreationsSeenHere:
    """Recent creations that finished in this process (lost on restart; one replica's only)."""

    def __init__(self, clock=time.time) -> None:
        self._clock = clock
        self._by_user: OrderedDict[tuple[str | None, str], deque[RecentCreation]] = OrderedDict()

    async def record(self, team: str | None, user: str, created: CreatedTraining) -> None:
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
