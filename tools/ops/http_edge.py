"""The edge of `serve`: what a stranger's connections may hold, and for how long.

uvicorn closes a keep-alive connection that stays idle between requests, but not one that never
sends (or never finishes) its request headers, and it accepts connections until the process runs
out of file descriptors: then `/healthz` stops answering and asyncio logs "out of system resource"
on every try. So `serve`'s connections go through `guarded_protocol(limits)`, uvicorn's h11
protocol plus:

- a header deadline: a connection that has not sent a whole request head within
  `header_timeout` seconds of connecting (or, after an answer, of the head's first byte: silence
  between requests is the keep-alive timeout's) is closed, and so is one whose request body is
  not all in within as long again after its head (the app sees the client gone);
- a connection cap: past `max_connections`, a new connection closes the connection that has waited
  longest for a request head (an idle one: nothing in flight is cut), so a prober still gets in;
  when every connection is busy, the newcomer gets a 503 and is closed at once. Either way the
  process keeps file descriptors for its own work (Lucca, the store);
- logs about either at most once every few seconds (`RateLimitedLog`), with the count held back.

`open_files_limit` and `fitted_limits` fit the cap under the open-files limit, and
`quiet_accept_errors` makes asyncio's own "cannot accept" error a line every few seconds instead
of thousands a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from tools.ops.rate_limited_log import RateLimitedLog

logger = logging.getLogger("lucca_training.http")

# File descriptors kept for everything but incoming connections: the listening socket, Lucca's
# connection pool, the store, log files, the embedded sandbox's own sockets with --sandbox...
RESERVED_DESCRIPTORS = 64
# ...and for bursts of accepts: asyncio accepts up to `backlog` connections at each wake-up, and
# a few wake-ups can pass before the first of them reaches the cap's check (and before the
# descriptors of the connections it closed are released). So asyncio's `backlog` is kept small,
# ACCEPT_BURST, and the kernel's queue made long again after listening (`widen_listen_queue`),
# so that a burst of connections waits in the queue instead of being refused.
ACCEPT_BURST = 32
BURSTS_IN_FLIGHT = 4
LISTEN_QUEUE = 2048  # uvicorn's default backlog
MIN_CONNECTIONS = 16
ACCEPT_ERROR = "socket.accept() out of system resource"
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"connection: close\r\ncontent-length: 37\r\nretry-after: 1\r\n\r\n"
    b"Too many connections: try again soon."
)


@dataclass(frozen=True)
class EdgeLimits:
    header_timeout: float  # seconds from connecting (or the previous answer) to a request head
    max_connections: int
    backlog: int = ACCEPT_BURST  # for uvicorn.Config(backlog=...): see widen_listen_queue


def guarded_protocol(limits: EdgeLimits) -> type[H11Protocol]:
    """uvicorn's h11 protocol with these limits; pass it as `uvicorn.Config(http=...)`.

    One class per server: its `waiting` table holds that server's connections awaiting a request
    head, oldest first (a dict keeps insertion order), which is whom the cap closes first.
    """

    class GuardedH11Protocol(_Guarded):
        pass

    GuardedH11Protocol.limits = limits
    GuardedH11Protocol.waiting = {}
    GuardedH11Protocol.refusals = RateLimitedLog(logger)
    GuardedH11Protocol.evictions = RateLimitedLog(logger)
    return GuardedH11Protocol


class _Guarded(H11Protocol):
    limits: ClassVar[EdgeLimits]
    waiting: ClassVar[dict[_Guarded, None]]
    refusals: ClassVar[RateLimitedLog]
    evictions: ClassVar[RateLimitedLog]
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections and not self._make_room():
            self.refusals.log(
                logging.WARNING,
                "At the connection cap (%d), all busy: refusing new connections with 503",
                self.limits.max_connections,
            )
            transport.write(_BUSY)
            transport.close()
            return
        self._await_request_head(deadline=True)

    def data_received(self, data: bytes) -> None:
        if self in self.waiting and self._deadline is None:  # a new head begins after an answer
            self._arm(self._deadline_passed)
        super().data_received(data)

    def handle_events(self) -> None:
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle:  # a request head arrived: the deadline is met
            self._stop_waiting()
            if self.conn.their_state is h11.SEND_BODY:  # now its body has one
                self._arm(self._body_late)

    def on_response_complete(self) -> None:
        if not self.transport.is_closing():
            # Silence until the next request is the keep-alive timer's (uvicorn's); the head's
            # deadline starts with its first byte. Before super(): it may parse a pipelined one.
            self._await_request_head(deadline=False)
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_waiting()
        super().connection_lost(exc)

    def _await_request_head(self, *, deadline: bool) -> None:
        self._stop_waiting()
        self.waiting[self] = None
        if deadline:
            self._arm(self._deadline_passed)

    def _arm(self, callback: Callable[[], None]) -> None:
        self._deadline = self.loop.call_later(self.limits.header_timeout, callback)

    def _stop_waiting(self) -> None:
        self.waiting.pop(self, None)
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _deadline_passed(self) -> None:
        self._deadline = None
        if self in self.waiting and self.conn.their_state is h11.IDLE:
            logger.debug("Closed a connection that sent no request head in time")
            self._close_idle()

    def _body_late(self) -> None:
        self._deadline = None
        if self.conn.their_state is h11.SEND_BODY and not self.transport.is_closing():
            logger.debug("Closed a connection whose request body did not come in time")
            self.transport.close()  # connection_lost tells the app: http.disconnect

    def _make_room(self) -> bool:
        """Close the connection that has waited longest for a request head; False if none."""
        for oldest in self.waiting:
            if oldest is not self:
                self.evictions.log(
                    logging.WARNING,
                    "At the connection cap (%d): closing the longest-idle connections",
                    self.limits.max_connections,
                )
                oldest._close_idle()
                return True
        return False

    def _close_idle(self) -> None:
        self._stop_waiting()
        self.connections.discard(self)  # its descriptor is released with the transport
        if not self.transport.is_closing():
            with contextlib.suppress(h11.LocalProtocolError):  # h11's bookkeeping only
                self.conn.send(h11.ConnectionClosed())
            self.transport.close()


def open_files_limit() -> int:
    """The soft open-files limit, first raised to the hard one (as Go programs do by themselves).

    `ulimit -n` in a shell sets both; a container or systemd often sets soft 1024 and hard far
    more, which a server may take without asking anyone.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = max(soft, 65536) if hard == resource.RLIM_INFINITY else hard
    if wanted > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return soft


