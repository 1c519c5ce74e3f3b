"""HTTP mode: Slack POSTs commands, options and submissions to `/slack/events`.

`slack_events_asgi(app)` is an ASGI app that answers whatever path it is served at: in the
combined server, `Route("/slack/events", slack_events_asgi(slack_app), methods=["POST"])` (an
instance, so Starlette calls it as ASGI; call its `drain()` on shutdown), or served directly (tests,
the benchmark). Bolt checks every request's signature (HMAC-SHA256
over `v0:{timestamp}:{body}` with the signing secret, 5-minute window) and answers 401 otherwise.
Bodies are capped: Slack's are a few kilobytes, and an unsigned sender must not make us buffer
megabytes before the signature is even checked.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from slack_bolt.adapter.starlette.async_handler import (
    to_async_bolt_request,
    to_starlette_response,
)
from slack_bolt.async_app import AsyncApp
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.app import SlackFace

MAX_BODY_BYTES = 1_000_000  # a modal of 100 blocks with 6000 characters is far below this

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class SlackEvents:
    """The ASGI app for `/slack/events`: POST only; lifespan shutdown drains creations.

    An instance, not a function, so that Starlette's `Route` takes it as an ASGI app as it is.
    """

    def __init__(self, face: SlackFace) -> None:
        self.face = face
        self.app = face.app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(self.face, receive, send)
            return
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        if request.method != "POST":
            response: Response = PlainTextResponse(
                "Slack events are POSTed here.", status_code=405, headers={"Allow": "POST"}
            )
        else:
            response = await _dispatch(self.app, request)
        await response(scope, receive, send)

    async def drain(self, timeout: float = 10.0) -> None:
        """Mounted in another app (whose lifespan this one does not get): call on shutdown."""
        await self.face.drain(timeout)


def slack_events_asgi(face: SlackFace) -> SlackEvents:
    """The ASGI callable to serve at (or mount on) `/slack/events`."""
    return SlackEvents(face)


async def _dispatch(app: AsyncApp, request: Request) -> Response:
    body = await _read_body(request)
    if body is None:
        return PlainTextResponse("Request body too large.", status_code=413)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return PlainTextResponse("Request body is not UTF-8.", status_code=400)
    bolt_response = await app.async_dispatch(to_async_bolt_request(request, body))
    return to_starlette_response(bolt_response)


async def _read_body(request: Request) -> bytes | None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _lifespan(face: SlackFace, receive: Receive, send: Send) -> None:
    """Served alone, the app drains its creations on shutdown (mounted: call `drain`)."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await face.drain()
            await send({"type": "lifespan.shutdown.complete"})
            return
