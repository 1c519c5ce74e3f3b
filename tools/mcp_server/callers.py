"""Who is calling the tool, for the audit trail: the bearer token's name and the client's name.

Over HTTP the token's name (`name:token` in MCP_AUTH_TOKENS, never the token) says which team or
integration called; every client may also say who it is (`clientInfo`). Over stdio there is no
token: the local user started the server themselves.
"""

from __future__ import annotations

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.mcpserver import Context

from tools.core.events import Caller


def caller_of(ctx: Context) -> Caller:
    token = get_access_token()
    return Caller(face="mcp", who=token.client_id if token else None, client=_client_name(ctx))


def _client_name(ctx: Context) -> str | None:
    params = getattr(ctx.session, "client_params", None)
    info = getattr(params, "client_info", None)
    if info is None:
        return None
    name, version = getattr(info, "name", None), getattr(info, "version", None)
    return f"{name} {version}" if name and version else name
