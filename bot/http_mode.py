"""HTTP mode: Slack POSTs commands, options and submissions to `/slack/events`.

`slack_events_asgi(app)` is an ASGI app that answers whatever path it is served at: in the
combined server, `Route("/slack/events", slack_events_asgi(slack_app), methods=["POST"])` (an
instance, so Starlette calls it as ASGI; call its `drain()` on shutdown), or served directly (tests,
the benchmark).

Anyone on the internet can POST here, so the order is: cap the body (Slack's are a few kilobytes:
an unsigned sender must not make us buffer megabytes), check the signature on the raw bytes
(HMAC-SHA256 over `v0:{timestamp}:{body}` with the signing secret; a timestamp that is not plain
digits or is outside the 5-minute window is a 401), and only then parse: a signed body that Bolt
cannot read is a 400. A sender that hangs up mid-body is gone, logged at DEBUG. None of these is an
error of ours, so none gives a 500 or a traceback. Bolt checks the signature again: harmless.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from slack_bolt.adapter.starlette.async_handler import (
    to_async_bolt_request,
    to_starlette_response,
)
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response

from bot.app import SlackFace

logger = logging.getLogger("lucca_training.slack")

MAX_BODY_BYTES = 1_000_000  # a modal of 100 blocks with 6000 characters is far below this
SIGNATURE_WINDOW_SECONDS = 5 * 60  # Slack's own rule
MAX_TIMESTAMP_DIGITS = 12  # seconds since 1970 have 10 digits until the year 2286

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class SlackEvents:
    """The ASGI app for `/slack/events`: POST only; lifespan shutdown drains creations.

    An instance, not a function, so that Starlette's `Route` takes it as an ASGI app as it is.
    """

    def __init__(self, face: SlackFace, clock: Callable[[], float] = time.time) -> None:
        self.face = face
        self.app = face.app
        # The secret the app was built with (a random one when SLACK_SIGNING_SECRET is unset:
        # see build_slack_app). Bolt keeps it on the app; it offers no public accessor.
        self._secret = face.app._signing_secret.encode("utf-8")
        self._clock = clock

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
            answer = await self._dispatch(request)
            if answer is None:
                return  # the sender is gone: nobody to answer (counted as 499 by the middleware)
            response = answer
        await response(scope, receive, send)

    async def drain(self, timeout: float = 10.0) -> None:
        """Mounted in another app (whose lifespan this one does not get): call on shutdown."""
        await self.face.drain(timeout)

    async def _dispatch(self, request: Request) -> Response | None:
        try:
            body = await _read_body(request)
        except ClientDisconnect:
            logger.debug("A Slack events sender left before the end of its body")
            return None
        if body is None:
            return PlainTextResponse("Request body too large.", status_code=413)
        if not self._signed(request, body):
            return PlainTextResponse("Invalid request signature.", status_code=401)
        try:
            bolt_request = to_async_bolt_request(request, body)
        except ValueError:  # not UTF-8, or a `payload=` that is not JSON (JSONDecodeError)
            return PlainTextResponse("Request body is not a Slack payload.", status_code=400)
        bolt_response = await self.app.async_dispatch(bolt_request)
        return to_starlette_response(bolt_response)

    def _signed(self, request: Request, body: bytes) -> bool:
        """Slack's signature over these exact bytes, made within the window."""
        timestamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        if (
            not (timestamp.isascii() and timestamp.isdigit())
            or len(timestamp) > MAX_TIMESTAMP_DIGITS
        ):
            return False
        if abs(self._clock() - int(timestamp)) > SIGNATURE_WINDOW_SECONDS:
            return False
        if not signature.isascii():  # compare_digest refuses non-ASCII text
            return False
        signed = b"v0:" + timestamp.encode("ascii") + b":" + body  # the raw bytes, as they came
        expected = "v0=" + hmac.new(self._secret, signed, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature)


def slack_events_asgi(face: SlackFace) -> SlackEvents:
    """The ASGI callable to serve at (or mount on) `/slack/events`."""
    return SlackEvents(face)


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
