"""What the server holds for its whole life: the core's one `Trainings`, opened on first use.

Opening it builds a TLS context (tens of milliseconds) and, with `--sandbox`, starts the emulator;
doing that at the first call instead of before the first answer keeps the assistant's start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack

import anyio

from tools.core.trainings import Trainings
from tools.mcp_server.access import OPEN, AccessPolicy

TrainingsOpener = Callable[[], AbstractAsyncContextManager[Trainings]]


class ServerState:
    def __init__(self, open_trainings: TrainingsOpener, access: AccessPolicy = OPEN) -> None:
        self._open_trainings = open_trainings
        self.access = access  # who may read and create (tools.mcp_server.access)
        self._trainings: Trainings | None = None
        self._lock = anyio.Lock()
        self._resources = AsyncExitStack()

    async def trainings(self) -> Trainings:
        if self._trainings is None:
            async with self._lock:
                if self._trainings is None:
                    opened = self._open_trainings()
                    self._trainings = await self._resources.enter_async_context(opened)
        return self._trainings

    async def aclose(self) -> None:
        self._trainings = None
        await self._resources.aclose()
