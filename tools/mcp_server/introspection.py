"""Opaque access tokens, asked about at the identity provider (RFC 7662 token introspection).

The answer's claims are checked as a JWT's would be, where the provider gives them: `active`,
`iss`, `aud` and `exp`. This server authenticates itself with its client id and secret (HTTP Basic,
RFC 7662 section 2.1); neither the token nor the secret ever goes into a message.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from tools.mcp_server.jwt_tokens import LEEWAY_SECONDS, TokenRefused
from tools.mcp_server.oauth_settings import Introspection


class Introspector:
    def __init__(
        self,
        config: Introspection,
        http: Callable[[], httpx.AsyncClient],
        *,
        issuer: str,
        audiences: Iterable[str],
    ) -> None:
        self._config = config
        self._http = http
        self._issuer = issuer
        self._audiences = {a.rstrip("/") for a in audiences}

    async def claims(self, token: str) -> dict[str, Any]:
        try:
            response = await self._http().post(
                self._config.url,
                data={"token": token, "token_type_hint": "access_token"},
                auth=(self._config.client_id, self._config.client_secret),
                headers={"Accept": "application/json"},
            )
        except httpx.HTTPError:
            raise TokenRefused(
                "the identity provider could not be asked about the token just now. "
                "Try again in a moment."
            ) from None
        if response.status_code in (401, 403):
            raise TokenRefused(
                "the identity provider refused this server's introspection credentials; "
                "tell the server's operator (MCP_OAUTH_INTROSPECTION_CLIENT_ID and _SECRET)."
            )
        try:
            answer = response.json() if response.status_code == 200 else None
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            raise TokenRefused("the identity provider gave no usable answer about the token.")
        return self._checked(answer)

    def _checked(self, answer: dict[str, Any]) -> dict[str, Any]:
        if answer.get("active") is not True:
            raise TokenRefused("the token is not active (expired or revoked). Sign in again.")
        if "iss" in answer and answer["iss"] != self._issuer:
            raise TokenRefused(f"the token was not issued by {self._issuer}.")
        audiences = answer.get("aud")
        if audiences is not None:
            named = [audiences] if isinstance(audiences, str) else audiences
            if not any(isinstance(a, str) and a.rstrip("/") in self._audiences for a in named):
                raise TokenRefused("the token is not meant for this server (its audience).")
        expires = answer.get("exp")
        if isinstance(expires, int | float) and expires + LEEWAY_SECONDS < time.time():
            raise TokenRefused("the token has expired. Sign in again.")
        return {"iss": self._issuer, **answer}
