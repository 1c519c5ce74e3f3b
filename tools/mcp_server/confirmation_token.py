"""The confirmation token: what the MCP Apps view hands back when the user clicks Create.

`create_training` mints one for the preview it shows; the app-only commit tool opens it. It is
sealed (AES-GCM) with the server's `MCP_REQUEST_STATE_KEYS`, so any replica holding the keys opens
it and nobody else can forge or alter it; it is short-lived, and bound to a hash of the exact
draft the user saw and to the caller's identity, when there is one. A token used twice creates
nothing more: the first training comes back, on any replica sharing the store, because the commit
creates through `Trainings.create_once` keyed by the token's id.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from mcp.server.request_state import AESGCMRequestStateCodec, InvalidRequestState

from tools.core.draft import TrainingDraft
from tools.core.events import Caller

TOKEN_TTL_SECONDS = 600.0  # ten minutes to read a preview, correct it and click
_VERSION = 1


class TokenRefused(Exception):
    """Why a token opens nothing; the message is written for the user and the model."""


@dataclass(frozen=True)
class Confirmation:
    token_id: str
    expires_at: float
    allow_duplicate: bool


def draft_hash(draft: TrainingDraft) -> str:
    body = json.dumps(draft.to_lucca_body(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()


def identity_of(caller: Caller) -> str | None:
    """Who the token is for: the OAuth subject, else the static token's name; None over stdio."""
    return caller.subject or caller.who


class ConfirmationTokens:
    def __init__(
        self,
        keys: list[str],
        *,
        ttl_seconds: float = TOKEN_TTL_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        # Without configured keys (stdio, one process), a key made at start does: nothing else
        # has to open its tokens.
        self._codec = AESGCMRequestStateCodec(keys or [secrets.token_urlsafe(32)])
        self._ttl = ttl_seconds
        self._clock = clock

    def mint(self, draft: TrainingDraft, caller: Caller, *, allow_duplicate: bool) -> str:
        payload = {
            "v": _VERSION,
            "id": secrets.token_urlsafe(12),
            "exp": self._clock() + self._ttl,
            "draft": draft_hash(draft),
            "for": identity_of(caller),
            "dup": allow_duplicate,
        }
        return self._codec.seal(json.dumps(payload, separators=(",", ":")).encode())

    def open(self, token: str, draft: TrainingDraft, caller: Caller) -> Confirmation:
        """The confirmation, or `TokenRefused` saying why (altered, expired, other content or
        another caller)."""
        try:
            payload = json.loads(self._codec.unseal(token))
        except (InvalidRequestState, ValueError, TypeError):
            raise TokenRefused("the confirmation token is not one this server issued") from None
        if not isinstance(payload, dict) or payload.get("v") != _VERSION:
            raise TokenRefused("the confirmation token is not one this server issued")
        if float(payload.get("exp", 0)) < self._clock():
            raise TokenRefused("the confirmation has expired")
        if payload.get("for") != identity_of(caller):
            raise TokenRefused("the confirmation was given to someone else")
        if payload.get("draft") != draft_hash(draft):
            raise TokenRefused("the training differs from the one the confirmation was given for")
        return Confirmation(str(payload["id"]), float(payload["exp"]), bool(payload.get("dup")))
