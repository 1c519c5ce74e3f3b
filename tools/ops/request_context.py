"""The request id and face of the HTTP request being handled, for every log line it causes.

Context variables, so that they follow the request into the tasks it starts (a Slack creation
runs after the acknowledgement, in a task created while handling the request, and inherits them).
"""

from __future__ import annotations

import re
import secrets
from contextvars import ContextVar

REQUEST_ID_HEADER = "x-request-id"
# What an upstream proxy may hand us and we repeat in logs and answers: short, no spaces or quotes.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
face: ContextVar[str | None] = ContextVar("face", default=None)


def request_id_from(incoming: str | None) -> str:
    """The caller's id when it is sane (a proxy's or load balancer's), else a new one."""
    if incoming and _SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return secrets.token_hex(8)
