"""Injected faults: what a real Lucca (or the network in front of it) sometimes does.

Users queue faults through the control API to rehearse failures; each Lucca request takes the next
one. Parsing is strict so a typo in a rehearsal script fails loudly instead of silently not firing.

The control API's fault list is a JSON list of objects, each with exactly one of:

    {"status": 503, "headers": {...}, "body": "..."}   answer exactly this (not processed)
    {"status": 502, "when": "after"}                   process the request (a training may be
                                                        created), then answer this instead
    {"delay": 2.5}                                     wait, then process and answer normally
    {"delay": 2.5, "when": "after"}                    process at once, answer late: a client
                                                        that times out meanwhile lost an answer
                                                        whose training exists
    {"drop": "before" | "after"}                       close the connection without answering,
                                                        before or after processing

"when" defaults to "before" (the fault happens before Lucca processes anything). A delay that
runs past the server-side abort (SandboxConfig.server_timeout_seconds, Lucca's 5 s) is answered
408 at that moment instead: {"delay": 6} aborts before processing (nothing stored), and
{"delay": 6, "when": "after"} after it (stored), the two 408s a client can meet on a POST.

Any fault may also carry "method" ("GET", "POST", ...): it then waits at the head of the queue
for a request with that method, and requests with another method pass it by without taking a
fault. This targets the POST of a create that first looks the catalog up, without counting the
requests before it. Faults still fire in order: one with a method blocks the ones queued after it
until it fires.
"""

import re
from collections import deque
from dataclasses import dataclass
from typing import Any

MAX_DELAY_SECONDS = 600.0
_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
# The server frames every answer itself; letting a fault set these would corrupt the connection.
_FRAMING_HEADERS = {"content-length", "transfer-encoding"}
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_WHEN = ("before", "after")


class InvalidFaults(ValueError):
    """The fault list cannot be queued; the message says why, for the person who wrote it."""


@dataclass(frozen=True)
class StatusFault:
    """Answer exactly this instead of processing the request."""

    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: str = ""
    after_processing: bool = False  # "when": "after": the request is processed first
    method: str | None = None


@dataclass(frozen=True)
class DelayFault:
    """Wait, then process and answer normally (a slow Lucca); or, "after", process at once and
    answer late. A client that gives up in between has sent a request that was processed."""

    seconds: float
    after_processing: bool = False
    method: str | None = None


@dataclass(frozen=True)
class DropFault:
    """Close the connection without answering, before or after processing the request.

    "after" is the nasty one: the training exists but the client cannot know it.
    """

    when: str
    method: str | None = None


Fault = StatusFault | DelayFault | DropFault


class FaultQueue:
    """Pending faults, oldest first; each Lucca request consumes at most one."""

    def __init__(self) -> None:
        self._pending: deque[Fault] = deque()

    def extend(self, faults: list[Fault]) -> None:
        self._pending.extend(faults)

    def pop(self, method: str | None = None) -> Fault | None:
        """The fault for a request with this method: the head of the queue, if it applies."""
        if not self._pending:
            return None
        wanted = self._pending[0].method
        if wanted is not None and method is not None and wanted != method:
            return None
        return self._pending.popleft()

    def clear(self) -> None:
        self._pending.clear()

    def __len__(self) -> int:
        return len(self._pending)


def parse_faults(data: Any) -> list[Fault]:
    """Faults from the control API's JSON list, or InvalidFaults naming the first bad item."""
    if not isinstance(data, list):
        raise InvalidFaults("expected a JSON list of faults")
    return [_parse_one(item, index) for index, item in enumerate(data)]


def _parse_one(item: Any, index: int) -> Fault:
    where = f"fault #{index}"
    if not isinstance(item, dict):
        raise InvalidFaults(f"{where}: expected an object")
    kinds = [key for key in ("status", "delay", "drop") if key in item]
    if len(kinds) != 1:
        raise InvalidFaults(f"{where}: give exactly one of 'status', 'delay' or 'drop'")
    allowed = {
        "status": {"status", "headers", "body", "when", "method"},
        "delay": {"delay", "when", "method"},
        "drop": {"drop", "method"},
    }[kinds[0]]
    if unknown := sorted(set(item) - allowed):
        raise InvalidFaults(f"{where}: unexpected keys {unknown}")
    method = _parse_method(item.get("method"), where)
    after = _parse_when(item.get("when", "before"), where) == "after"
    if kinds == ["delay"]:
        return DelayFault(_parse_delay(item["delay"], where), after, method)
    if kinds == ["drop"]:
        if item["drop"] not in _WHEN:
            raise InvalidFaults(f'{where}: \'drop\' must be "before" or "after"')
        return DropFault(item["drop"], method)
    status, headers, body = _parse_status(item, where)
    return StatusFault(status, headers, body, after, method)


def _parse_when(when: Any, where: str) -> str:
    if when not in _WHEN:
        raise InvalidFaults(f'{where}: \'when\' must be "before" or "after"')
    return str(when)


def _parse_method(method: Any, where: str) -> str | None:
    if method is None:
        return None
    if method not in _METHODS:
        raise InvalidFaults(f"{where}: 'method' must be one of {', '.join(_METHODS)}")
    return str(method)


def _parse_delay(seconds: Any, where: str) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise InvalidFaults(f"{where}: 'delay' must be a number of seconds")
    if not 0 <= seconds <= MAX_DELAY_SECONDS:
        raise InvalidFaults(f"{where}: 'delay' must be between 0 and {MAX_DELAY_SECONDS:g}")
    return float(seconds)


def _parse_status(item: dict[str, Any], where: str) -> tuple[int, tuple[tuple[str, str], ...], str]:
    status = item["status"]
    if isinstance(status, bool) or not isinstance(status, int) or not 200 <= status <= 599:
        raise InvalidFaults(f"{where}: 'status' must be an integer from 200 to 599")
    body = item.get("body", "")
    if not isinstance(body, str):
        raise InvalidFaults(f"{where}: 'body' must be a string (it is sent as-is)")
    if body and status in (204, 304):
        raise InvalidFaults(f"{where}: a {status} answer cannot have a body")
    return status, _parse_headers(item.get("headers", {}), where), body


def _parse_headers(headers: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(headers, dict):
        raise InvalidFaults(f"{where}: 'headers' must be an object of strings")
    parsed = []
    for name, value in headers.items():
        if not _TOKEN.match(name) or not _is_header_value(value):
            raise InvalidFaults(f"{where}: header {name!r} is not a valid HTTP header")
        if name.lower() in _FRAMING_HEADERS:
            raise InvalidFaults(f"{where}: header {name!r} is set by the server")
        parsed.append((name, value))
    return tuple(parsed)


def _is_header_value(value: Any) -> bool:
    # ASCII only, and no line breaks that would let a value smuggle extra header lines.
    return isinstance(value, str) and value.isascii() and not any(c in value for c in "\r\n\0")
