"""`/mcp` over streamable HTTP, behind bearer tokens (static or OAuth) and DNS-rebinding protection.

Exposure rules, checked before the server binds:
- without MCP_AUTH_TOKENS or MCP_OAUTH_ISSUER, only a loopback address is served (a local
  developer's machine);
- on any other address, MCP_ALLOWED_HOSTS must list the names clients use, so Host checking can
  stay on (a request with another Host gets 421, a foreign Origin 403).

With OAuth, the RFC 9728 metadata is served at `/.well-known/oauth-protected-resource` and at the
form with the resource's path appended (`.../mcp`), both listing the read and the create scope, so
that a client asks for both (the SDK's own route would list only the scope every request needs).

Sessions are bounded in all (MCP_MAX_SESSIONS), per caller (MCP_MAX_SESSIONS_PER_CALLER) and in
idle time (MCP_SESSION_IDLE_SECONDS): see session_caps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mcp.server import MCPServer
from mcp.server.auth.routes import create_protected_resource_routes
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.routing import Route

from tools.core.errors import ConfigurationError
from tools.core.settings import is_loopback
from tools.mcp_server.session_caps import cap_sessions_per_caller
from tools.mcp_server.settings import McpSettings

if TYPE_CHECKING:
    from tools.mcp_server.oauth import McpAuth

MCP_PATH = "/mcp"
PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource"
RESOURCE_NAME = "Lucca Training"
LOOPBACK_HOSTS = ["127.0.0.1:*", "localhost:*", "[::1]:*"]
LOOPBACK_ORIGINS = ["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"]


def check_exposure(settings: McpSettings, host: str, auth: McpAuth | None = None) -> None:
    if is_loopback(host):
        return
    if auth is None and not settings.auth_tokens():
        raise ConfigurationError(
            f"Refusing to serve /mcp on {host} without MCP_AUTH_TOKENS or MCP_OAUTH_ISSUER: "
            "anyone who can reach it could create trainings.",
            "Set MCP_OAUTH_ISSUER (or MCP_AUTH_TOKENS), or serve on 127.0.0.1 behind your own "
            "authenticating proxy.",
        )
    if not settings.allowed_hosts():
        raise ConfigurationError(
            f"MCP_ALLOWED_HOSTS is empty, so every request to {host} would be refused (421).",
            "List the host names clients use, e.g. MCP_ALLOWED_HOSTS=mcp.example.com,"
            "mcp.example.com:443.",
        )


def transport_security(settings: McpSettings, host: str) -> TransportSecuritySettings:
    hosts, origins = settings.allowed_hosts(), settings.allowed_origins()
    if is_loopback(host):
        hosts, origins = [*hosts, *LOOPBACK_HOSTS], [*origins, *LOOPBACK_ORIGINS]
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True, allowed_hosts=hosts, allowed_origins=origins
    )


def mcp_http_app(
    server: MCPServer, settings: McpSettings, *, host: str, auth: McpAuth | None = None
) -> Starlette:
    """The Starlette app answering `/mcp`; whoever mounts it runs `server.session_manager.run()`."""
    check_exposure(settings, host, auth)
    app = server.streamable_http_app(
        streamable_http_path=MCP_PATH,
        stateless_http=settings.mcp_stateless,
        transport_security=transport_security(settings, host),
        max_request_body_size=settings.mcp_max_body_bytes,
        max_sessions=settings.mcp_max_sessions,
        session_idle_timeout=settings.mcp_session_idle_seconds,
        host=host,
    )
    if auth is not None and auth.oauth is not None:
        from tools.mcp_server.oauth_challenge import ChallengeMiddleware

        app.router.routes[:0] = protected_resource_routes(auth)  # before the SDK's own
        app.add_middleware(
            ChallengeMiddleware, scopes=auth.oauth.scopes, read_scope=auth.oauth.read_scope
        )
    cap_sessions_per_caller(server.session_manager, settings.mcp_max_sessions_per_caller)
    return app


def protected_resource_routes(auth: McpAuth) -> list[Route]:
    assert auth.oauth is not None and auth.settings.resource_server_url is not None
    suffixed = create_protected_resource_routes(
        # As AuthSettings parsed them: an issuer without a path keeps no trailing slash, since
        # clients compare it with the issuer's own metadata character for character.
        resource_url=auth.settings.resource_server_url,
        authorization_servers=[auth.settings.issuer_url],
        scopes_supported=auth.oauth.scopes,
        resource_name=RESOURCE_NAME,
    )
    bare = [Route(PROTECTED_RESOURCE_PATH, r.endpoint, methods=r.methods) for r in suffixed]
    return [*suffixed, *bare]
