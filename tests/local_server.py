"""An aiohttp app on a loopback port, in a thread of its own: how the fake Slack and the fake
model run beside the code under test, which keeps its own event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable

from aiohttp import web

# How long start() and stop() wait for the server's thread. Only a safety net: on a loaded 2-core
# machine a thread can take seconds to be scheduled, and a server that never came up must fail
# loudly here rather than hand out port 0.
THREAD_WAIT_SECONDS = 30.0


class LocalServer:
    def __init__(
        self,
        build_app: Callable[[], web.Application],
        *,
        name: str,
        before_cleanup: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._build_app = build_app
        self._name = name
        self._before_cleanup = before_cleanup
        self.loop: asyncio.AbstractEventLoop | None = None  # the server's, once started
        self.port = 0
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None

    def start(self) -> None:
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._serve()), name=self._name, daemon=True
        )
        self._thread.start()
        if not self._ready.wait(THREAD_WAIT_SECONDS):
            raise AssertionError(f"{self._name} did not listen within {THREAD_WAIT_SECONDS} s")

    def stop(self) -> None:
        if self.loop is not None and self._stop is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(THREAD_WAIT_SECONDS)

    async def _serve(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        runner = web.AppRunner(self._build_app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            if self._before_cleanup is not None:
                await self._before_cleanup()
            await runner.cleanup()
