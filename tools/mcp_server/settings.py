"""The MCP server's own settings (the Lucca ones are the core's), read once at the entry point."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from tools.core.errors import ConfigurationError
from tools.core.settings import comma_separated, read_settings

ConfirmPolicy = Literal["auto", "always", "never"]
MIN_TOKEN_LENGTH = 16
HOW_TO_GENERATE = "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'"


class McpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Comma-separated; each entry is `token` or `name:token` (the name is what logs may show).
    mcp_auth_tokens: SecretStr | None = None
    mcp_confirm: ConfirmPolicy = "auto"
    mcp_allowed_hosts: str = ""
    mcp_allowed_origins: str = ""
    mcp_stateless: bool = False
    # Comma-separated keys sealing multi-round (elicitation) state; replicas must share them.
    mcp_request_state_keys: SecretStr | None = None
    mcp_max_body_bytes: int = Field(1_000_000, ge=10_000, le=50_000_000)
    # OAuth 2.1 resource server (tools/mcp_server/oauth_settings.py checks these together).
    mcp_public_url: str | None = None
    mcp_oauth_issuer: str | None = None
    mcp_oauth_audience: str = ""
    mcp_oauth_read_scope: str = "trainings:read"
    mcp_oauth_create_scope: str = "trainings:write"
    mcp_oauth_introspection_url: str | None = None
    mcp_oauth_introspection_client_id: str | None = None
    mcp_oauth_introspection_client_secret: SecretStr | None = None
    mcp_allowed_groups: str = ""
    mcp_oauth_groups_claim: str = "groups"
    # Sessions of the handshake protocol versions (see tools.mcp_server.session_caps): about
    # 26 KB each while open, so the defaults hold at most about 26 MB.
    mcp_max_sessions: int = Field(1000, ge=1, le=100_000)
    mcp_max_sessions_per_caller: int = Field(100, ge=1, le=100_000)
    mcp_session_idle_seconds: float = Field(900, ge=1, le=86_400)

    def auth_tokens(self) -> dict[str, str]:
        """Accepted bearer tokens by name; a `ConfigurationError` for a short or repeated one."""
        raw = self.mcp_auth_tokens.get_secret_value() if self.mcp_auth_tokens else ""
        tokens: dict[str, str] = {}
        for position, entry in enumerate(comma_separated(raw), start=1):
            name, _, token = entry.rpartition(":")
            name = name.strip() or f"token-{position}"
            token = token.strip()
            if len(token) < MIN_TOKEN_LENGTH or not token.isascii() or not token.isprintable():
                # Not named: in a mistyped entry, what reads as the name may be half the token.
                raise ConfigurationError(
                    f"MCP_AUTH_TOKENS: entry {position} is not a usable token: it needs "
                    f"at least {MIN_TOKEN_LENGTH} visible ASCII characters.",
                    HOW_TO_GENERATE,
                )
            if name in tokens:
                raise ConfigurationError(
                    f"MCP_AUTH_TOKENS: the name {name!r} is used twice.", "Give each token a name."
                )
            tokens[name] = token
        return tokens

    def allowed_hosts(self) -> list[str]:
        return comma_separated(self.mcp_allowed_hosts)

    def allowed_origins(self) -> list[str]:
        return comma_separated(self.mcp_allowed_origins)

    def request_state_keys(self) -> list[str]:
        raw = self.mcp_request_state_keys.get_secret_value() if self.mcp_request_state_keys else ""
        keys = comma_separated(raw)
        if any(len(key) < 32 for key in keys):
            raise ConfigurationError(
                "MCP_REQUEST_STATE_KEYS: each key needs at least 32 characters.",
                "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'",
            )
        return keys


def load_mcp_settings(**overrides: object) -> McpSettings:
    settings = read_settings(McpSettings, **overrides)
    settings.auth_tokens()  # refuse unusable tokens at start-up, not at the first request
    settings.request_state_keys()
    return settings
