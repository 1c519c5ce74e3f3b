"""Who is calling the tool, for the audit trail and the confirmation question.

Over HTTP with OAuth, the token says who the person is (`sub`, and their email or user name when
the identity provider includes it) and which OAuth client acts for them. With a static token, its
name (`name:token` in MCP_AUTH_TOKENS, never the token) says which team or integration called.
Every client may also say what it is (`clientInfo`). Over stdio there is no token: the local user
started the server themselves.
"""

from __future__ import annotations

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken
from mcp.server.mcpserver import Context

from tools.core.events import Caller


def caller_of(ctx: Context) -> Caller:
    token = get_access_token()
    client = _client_name(ctx)
    if token is None:
        return Caller(face="mcp", client=client)
    if not is_oauth(token):
        return Caller(face="mcp", who=token.client_id, client=client)
    claims = token.claims or {}
    return Caller(
        face="mcp",
        who=claims.get("user") or token.subject,
        client=client,
        subject=token.subject,
        oauth_client=token.client_id,
    )


def is_oauth(token: AccessToken) -> bool:
    """Whether the token came from the identity provider (not MCP_AUTH_TOKENS)."""
    return bool((token.claims or {}).get("iss"))


def _client_name(ctx: Context) -> str | None:
    params = getattr(ctx.session, "client_params", None)
    info = getattr(params, "client_info", None)
    if info is None:
        return None
    name, version = getattr(info, "name", None), getattr(info, "version", None)
    return f"{name} {version}" if name and version else name
