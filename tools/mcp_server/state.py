"""What the server holds for its whole life: the process's one Lucca client, opened on first use.

Opening it builds a TLS context (tens of milliseconds) and, with `--sandbox`, starts the emulator;
doing that at the first call instead of before the first answer keeps the assistant's start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack

import anyio

from tools.core.client import LuccaClient
from tools.mcp_server.access import OPEN, AccessPolicy

LuccaOpener = Callable[[], AbstractAsyncContextManager[LuccaClient]]


class ServerState:
    def __init__(self, open_lucca: LuccaOpener, access: AccessPolicy = OPEN) -> None:
        self._open_lucca = open_lucca
        self.access = access  # who may read and create (tools.mcp_server.access)
        self._lucca: LuccaClient | None = None
        self._lock = anyio.Lock()
        self._resources = AsyncExitStack()

    async def lucca(self) -> LuccaClient:
        if self._lucca is None:
            async with self._lock:
                if self._lucca is None:
                    self._lucca = await self._resources.enter_async_context(self._open_lucca())
        return self._lucca

    async def aclose(self) -> None:
        self._lucca = None
        await self._resources.aclose()
