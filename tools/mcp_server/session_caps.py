"""Bounds on the MCP sessions one server holds: in all, and per caller.

A client on the handshake protocol versions (before 2026-07-28) opens a session with `initialize`
and should close it with a DELETE; each open session holds about 26 KB until it has been idle for
MCP_SESSION_IDLE_SECONDS. A client that opens sessions and never closes them would hold gigabytes,
and one caller could take every session the server has. So:

- MCP_MAX_SESSIONS is the SDK's own cap (`max_sessions`: a 503 beyond it) and
  MCP_SESSION_IDLE_SECONDS its idle timeout (`session_idle_timeout`);
- MCP_MAX_SESSIONS_PER_CALLER is ours, checked here before the SDK opens a session: a caller is
  the credential the SDK binds sessions to (the bearer token's name, or the OAuth client and
  subject); without tokens (loopback only) every caller is one, "anonymous". Beyond it the
  request gets a 429 with a JSON-RPC error that says what to do.

Sessions of the stateless protocol (2026-07-28) and MCP_STATELESS=true open nothing: not counted.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser, authorization_context
from mcp.server.streamable_http import MCP_SESSION_ID_HEADER
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER
from mcp_types import INVALID_REQUEST, ErrorData, JSONRPCError
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tools.ops.log_fields import cut
from tools.ops.rate_limited_log import RateLimitedLog

logger = logging.getLogger("lucca_training.mcp")
CallerKey = (
    tuple[str, str | None, str | None] | None
)  # (client id, issuer, subject); None: anonymous
_SESSION_HEADER = MCP_SESSION_ID_HEADER.lower().encode("latin-1")
_VERSION_HEADER = MCP_PROTOCOL_VERSION_HEADER.lower().encode("latin-1")


class PerCallerSessionCap:
    """ASGI, in front of the SDK's session handling (after authentication: `scope["user"]` is set).

    Counts a caller's sessions from the session manager's own tables (so a session the SDK closed,
    on DELETE or idle timeout, is no longer counted the moment it is gone), plus the opening
    requests not yet answered (their session may not be in the tables yet), so that concurrent
    opens cannot overshoot the cap.
    """

    def __init__(
        self, app: ASGIApp, manager: StreamableHTTPSessionManager, per_caller: int, idle: float
    ) -> None:
        self.app = app
        self.manager = manager
        self.per_caller = per_caller
        self.idle_seconds = idle
        self._opening: Counter[CallerKey] = Counter()
        self._refusals = RateLimitedLog(logger)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.manager.stateless or not _opens_a_session(scope):
            await self.app(scope, receive, send)
            return
        caller = _caller_of(scope)
        if self._open_sessions(caller) + self._opening[caller] >= self.per_caller:
            await self._refuse(caller)(scope, receive, send)
            return
        self._opening[caller] += 1
        counted = True

        def opened() -> None:  # from its answer on, the session is in the SDK's tables
            nonlocal counted
            if counted:
                counted = False
                self._opening[caller] -= 1
                if not self._opening[caller]:
                    del self._opening[caller]

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start":
                opened()
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            opened()

    def _open_sessions(self, caller: CallerKey) -> int:
        # The SDK's tables (it has no public count): every session, and the owner of each one
        # opened with a credential. Read only; tests/mcp/test_session_caps.py fails if they change.
        owners = self.manager._session_owners
        if caller is None:
            return len(self.manager._server_instances) - len(owners)
        return sum(1 for owner in owners.values() if _key(owner) == caller)

    def _refuse(self, caller: CallerKey) -> Response:
        name = cut(_name(caller), 64)
        self._refusals.log(
            logging.WARNING,
            "Refused an MCP session to %s: %d open, the most per caller",
            name,
            self.per_caller,
        )
        message = (
            f"Too many open MCP sessions for {name}: {self.per_caller} is the most per caller "
            f"(MCP_MAX_SESSIONS_PER_CALLER). Close sessions you no longer use (HTTP DELETE with "
            f"their {MCP_SESSION_ID_HEADER}), or wait: a session idle for "
            f"{self.idle_seconds:g} s is closed."
        )
        error = JSONRPCError(
            jsonrpc="2.0", id=None, error=ErrorData(code=INVALID_REQUEST, message=message)
        )
        body = error.model_dump_json(by_alias=True, exclude_unset=True)
        return Response(body, status_code=429, media_type="application/json")


def cap_sessions_per_caller(manager: StreamableHTTPSessionManager, per_caller: int) -> None:
    """Put the per-caller cap in front of `manager`'s request handling (its `asgi_app`)."""
    idle = manager.session_idle_timeout or 0.0
    manager.asgi_app = PerCallerSessionCap(manager.asgi_app, manager, per_caller, idle)


def _opens_a_session(scope: Scope) -> bool:
    """A POST without a session id, on a handshake protocol version (or none said)."""
    if scope["type"] != "http" or scope.get("method") != "POST":
        return False
    headers = dict(scope.get("headers", []))
    if _SESSION_HEADER in headers:
        return False
    version = headers.get(_VERSION_HEADER)
    return version is None or version.decode("latin-1") in HANDSHAKE_PROTOCOL_VERSIONS


def _caller_of(scope: Scope) -> CallerKey:
    user = scope.get("user")
    return _key(authorization_context(user)) if isinstance(user, AuthenticatedUser) else None


def _key(owner: Any) -> CallerKey:
    return (owner["client_id"], owner.get("issuer"), owner.get("subject"))


def _name(caller: CallerKey) -> str:
    if caller is None:
        return "anonymous callers"
    client_id, _, subject = caller
    return f"caller {client_id!r}" + (f" (subject {subject!r})" if subject else "")
