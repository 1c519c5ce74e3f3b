"""`/mcp` as an OAuth 2.1 protected resource: the token verifier and the SDK's auth settings.

`build_oauth(settings, host=..., port=...)` reads the OAuth settings, reaches the issuer once
(metadata, then its keys: a server that cannot check tokens must not start) and returns what the
SDK needs: a `TokenVerifier` and `AuthSettings`, with which it serves the RFC 9728 metadata and the
`401` challenge. Static MCP_AUTH_TOKENS are tried first and keep working beside OAuth.

A verified token becomes an `AccessToken` that keeps only what the rules and the audit need (the
issuer, the subject, a name to show, the groups): never the token itself.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings

from tools.mcp_server.auth import StaticTokenVerifier
from tools.mcp_server.introspection import Introspector
from tools.mcp_server.jwt_tokens import JwksCache, JwtValidator, TokenRefused
from tools.mcp_server.oauth_challenge import note_refusal
from tools.mcp_server.oauth_discovery import (
    DISCOVERY_TIMEOUT_SECONDS,
    discover_keys,
    new_discovery_client,
)
from tools.mcp_server.oauth_settings import OAuthConfig, oauth_config
from tools.mcp_server.settings import McpSettings

logger = logging.getLogger("lucca_training.mcp.oauth")
CLIENT_ID_CLAIMS = ("client_id", "azp", "appid", "cid")  # RFC 9068, OIDC, Entra v1, Okta
USER_NAME_CLAIMS = ("email", "preferred_username", "upn")


@dataclass(frozen=True)
class McpAuth:
    verifier: TokenVerifier
    settings: AuthSettings
    oauth: OAuthConfig | None


def build_auth(settings: McpSettings, *, host: str, port: int) -> McpAuth | None:
    """What `/mcp` checks tokens with; None when neither static tokens nor OAuth are set."""
    tokens = settings.auth_tokens()
    config = oauth_config(settings, host=host, port=port)
    if config is None:
        if not tokens:
            return None
        static = StaticTokenVerifier(tokens)
        # No OAuth server, so no protected-resource metadata to publish.
        public = f"http://{host}:{port}"
        return McpAuth(static, AuthSettings(issuer_url=public, resource_server_url=None), None)
    static = StaticTokenVerifier(tokens, scopes=config.scopes) if tokens else None
    verifier = OAuthTokenVerifier(config, static=static)
    auth = AuthSettings(
        issuer_url=config.issuer,
        resource_server_url=config.resource,
        required_scopes=[config.read_scope],  # every request reads; creating is checked per call
        validate_token_resource=False,  # the verifier checks `aud` itself, against the audiences
    )
    return McpAuth(verifier, auth, config)


class OAuthTokenVerifier:
    """Static tokens, then JWTs (signature, issuer, audience, times), then introspection."""

    def __init__(
        self,
        config: OAuthConfig,
        *,
        static: StaticTokenVerifier | None = None,
        http: httpx.Client | None = None,
    ) -> None:
        self._config = config
        self._static = static
        self._async_http: httpx.AsyncClient | None = None
        with http or new_discovery_client() as start:
            metadata, initial = discover_keys(config.issuer, start)
        self._jwt = None
        if metadata.jwks_uri and initial is not None:
            keys = JwksCache(metadata.jwks_uri, self._http, initial)
            self._jwt = JwtValidator(keys, issuer=config.issuer, audiences=config.audiences)
        self._introspector = (
            Introspector(
                config.introspection,
                self._http,
                issuer=config.issuer,
                audiences=config.audiences,
            )
            if config.introspection
            else None
        )

    def _http(self) -> httpx.AsyncClient:
        """The process's one client for the identity provider, made in the server's loop."""
        if self._async_http is None:
            self._async_http = httpx.AsyncClient(timeout=DISCOVERY_TIMEOUT_SECONDS, trust_env=False)
        return self._async_http

    async def verify_token(self, token: str) -> AccessToken | None:
        if self._static is not None:
            found = await self._static.verify_token(token)
            if found is not None:
                return found
        try:
            claims = await self._claims(token)
        except TokenRefused as refusal:
            note_refusal(str(refusal))
            logger.info("Refused a bearer token on /mcp: %s", refusal)
            return None
        return access_token(claims, self._config)

    async def _claims(self, token: str) -> dict[str, Any]:
        if token.count(".") == 2 and self._jwt is not None:
            return await self._jwt.claims(token)
        if self._introspector is not None:
            return await self._introspector.claims(token)
        raise TokenRefused(
            "the token is not a JWT this server can check, and token introspection is not "
            "configured (MCP_OAUTH_INTROSPECTION_URL)."
        )

    def __repr__(self) -> str:
        return f"OAuthTokenVerifier(issuer={self._config.issuer!r})"


def access_token(claims: Mapping[str, Any], config: OAuthConfig) -> AccessToken:
    subject = _text(claims.get("sub"))
    return AccessToken(
        token="",  # never kept: nothing downstream may log or echo it
        client_id=next(filter(None, map(_text, map(claims.get, CLIENT_ID_CLAIMS))), "unknown"),
        scopes=scopes_of(claims),
        expires_at=claims["exp"] if isinstance(claims.get("exp"), int) else None,
        resource=config.resource,
        subject=subject,
        claims={
            "iss": config.issuer,
            "sub": subject,
            "user": next(filter(None, map(_text, map(claims.get, USER_NAME_CLAIMS))), None),
            "groups": groups_of(claims, config.groups_claim),
        },
    )


def scopes_of(claims: Mapping[str, Any]) -> list[str]:
    """`scope` (RFC 9068, a space-separated string) or `scp` (Entra: a string; Okta: a list)."""
    for name in ("scope", "scp"):
        value = claims.get(name)
        if isinstance(value, str):
            return value.split()
        if isinstance(value, list):
            return [v for v in value if isinstance(v, str)]
    return []


def groups_of(claims: Mapping[str, Any], claim: str) -> list[str]:
    """The groups under `claim`, which may be a dotted path (Keycloak's `realm_access.roles`)."""
    value: Any = claims
    for part in claim.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
