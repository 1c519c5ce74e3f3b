"""The ASGI middleware in front of `serve`: a request id, the face, a count and a log line each.

Sets the request id (the caller's `X-Request-Id` when sane, else a new one; echoed in the answer)
and the face as context variables for every log line the request causes, counts the request in
the metrics by face and status, and logs it (health probes at DEBUG: they come every few seconds;
so is a client that left before any answer, counted as 499). The method and path are cut short:
a stranger chooses them.
Pure ASGI, so that streamed answers (MCP's SSE) pass through untouched.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from tools.ops import request_context
from tools.ops.log_fields import cut
from tools.ops.metrics import Metrics

logger = logging.getLogger("lucca_training.http")
ASGIApp = Callable[..., Any]
QUIET_FACES = frozenset({"health"})
CLIENT_GONE = 499  # nginx's "client closed request": counted and logged (DEBUG), not a 500
# Our paths are short (/mcp, /slack/events, /healthz): a longer one is a stranger's, shown cut.
MAX_PATH_CHARS = 80
MAX_METHOD_CHARS = 16


class OperationsMiddleware:
    def __init__(self, app: ASGIApp, metrics: Metrics, face_of: Callable[[str], str]) -> None:
        self.app = app
        self.metrics = metrics
        self.face_of = face_of

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        face = self.face_of(scope.get("path", ""))
        incoming = _header(scope, b"x-request-id")
        request_id = request_context.request_id_from(incoming)
        id_token = request_context.request_id.set(request_id)
        face_token = request_context.face.set(face)
        status = CLIENT_GONE  # no answer started: the client left before one could be sent
        started = time.perf_counter()

        async def send_with_id(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except BaseException:
            if status == CLIENT_GONE:
                status = 500  # what the client sees if the app fails before answering
            raise
        finally:
            latency_ms = round((time.perf_counter() - started) * 1000, 1)
            self.metrics.count_request(face, status)
            method = cut(scope.get("method", ""), MAX_METHOD_CHARS)
            path = cut(scope.get("path", ""), MAX_PATH_CHARS)
            logger.log(
                logging.DEBUG if face in QUIET_FACES or status == CLIENT_GONE else logging.INFO,
                "%s %s -> %s",
                method,
                path,
                status,
                extra={
                    "method": method,
                    "path": path,
                    "status": status,
                    "latency_ms": latency_ms,
                },
            )
            request_context.face.reset(face_token)
            request_context.request_id.reset(id_token)


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None
