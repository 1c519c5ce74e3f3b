"""The opaque cursors of the trainings list: keysets over ascending training ids.

A cursor says "the items after id N" (what `next` gives) or "the items before id N" (`prev`), so
it lands on the same place however many trainings are created meanwhile, which a page index does
not: that is why Lucca's paging page recommends cursors. Clients must treat them as opaque; they
look like the docs' example ("!SGlnaA|A1kVrwDKrz|th"): a prefix, the payload in base64url, and a
check that turns a garbled or made-up cursor into a 400 instead of a silently wrong page.

With `salt` (the rotating-cursors switch) the same position is written differently each time, so
a client that compares cursors, or caches them as keys, is caught.
"""

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import Literal

from tools.sandbox.lucca_facts import CURSOR_PREFIX

Direction = Literal["after", "before"]
_DIRECTION_CODES: dict[Direction, str] = {"after": "a", "before": "b"}
_CHECK_KEY = b"lucca-sandbox-cursor"
_CHECK_BYTES = 6


class InvalidCursor(ValueError):
    """Not a cursor this sandbox wrote."""


@dataclass(frozen=True)
class Cursor:
    direction: Direction
    boundary: int  # exclusive: the page holds ids strictly after (or before) it


def encode(cursor: Cursor, salt: int | None = None) -> str:
    payload = f"{_DIRECTION_CODES[cursor.direction]}{cursor.boundary}"
    if salt is not None:
        payload += f".{salt}"
    raw = payload.encode("ascii")
    return f"{CURSOR_PREFIX}{_b64(raw)}|{_b64(_check(raw))}"


def decode(text: str) -> Cursor:
    """The cursor `text` stands for, or InvalidCursor."""
    body, bar, check = text.removeprefix(CURSOR_PREFIX).partition("|")
    if not text.startswith(CURSOR_PREFIX) or not bar:
        raise InvalidCursor(text)
    try:
        raw = _unb64(body)
        valid = _unb64(check) == _check(raw)
    except (binascii.Error, ValueError):
        raise InvalidCursor(text) from None
    if not valid:
        raise InvalidCursor(text)
    payload = raw.decode("ascii").split(".", 1)[0]
    directions = {code: name for name, code in _DIRECTION_CODES.items()}
    if payload[:1] not in directions or not payload[1:].isdigit():
        raise InvalidCursor(text)
    return Cursor(directions[payload[:1]], int(payload[1:]))


def _check(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, key=_CHECK_KEY, digest_size=_CHECK_BYTES).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not text.isascii():
        raise ValueError(text)
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
