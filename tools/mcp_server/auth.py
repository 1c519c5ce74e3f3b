"""Bearer tokens for `/mcp` over HTTP, from MCP_AUTH_TOKENS, compared in constant time."""

from __future__ import annotations

import hmac
from collections.abc import Mapping, Sequence

from mcp.server.auth.provider import AccessToken


class StaticTokenVerifier:
    """Accepts the configured tokens; the access token's `client_id` is the token's name.

    Beside OAuth, a static token carries every scope `/mcp` asks for (`scopes`): the operator
    who handed it out decided what it may do."""

    def __init__(self, tokens: Mapping[str, str], scopes: Sequence[str] = ()) -> None:
        self._tokens = [(name, token.encode()) for name, token in tokens.items()]
        self._scopes = list(scopes)

    async def verify_token(self, token: str) -> AccessToken | None:
        presented = token.encode("utf-8", "replace")
        matched = None
        for name, expected in self._tokens:  # every entry compared, match or not
            if hmac.compare_digest(presented, expected):
                matched = name
        if matched is None:
            return None
        return AccessToken(token="", client_id=matched, scopes=list(self._scopes))

    def __repr__(self) -> str:
        return f"StaticTokenVerifier({len(self._tokens)} tokens)"