def fitted_limits(header_timeout: float, configured: int, open_files: int) -> EdgeLimits:
    """The limits, the cap lowered to leave the process descriptors for its own work."""
    fits = open_files - RESERVED_DESCRIPTORS - BURSTS_IN_FLIGHT * ACCEPT_BURST
    fits = max(MIN_CONNECTIONS, fits)
    if configured > fits:
        logger.warning(
            "HTTP_MAX_CONNECTIONS lowered from %d to %d: the open-files limit is %d "
            "(raise it with ulimit -n or the container's nofile limit)",
            configured,
            fits,
            open_files,
        )
    return EdgeLimits(header_timeout, min(configured, fits))


def widen_listen_queue(servers: list[asyncio.Server], queue: int = LISTEN_QUEUE) -> None:
    """Give the listening sockets a long kernel queue again, once asyncio has set its own.

    asyncio uses one number for both the kernel's queue (`listen(backlog)`) and how many
    connections it accepts per wake-up; we want the second small and the first long.
    """
    for server in servers:
        for listening in server.sockets:
            with socket.fromfd(listening.fileno(), listening.family, listening.type) as same:
                same.listen(queue)  # the same socket, through a duplicate descriptor


def quiet_accept_errors(loop: asyncio.AbstractEventLoop) -> None:
    """asyncio's "cannot accept" error (no descriptor left) once every few seconds, not each try."""
    accept_log = RateLimitedLog(logger)
    previous = loop.get_exception_handler()

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if context.get("message") == ACCEPT_ERROR:
            error = context.get("exception")
            accept_log.log(logging.ERROR, "Cannot accept connections: %s", error)
        elif previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)
