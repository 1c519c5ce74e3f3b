"""One HTTP/1.1 connection of the sandbox's server: h11 for the protocol, ASGI 3 for the app.

It can do what general-purpose servers will not: on the `sandbox.drop` extension message it closes
the connection without writing a byte, so clients see exactly what a crashed backend or a cut
network path looks like ("server disconnected without sending a response").
"""

import asyncio
import contextlib
import logging
from email.utils import formatdate
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote

import h11

from tools.sandbox.asgi_io import DROP_EXTENSION, Message

logger = logging.getLogger(__name__)

READ_SIZE = 64 * 1024
# What is discarded of a body the app did not read, so the answer still reaches the client.
MAX_DISCARD_BYTES = 8 * 1024 * 1024


class _PeerGone(Exception):
    """The client closed or broke the connection; nothing more can be read or written."""


class H11Connection:
    def __init__(
        self,
        app: Any,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        idle_timeout: float,
    ) -> None:
        self._app = app
        self._reader = reader
        self._writer = writer
        self._idle_timeout = idle_timeout
        self._h11 = h11.Connection(h11.SERVER)
        self.idle = True  # between requests: safe to close at shutdown

    async def serve(self) -> None:
        """Answer requests until the client leaves, asks to close, idles out, or a fault drops."""
        try:
            while await self._serve_one():
                self._h11.start_next_cycle()
        except (_PeerGone, TimeoutError, ConnectionError):
            pass
        except h11.RemoteProtocolError as err:
            await self._answer_bad_request(err.error_status_hint)
        finally:
            self._writer.close()

    async def _serve_one(self) -> bool:
        """One request/response cycle; True when the connection can carry another request."""
        self.idle = True
        event = await self._next_event()
        self.idle = False
        if not isinstance(event, h11.Request):
            return False
        cycle = _Cycle(self, event)
        try:
            await self._app(cycle.scope(), cycle.receive, cycle.send)
        except _PeerGone:
            return False
        except Exception:
            logger.exception("sandbox app failed")
            if cycle.dropped or cycle.started:
                return False
            await cycle.send_plain(500, b"Internal Server Error")
        if cycle.peer_gone:
            return False
        if cycle.dropped:
            if not self.awaits_continue:  # a 100 Continue would be a byte written: never on drop
                await self._discard_body()  # closing with unread input would reset, not close
            return False
        if not cycle.finished:
            await cycle.send_plain(500, b"No response")
        if cycle.refused_continue:
            return False  # the client may never send the body it announced: do not wait for it
        await self._discard_body()
        return self._h11.our_state is h11.DONE and self._h11.their_state is h11.DONE

    async def _next_event(self) -> Any:
        while True:
            event = self._h11.next_event()
            if event is not h11.NEED_DATA:
                return event
            async with asyncio.timeout(self._idle_timeout):
                data = await self._reader.read(READ_SIZE)
            self._h11.receive_data(data)

    @property
    def awaits_continue(self) -> bool:
        return bool(self._h11.they_are_waiting_for_100_continue)

    async def read_body_event(self) -> Any:
        """The next Data or EndOfMessage; _PeerGone if the client left mid-body."""
        if self.awaits_continue:
            await self.write(h11.InformationalResponse(status_code=100, headers=[]))
        try:
            event = await self._next_event()
        except (h11.RemoteProtocolError, TimeoutError, ConnectionError):
            raise _PeerGone from None  # left, broke the framing, or stalled: gone either way
        if isinstance(event, h11.ConnectionClosed):
            raise _PeerGone
        return event

    async def write(self, event: Any) -> None:
        data = self._h11.send(event)
        if data:
            self._writer.write(data)
        try:
            await self._writer.drain()
        except ConnectionError:
            raise _PeerGone from None

    async def _discard_body(self) -> None:
        """Read and forget what is left of the request body, up to a bound."""
        discarded = 0
        while self._h11.their_state is h11.SEND_BODY and discarded <= MAX_DISCARD_BYTES:
            event = await self.read_body_event()
            if isinstance(event, h11.Data):
                discarded += len(event.data)

    async def _answer_bad_request(self, status: int) -> None:
        """Tell a client that sent something unparsable (400, or 431 for huge headers) why."""
        if self._h11.our_state not in (h11.IDLE, h11.SEND_RESPONSE):
            return
        with contextlib.suppress(_PeerGone, h11.LocalProtocolError):
            await _Cycle(self, None).send_plain(status, _reason(status))

    @property
    def peer(self) -> tuple[str, int] | None:
        return _address(self._writer.get_extra_info("peername"))

    @property
    def local(self) -> tuple[str, int] | None:
        return _address(self._writer.get_extra_info("sockname"))


