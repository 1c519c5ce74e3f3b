"""The thin layer between raw ASGI messages and the sandbox's handlers.

No framework on purpose: the sandbox needs one thing frameworks do not offer, closing a connection
without answering, which travels as the `sandbox.drop` ASGI extension our own server implements.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from tools.sandbox.responses import Response

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

DROP_EXTENSION = "sandbox.drop"


class ClientGone(Exception):
    """The client disconnected before its request was fully received: nobody to answer."""


class BodyTooLarge(Exception):
    """The body exceeds what the endpoint accepts (Kestrel answers 413)."""


@dataclass
class Request:
    """One HTTP request as the handlers see it; the body is read only when a handler asks."""

    scope: Scope
    receive: Receive
    params: dict[str, str] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return str(self.scope["method"])

    @property
    def path(self) -> str:
        return str(self.scope["path"])

    @property
    def query_string(self) -> bytes:
        return bytes(self.scope.get("query_string", b""))

    def header_values(self, name: str) -> list[str]:
        wanted = name.lower().encode("latin-1")
        return [v.decode("latin-1") for k, v in self.scope["headers"] if k.lower() == wanted]

    def header(self, name: str) -> str | None:
        values = self.header_values(name)
        return values[0] if values else None

    def can_drop(self) -> bool:
        return DROP_EXTENSION in self.scope.get("extensions", {})

    async def read_body(self, limit: int) -> bytes:
        """The whole body; BodyTooLarge as soon as it passes `limit` bytes, without reading on.

        The server discards what is left unread, so stopping early keeps memory bounded.
        """
        declared = self.header("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise BodyTooLarge
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await self.receive()
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


async def send_response(send: Send, response: Response) -> None:
    headers = [
        (name.lower().encode("latin-1"), value.encode("latin-1"))
        for name, value in response.headers
    ]
    if response.status not in (204, 304):  # these carry no body, hence no length either
        headers.append((b"content-length", str(len(response.body)).encode("ascii")))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body, "more_body": False})


async def drop_connection(send: Send) -> None:
    await send({"type": DROP_EXTENSION})
