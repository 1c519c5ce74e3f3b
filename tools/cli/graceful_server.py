"""uvicorn's server, starting the shutdown budget's clock when the stop signal arrives, and
logging asyncio's "cannot accept" error once every few seconds, and accepting connections in small
bursts from a long kernel queue (see tools.ops.http_edge).

Its own module so that uvicorn is imported only by the command that serves HTTP.
"""

from __future__ import annotations

import asyncio
import socket
from types import FrameType

import uvicorn

from tools.ops.http_edge import quiet_accept_errors, widen_listen_queue
from tools.ops.shutdown import ShutdownBudget


class GracefulServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, shutdown: ShutdownBudget) -> None:
        super().__init__(config)
        self.budget = shutdown  # not `shutdown`: uvicorn.Server has a method of that name

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.budget.begin()
        super().handle_exit(sig, frame)

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        quiet_accept_errors(asyncio.get_running_loop())
        await super().serve(sockets)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        widen_listen_queue(getattr(self, "servers", []))