class _Cycle:
    """One request and its response, seen from the ASGI app."""

    def __init__(self, connection: H11Connection, request: h11.Request | None) -> None:
        self._connection = connection
        self._request = request
        self._body_done = request is None
        self._finished_event = asyncio.Event()
        self.started = False
        self.finished = False
        self.dropped = False
        self.peer_gone = False
        self.refused_continue = False  # answered while the client still awaited 100 Continue

    def scope(self) -> dict[str, Any]:
        assert self._request is not None
        target = self._request.target
        if not target.startswith(b"/"):  # absolute-form: http://host/path?query
            target = b"/" + target.split(b"://", 1)[-1].partition(b"/")[2]
        raw_path, _, query = target.partition(b"?")
        return {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.4"},
            "http_version": self._request.http_version.decode("ascii"),
            "method": self._request.method.decode("ascii"),
            "scheme": "http",
            "path": unquote(raw_path.decode("latin-1"), encoding="utf-8", errors="replace"),
            "raw_path": raw_path,
            "query_string": query,
            "root_path": "",
            "headers": [(name.lower(), value) for name, value in self._request.headers],
            "client": self._connection.peer,
            "server": self._connection.local,
            "extensions": {DROP_EXTENSION: {}},
        }

    async def receive(self) -> Message:
        if self._body_done:
            # ASGI: after the body, receive() waits until the exchange is over.
            await self._finished_event.wait()
            return {"type": "http.disconnect"}
        try:
            event = await self._connection.read_body_event()
        except _PeerGone:
            self._body_done = self.peer_gone = True
            return {"type": "http.disconnect"}
        if isinstance(event, h11.Data):
            return {"type": "http.request", "body": bytes(event.data), "more_body": True}
        self._body_done = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(self, message: Message) -> None:
        kind = message["type"]
        if kind == DROP_EXTENSION:
            self.dropped = True
            self._finished_event.set()
        elif kind == "http.response.start" and not self.started and not self.dropped:
            self.started = True
            self.refused_continue = self._connection.awaits_continue
            headers = list(message.get("headers", []))
            if not any(name.lower() == b"date" for name, _ in headers):
                headers.append((b"date", formatdate(usegmt=True).encode("ascii")))
            status = message["status"]
            response = h11.Response(status_code=status, headers=headers, reason=_reason(status))
            await self._connection.write(response)
        elif kind == "http.response.body" and self.started and not self.finished:
            await self._send_body(message)
        else:
            raise RuntimeError(f"unexpected ASGI message {kind!r} at this point")

    async def _send_body(self, message: Message) -> None:
        body = message.get("body", b"")
        if body and not (self._request and self._request.method == b"HEAD"):
            await self._connection.write(h11.Data(data=body))
        if not message.get("more_body", False):
            await self._connection.write(h11.EndOfMessage())
            self.finished = True
            self._finished_event.set()

    async def send_plain(self, status: int, text: bytes) -> None:
        headers = [(b"content-type", b"text/plain"), (b"content-length", str(len(text)).encode())]
        await self.send({"type": "http.response.start", "status": status, "headers": headers})
        await self.send({"type": "http.response.body", "body": text})


def _reason(status: int) -> bytes:
    """The standard reason phrase, for humans reading raw answers (curl -i, logs)."""
    try:
        return HTTPStatus(status).phrase.encode("ascii")
    except ValueError:
        return b""


def _address(info: Any) -> tuple[str, int] | None:
    return (str(info[0]), int(info[1])) if isinstance(info, tuple) and len(info) >= 2 else None
