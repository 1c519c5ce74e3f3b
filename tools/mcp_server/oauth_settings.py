"""The OAuth 2.1 settings of `/mcp`, checked together before the server binds.

Each check names the variable to fix: a resource server that starts half configured would answer
every assistant with a 401 nobody can explain. Nothing here touches the network; reaching the
issuer is `oauth_discovery`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import SplitResult

from tools.core.errors import ConfigurationError
from tools.core.settings import checked_service_address, comma_separated, is_loopback
from tools.mcp_server.settings import McpSettings

MCP_PATH = "/mcp"


@dataclass(frozen=True)
class Introspection:
    """RFC 7662: where to ask about opaque tokens, and this server's credentials there."""

    url: str
    client_id: str
    client_secret: str

    def __repr__(self) -> str:  # the secret never reaches a log line through a repr
        return f"Introspection(url={self.url!r}, client_id={self.client_id!r})"


@dataclass(frozen=True)
class OAuthConfig:
    issuer: str
    resource: str  # the public URL of /mcp: the RFC 9728 resource and the default audience
    audiences: tuple[str, ...]
    read_scope: str
    create_scope: str
    allowed_groups: frozenset[str]
    groups_claim: str
    introspection: Introspection | None

    @property
    def scopes(self) -> list[str]:
        return list(dict.fromkeys([self.read_scope, self.create_scope]))


def oauth_config(settings: McpSettings, *, host: str, port: int) -> OAuthConfig | None:
    """The checked OAuth settings, None when MCP_OAUTH_ISSUER is unset (static tokens only)."""
    issuer = (settings.mcp_oauth_issuer or "").strip()
    if not issuer:
        _refuse_without_issuer(settings)
        return None
    issuer = _address("MCP_OAUTH_ISSUER", issuer, "https://login.example.com/tenant")
    resource = public_url(settings, host=host, port=port)
    audiences = tuple(comma_separated(settings.mcp_oauth_audience)) or (resource,)
    return OAuthConfig(
        issuer=issuer,
        resource=resource,
        audiences=audiences,
        read_scope=_scope("MCP_OAUTH_READ_SCOPE", settings.mcp_oauth_read_scope),
        create_scope=_scope("MCP_OAUTH_CREATE_SCOPE", settings.mcp_oauth_create_scope),
        allowed_groups=frozenset(comma_separated(settings.mcp_allowed_groups)),
        groups_claim=_groups_claim(settings.mcp_oauth_groups_claim),
        introspection=_introspection(settings),
    )


def public_url(settings: McpSettings, *, host: str, port: int) -> str:
    """MCP_PUBLIC_URL as the URL of `/mcp` (a bare origin gets `/mcp`); on loopback, the address
    served. Elsewhere it must be set: behind a proxy the server cannot guess its own name."""
    raw = (settings.mcp_public_url or "").strip()
    if not raw:
        if not is_loopback(host):
            raise ConfigurationError(
                f"MCP_PUBLIC_URL is not set, and on {host} the server cannot guess the address "
                "clients reach it at (tokens are issued for that address).",
                "Set MCP_PUBLIC_URL to the public URL of /mcp, like https://mcp.example.com/mcp.",
            )
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}{MCP_PATH}"
    parts = _parts("MCP_PUBLIC_URL", raw, "https://mcp.example.com/mcp")
    path = parts.path.rstrip("/")
    if path and not path.endswith(MCP_PATH):
        raise ConfigurationError(
            "MCP_PUBLIC_URL must be the address of /mcp (its path ends with /mcp).",
            "Set it like https://mcp.example.com/mcp, or to the bare origin https://mcp.example.com.",
        )
    return f"{parts.scheme}://{parts.netloc}{path or MCP_PATH}"


def _refuse_without_issuer(settings: McpSettings) -> None:
    """OAuth-only settings given without MCP_OAUTH_ISSUER: a mistake, not a preference."""
    orphans = [
        name
        for name, value in (
            ("MCP_ALLOWED_GROUPS", settings.mcp_allowed_groups.strip()),
            ("MCP_OAUTH_AUDIENCE", settings.mcp_oauth_audience.strip()),
            ("MCP_OAUTH_INTROSPECTION_URL", settings.mcp_oauth_introspection_url),
            ("MCP_OAUTH_INTROSPECTION_CLIENT_ID", settings.mcp_oauth_introspection_client_id),
        )
        if value
    ]
    if orphans:
        raise ConfigurationError(
            f"{', '.join(orphans)} only work with OAuth, but MCP_OAUTH_ISSUER is not set.",
            "Set MCP_OAUTH_ISSUER to your identity provider's issuer URL, or unset them.",
        )


def _introspection(settings: McpSettings) -> Introspection | None:
    url = (settings.mcp_oauth_introspection_url or "").strip()
    client_id = (settings.mcp_oauth_introspection_client_id or "").strip()
    secret = settings.mcp_oauth_introspection_client_secret
    secret_value = secret.get_secret_value().strip() if secret else ""
    given = {
        "MCP_OAUTH_INTROSPECTION_URL": url,
        "MCP_OAUTH_INTROSPECTION_CLIENT_ID": client_id,
        "MCP_OAUTH_INTROSPECTION_CLIENT_SECRET": secret_value,
    }
    if not any(given.values()):
        return None
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise ConfigurationError(
            f"Token introspection is half configured: {', '.join(missing)} is not set.",
            "Set the introspection URL, client id and client secret together, or none of them.",
        )
    url = _address("MCP_OAUTH_INTROSPECTION_URL", url, "https://login.example.com/introspect")
    return Introspection(url, client_id, secret_value)


def _scope(name: str, value: str) -> str:
    scope = value.strip()
    if not scope or any(c.isspace() or not c.isprintable() or c in '"\\' for c in scope):
        raise ConfigurationError(
            f"{name} must be one scope name, without spaces or quotes.",
            "Set it to a scope your identity provider issues, like trainings:read.",
        )
    return scope


def _groups_claim(value: str) -> str:
    claim = value.strip()
    if not claim or any(c.isspace() for c in claim):
        raise ConfigurationError(
            "MCP_OAUTH_GROUPS_CLAIM must be a claim name, like groups or realm_access.roles.",
            "Set it to the claim of the access token that lists the user's groups.",
        )
    return claim


def _address(name: str, value: str, example: str) -> str:
    parts = _parts(name, value, example)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _parts(name: str, value: str, example: str) -> SplitResult:
    """An absolute address, https unless on this machine (plain http to a remote issuer would let
    anyone on the path swap its keys), never echoed back."""
    try:
        return checked_service_address(value, example)
    except ValueError as problem:
        raise ConfigurationError(f"{name} {problem}.", f"Set it like {example}.") from None
