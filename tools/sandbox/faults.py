"""Injected faults: what a real Lucca (or the network in front of it) sometimes does.

Users queue faults through the control API to rehearse failures; each Lucca request takes the next
one. Parsing is strict so a typo in a rehearsal script fails loudly instead of silently not firing.
"""

import re
from collections import deque
from dataclasses import dataclass
from typing import Any

MAX_DELAY_SECONDS = 600.0
_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
# The server frames every answer itself; letting a fault set these would corrupt the connection.
_FRAMING_HEADERS = {"content-length", "transfer-encoding"}


class InvalidFaults(ValueError):
    """The fault list cannot be queued; the message says why, for the person who wrote it."""


@dataclass(frozen=True)
class StatusFault:
    """Answer exactly this instead of processing the request."""

    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: str = ""


@dataclass(frozen=True)
class DelayFault:
    """Wait, then process and answer normally (a slow Lucca)."""

    seconds: float


@dataclass(frozen=True)
class DropFault:
    """Close the connection without answering, before or after processing the request.

    "after" is the nasty one: the training exists but the client cannot know it.
    """

    when: str


Fault = StatusFault | DelayFault | DropFault


class FaultQueue:
    """Pending faults, oldest first; each Lucca request consumes at most one."""

    def __init__(self) -> None:
        self._pending: deque[Fault] = deque()

    def extend(self, faults: list[Fault]) -> None:
        self._pending.extend(faults)

    def pop(self) -> Fault | None:
        return self._pending.popleft() if self._pending else None

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
    allowed = {"status", "headers", "body"} if kinds == ["status"] else set(kinds)
    if unknown := sorted(set(item) - allowed):
        raise InvalidFaults(f"{where}: unexpected keys {unknown}")
    if kinds == ["delay"]:
        return _parse_delay(item["delay"], where)
    if kinds == ["drop"]:
        if item["drop"] not in ("before", "after"):
            raise InvalidFaults(f'{where}: \'drop\' must be "before" or "after"')
        return DropFault(item["drop"])
    return _parse_status(item, where)


def _parse_delay(seconds: Any, where: str) -> DelayFault:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise InvalidFaults(f"{where}: 'delay' must be a number of seconds")
    if not 0 <= seconds <= MAX_DELAY_SECONDS:
        raise InvalidFaults(f"{where}: 'delay' must be between 0 and {MAX_DELAY_SECONDS:g}")
    return DelayFault(float(seconds))


def _parse_status(item: dict[str, Any], where: str) -> StatusFault:
    status = item["status"]
    if isinstance(status, bool) or not isinstance(status, int) or not 200 <= status <= 599:
        raise InvalidFaults(f"{where}: 'status' must be an integer from 200 to 599")
    body = item.get("body", "")
    if not isinstance(body, str):
        raise InvalidFaults(f"{where}: 'body' must be a string (it is sent as-is)")
    if body and status in (204, 304):
        raise InvalidFaults(f"{where}: a {status} answer cannot have a body")
    return StatusFault(status, _parse_headers(item.get("headers", {}), where), body)


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
