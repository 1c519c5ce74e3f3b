"""Finding the issuer's signing keys from its metadata, once, before the server binds.

The places to look are the ones the MCP authorization spec lists for clients (RFC 8414 with the
issuer's path after the well-known part, then OpenID Connect Discovery both ways), so an issuer
that an assistant can use is one this server can use. The metadata must name the configured issuer
exactly (RFC 8414 section 3.3): a mismatch means tokens would never pass the `iss` check.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from tools.core.errors import ConfigurationError

DISCOVERY_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class IssuerMetadata:
    issuer: str
    jwks_uri: str | None
    introspection_endpoint: str | None


def metadata_urls(issuer: str) -> list[str]:
    parts = urlsplit(issuer)
    origin, path = f"{parts.scheme}://{parts.netloc}", parts.path.rstrip("/")
    return list(
        dict.fromkeys(
            [
                f"{origin}/.well-known/oauth-authorization-server{path}",
                f"{origin}/.well-known/openid-configuration{path}",
                f"{origin}{path}/.well-known/openid-configuration",
            ]
        )
    )


def discover_issuer(issuer: str, http: httpx.Client) -> IssuerMetadata:
    """The issuer's metadata; a `ConfigurationError` naming MCP_OAUTH_ISSUER when none is found."""
    problems: list[str] = []
    for url in metadata_urls(issuer):
        try:
            response = http.get(url, headers={"Accept": "application/json"})
        except httpx.HTTPError as error:
            problems.append(f"{url}: {type(error).__name__}")
            continue
        if response.status_code != 200:
            problems.append(f"{url}: HTTP {response.status_code}")
            continue
        try:
            document = response.json()
        except ValueError:
            problems.append(f"{url}: not JSON")
            continue
        if isinstance(document, dict):
            return _checked(issuer, url, document)
        problems.append(f"{url}: not a JSON object")
    raise ConfigurationError(
        "MCP_OAUTH_ISSUER: the issuer's metadata could not be read (" + "; ".join(problems) + ").",
        "Check that MCP_OAUTH_ISSUER is the issuer URL your identity provider puts in its tokens' "
        "iss claim, and that this server can reach it.",
    )


def discover_keys(issuer: str, http: httpx.Client) -> tuple[IssuerMetadata, dict | None]:
    """The issuer's metadata and its JSON Web Key Set (None when it publishes no `jwks_uri`):
    what `serve` reads before it binds, and what `doctor` checks."""
    metadata = discover_issuer(issuer, http)
    return metadata, fetch_jwks(metadata.jwks_uri, http) if metadata.jwks_uri else None


def new_discovery_client() -> httpx.Client:
    return httpx.Client(timeout=DISCOVERY_TIMEOUT_SECONDS, trust_env=False)


def fetch_jwks(jwks_uri: str, http: httpx.Client) -> dict:
    try:
        response = http.get(jwks_uri, headers={"Accept": "application/json"})
        response.raise_for_status()
        document = response.json()
    except (httpx.HTTPError, ValueError) as error:
        raise ConfigurationError(
            f"MCP_OAUTH_ISSUER: the issuer's signing keys at {jwks_uri} could not be read "
            f"({type(error).__name__}).",
            "Check that this server can reach the identity provider.",
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise ConfigurationError(
            f"MCP_OAUTH_ISSUER: {jwks_uri} is not a JSON Web Key Set.",
            "Check the jwks_uri your identity provider publishes.",
        )
    return document


def _checked(issuer: str, url: str, document: dict) -> IssuerMetadata:
    named = document.get("issuer")
    if named != issuer:
        raise ConfigurationError(
            f"MCP_OAUTH_ISSUER is {issuer!r}, but the metadata at {url} names the issuer "
            f"{named!r}; tokens from it would all be refused.",
            f"Set MCP_OAUTH_ISSUER={named}" if isinstance(named, str) else "Check the issuer URL.",
        )
    jwks_uri = document.get("jwks_uri")
    introspection = document.get("introspection_endpoint")
    return IssuerMetadata(
        issuer=issuer,
        jwks_uri=jwks_uri if isinstance(jwks_uri, str) else None,
        introspection_endpoint=introspection if isinstance(introspection, str) else None,
    )
