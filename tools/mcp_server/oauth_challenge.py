"""The `401`/`403` answers of `/mcp`, saying why a token was refused and which scopes to ask for.

The SDK answers every refused token with the same "Authentication required". The verifier knows
more (expired, meant for another server, signed with a retired key), so it notes the reason for
the request in flight, and this middleware puts it into the challenge's `error_description` and
body (RFC 6750 section 3). It also adds `scope=`, so a client knows which scopes to request: on a
401 both (reading and creating), on a 403 the one missing. Reasons never hold the token.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_reasons: ContextVar[list[str] | None] = ContextVar("token_refusal_reasons", default=None)
NO_TOKEN = "This server needs an OAuth access token: sign in (the resource metadata says where)."


def note_refusal(reason: str) -> None:
    """Called by the verifier; kept only for the request being answered."""
    reasons = _reasons.get()
    if reasons is not None:
        reasons.append(reason)


class ChallengeMiddleware:
    def __init__(self, app: ASGIApp, *, scopes: list[str], read_scope: str) -> None:
        self.app = app
        self.scopes = " ".join(scopes)
        self.read_scope = read_scope

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        reasons: list[str] = []
        marker = _reasons.set(reasons)
        held: list[Message] = []

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (401, 403):
                held.append(message)  # rewritten once the body (the SDK's JSON) is known
                return
            if held and message["type"] == "http.response.body":
                start, body = self._rewritten(held.pop(), message, reasons)
                await send(start)
                await send(body)
                return
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            _reasons.reset(marker)

    def _rewritten(
        self, start: Message, body: Message, reasons: list[str]
    ) -> tuple[Message, Message]:
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        challenge = next((v.decode() for k, v in headers if k.lower() == b"www-authenticate"), "")
        if not challenge.startswith("Bearer"):
            return start, body  # not the SDK's token challenge (e.g. a foreign Origin): untouched
        params = _params(challenge)
        if start["status"] == 401:
            description = f"The token was refused: {reasons[-1]}" if reasons else NO_TOKEN
            params["error_description"] = description
            params["scope"] = self.scopes
        else:
            params["scope"] = self.read_scope
        header = "Bearer " + ", ".join(f'{k}="{_quoted(v)}"' for k, v in params.items())
        payload = json.dumps(
            {"error": params.get("error"), "error_description": params.get("error_description")}
        ).encode()
        headers = [(k, v) for k, v in headers if k.lower() != b"www-authenticate"]
        headers += [(b"www-authenticate", header.encode())]
        headers += [(b"content-length", str(len(payload)).encode())]
        return {**start, "headers": headers}, {"type": "http.response.body", "body": payload}


def _params(challenge: str) -> dict[str, Any]:
    """`Bearer a="x", b="y"` -> {a: x, b: y}; the SDK's values hold no quotes or commas."""
    found: dict[str, Any] = {}
    for part in challenge.removeprefix("Bearer").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            found[name] = value.strip('"')
    return found


def _quoted(value: str) -> str:
    return value.replace("\\", "").replace('"', "'")
