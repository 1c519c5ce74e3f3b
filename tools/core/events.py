"""What the core reports as it works, for whoever listens: metrics, the audit log, tests.

The core must not know about Prometheus or log formats, and operations must not have to patch the
core to watch it. So the core emits small frozen events and the entry point subscribes listeners:

    CreationAttempt   one per call of `create_training`: who, what, the result, how long
    LuccaCall         one per HTTP exchange with Lucca: method, status (None: no answer), seconds
    RateLimitWait     each time a request waited for the tenant's budget, and why
    SearchIgnored     a title search came back unfiltered, so the catalog was read in full

A listener that raises is logged and skipped: watching must never break a creation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

logger = logging.getLogger("lucca_training.events")


@dataclass(frozen=True)
class Caller:
    """Who asked, as each face knows them. No secret ever goes here (a token's name, not it)."""

    face: str  # "mcp" | "slack" | "cli"
    who: str | None = None  # Slack user id, MCP token name or OAuth user, the shell's user
    team: str | None = None  # Slack team (workspace) id
    client: str | None = None  # MCP client name and version, when it said
    subject: str | None = None  # OAuth `sub`: the user's stable id at the identity provider
    oauth_client: str | None = None  # OAuth client id that acted for the user


UNKNOWN_CALLER = Caller(face="unknown")


@dataclass(frozen=True)
class CreationAttempt:
    caller: Caller
    title: str | None  # None when the input had no usable title
    provider_id: int | None
    category_id: int | None
    # created | existing (an identical training was already there) | recovered (created, found
    # after a lost answer) | or the error's kind: invalid_input, duplicate, rejected, auth, ...
    outcome: str
    training_id: int | None
    error: str | None  # the error's message (never a secret), None on success
    seconds: float
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass(frozen=True)
class LuccaCall:
    method: str
    path: str
    status: int | None  # None: no answer (timeout, dropped connection)
    seconds: float


@dataclass(frozen=True)
class RateLimitWait:
    seconds: float
    reason: str  # "pacing" (our own limiter) | "retry_after" (Lucca answered 429)


@dataclass(frozen=True)
class SearchIgnored:
    pages: int  # requests the full read took
    complete: bool  # whether it read the whole catalog within its bound


Event = CreationAttempt | LuccaCall | RateLimitWait | SearchIgnored
Listener = Callable[[Event], None]

_listeners: list[Listener] = []


def subscribe(listener: Listener) -> Callable[[], None]:
    """Add a listener for this process; returns the function that removes it."""
    _listeners.append(listener)

    def unsubscribe() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return unsubscribe


def emit(event: Event) -> None:
    for listener in tuple(_listeners):
        try:
            listener(event)
        except Exception:
            logger.exception("An event listener failed on %s", type(event).__name__)
