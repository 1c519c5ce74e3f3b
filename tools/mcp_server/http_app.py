"""`/mcp` over streamable HTTP, behind a bearer token and DNS-rebinding protection.

Exposure rules, checked before the server binds:
- without MCP_AUTH_TOKENS, only a loopback address is served (a local developer's machine);
- on any other address, MCP_ALLOWED_HOSTS must list the names clients use, so Host checking can
  stay on (a request with another Host gets 421, a foreign Origin 403).

Sessions are bounded in all (MCP_MAX_SESSIONS), per caller (MCP_MAX_SESSIONS_PER_CALLER) and in
idle time (MCP_SESSION_IDLE_SECONDS): see session_caps.
"""

from __future__ import annotations

from mcp.server import MCPServer
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette

from tools.core.errors import ConfigurationError
from tools.core.settings import is_loopback
from tools.mcp_server.session_caps import cap_sessions_per_caller
from tools.mcp_server.settings import McpSettings

MCP_PATH = "/mcp"
LOOPBACK_HOSTS = ["127.0.0.1:*", "localhost:*", "[::1]:*"]
LOOPBACK_ORIGINS = ["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"]


def check_exposure(settings: McpSettings, host: str) -> None:
    if is_loopback(host):
        return
    if not settings.auth_tokens():
        raise ConfigurationError(
            f"Refusing to serve /mcp on {host} without MCP_AUTH_TOKENS: anyone who can reach "
            "it could create trainings.",
            "Set MCP_AUTH_TOKENS, or serve on 127.0.0.1 behind your own authenticating proxy.",
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


def mcp_http_app(server: MCPServer, settings: McpSettings, *, host: str) -> Starlette:
    """The Starlette app answering `/mcp`; whoever mounts it runs `server.session_manager.run()`."""
    check_exposure(settings, host)
    app = server.streamable_http_app(
        streamable_http_path=MCP_PATH,
        stateless_http=settings.mcp_stateless,
        transport_security=transport_security(settings, host),
        max_request_body_size=settings.mcp_max_body_bytes,
        max_sessions=settings.mcp_max_sessions,
        session_idle_timeout=settings.mcp_session_idle_seconds,
        host=host,
    )
    cap_sessions_per_caller(server.session_manager, settings.mcp_max_sessions_per_caller)
    return app
