"""The sandbox's own HTTP/1.1 server: asyncio streams plus h11, one task per connection.

A general-purpose ASGI server cannot close a connection without answering, which is one of the
faults the sandbox must reproduce; this one can (see h11_connection). It also starts and stops in a
few milliseconds, so every test can have its own sandbox.
"""

import asyncio
import logging
import socket
from typing import Any

from tools.sandbox.h11_connection import H11Connection

logger = logging.getLogger(__name__)

KEEP_ALIVE_TIMEOUT = 75.0
STOP_GRACE_SECONDS = 2.0  # how long stop() lets in-flight requests finish


class HttpServer:
    """Serves one ASGI app on host:port (port 0 picks a free one)."""

    def __init__(
        self,
        app: Any,
        host: str = "127.0.0.1",
        port: int = 0,
        idle_timeout: float = KEEP_ALIVE_TIMEOUT,
    ) -> None:
        self._app = app
        self._host = host
        self._port = port
        self._idle_timeout = idle_timeout
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], H11Connection] = {}

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._on_connection, self._host, self._port)

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        return int(self._server.sockets[0].getsockname()[1])

    @property
    def base_url(self) -> str:
        """A URL clients can use: a wildcard bind is reached through loopback."""
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self._host, self._host)
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    async def stop(self, grace_seconds: float = STOP_GRACE_SECONDS) -> None:
        """Stop listening, close idle connections now, give in-flight requests a short grace."""
        if self._server is None:
            return
        self._server.close()
        for task, connection in list(self._connections.items()):
            if connection.idle:
                task.cancel()
        tasks = list(self._connections)
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=grace_seconds)
            for task in pending:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    async def _on_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        sock = writer.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # Small answers go out at once instead of waiting for Nagle's algorithm.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection = H11Connection(self._app, reader, writer, self._idle_timeout)
        task = asyncio.current_task()
        assert task is not None
        self._connections[task] = connection
        try:
            await connection.serve()
        except asyncio.CancelledError:
            pass  # shutdown
        except Exception:
            logger.exception("sandbox connection failed")
        finally:
            del self._connections[task]
