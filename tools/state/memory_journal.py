"""The Slack journal of a process alone, in its memory: what `Creations` uses without a store.

The same methods as `tools.state.journal.SlackJournal`, over a dict: the double-submit guard of
one process, nothing kept across a restart and nothing ever taken over (no other process can
hold a lease here).
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from tools.state.journal import DONE, PENDING, JournalEntry


class MemoryJournal:
    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], JournalEntry] = {}

    async def record(
        self,
        view_id: str,
        user_id: str,
        team_id: str | None,
        submission: dict[str, Any],
        view: dict[str, Any],
    ) -> JournalEntry | None:
        existing = self._entries.get((view_id, user_id))
        if existing is not None:
            return existing
        self._entries[(view_id, user_id)] = JournalEntry(
            view_id, user_id, team_id, submission, view, PENDING, 1, time.time(), None
        )
        return None

    async def renew(self, view_id: str, user_id: str) -> bool:
        return (view_id, user_id) in self._entries

    async def show(self, view_id: str, user_id: str, view: dict[str, Any]) -> None:
        entry = self._entries.get((view_id, user_id))
        if entry is not None:
            self._entries[(view_id, user_id)] = replace(entry, view=view)

    async def finish(self, view_id: str, user_id: str, view: dict[str, Any]) -> None:
        entry = self._entries.get((view_id, user_id))
        if entry is not None:
            self._entries[(view_id, user_id)] = replace(
                entry, view=view, state=DONE, finished_at=time.time()
            )

    async def fail(self, view_id: str, user_id: str) -> None:
        self._entries.pop((view_id, user_id), None)

    async def take_expired(self, limit: int = 5) -> list[JournalEntry]:
        return []  # this process holds every lease it wrote

    async def purge(self, keep_seconds: float) -> int:
        cutoff = time.time() - keep_seconds
        old = [
            key
            for key, entry in self._entries.items()
            if entry.finished_at is not None and entry.finished_at < cutoff
        ]
        for key in old:
            del self._entries[key]
        return len(old)
