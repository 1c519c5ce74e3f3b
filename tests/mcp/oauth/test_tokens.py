"""`/mcp` as an OAuth 2.1 resource server, against a real authorization server on loopback.

Each refused token must be refused with the right status and a reason a person can act on, and
a good one must work through the SDK's own HTTP client, in both protocol eras.
"""

import base64
import hashlib
import hmac
import json
import time

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from jwt import PyJWK

from tests.mcp.helpers import ERAS, bearer_client, text_of
from tests.mcp.oauth.conftest import ADMINS, CREATE, READ, STATIC_TOKEN
from tests.support import VALID_DRAFT

# One self-contained 2026-07-28 request: a 200 means the token got through.
META = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
}
LIST_TOOLS = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {"_meta": META}}
MCP_HEADERS = {
    "Accept": "application/json, text/event-stream",
    "MCP-Protocol-Version": "2026-07-28",
    "Mcp-Method": "tools/list",
}


def resource(server) -> str:
    return f"{server.base_url}/mcp"


def alice(server, **changes) -> dict:
    claims = {
        "aud": resource(server),
        "sub": "248289761001",
        "email": "alice@example.com",
        "client_id": "claude-connector",
        "scope": f"{READ} {CREATE}",
        "groups": [ADMINS, "staff"],
    }
    return {**claims, **changes}


def ping(server, token: str | None) -> httpx.Response:
    headers = {**MCP_HEADERS, **({"Authorization": f"Bearer {token}"} if token else {})}
    return httpx.post(resource(server), json=LIST_TOOLS, headers=headers, trust_env=False)


def challenge(response: httpx.Response) -> str:
    return response.headers["www-authenticate"]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segments(token: str) -> tuple[dict, str, str]:
    header, payload, signature = token.split(".")
    return json.loads(base64.urlsafe_b64decode(header + "==")), payload, signature


# --- a good token -------------------------------------------------------------------------------


@pytest.mark.parametrize("era", ERAS)
async def test_a_valid_token_lists_and_creates_through_the_sdk_client(
    authorization_server, resource_server, era
):
    token = authorization_server.token(alice(resource_server))
    draft = {**VALID_DRAFT, "title": f"OAuth course ({era})"}
    async with bearer_client(resource(resource_server), era, token) as session:
        tools = [tool.name for tool in (await session.list_tools()).tools]
        result = await session.call_tool("create_training", draft)
    assert "create_training" in tools
    assert not result.is_error, text_of(result)
    assert result.structured_content["training"]["title"] == draft["title"]


@pytest.mark.parametrize("era", ERAS)
async def test_a_static_token_still_works_beside_oauth(resource_server, era):
    async with bearer_client(resource(resource_server), era, STATIC_TOKEN) as session:
        result = await session.call_tool("create_training", {**VALID_DRAFT, "dryRun": True})
    assert not result.is_error, text_of(result)


# --- refused at the door (HTTP 401 / 403) --------------------------------------------------------


def test_without_a_token_the_challenge_points_at_the_metadata(resource_server):
    response = ping(resource_server, None)
    assert response.status_code == 401
    metadata = f"{resource_server.base_url}/.well-known/oauth-protected-resource/mcp"
    assert f'resource_metadata="{metadata}"' in challenge(response)
    assert f'scope="{READ} {CREATE}"' in challenge(response)
    assert "sign in" in response.json()["error_description"]


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("expired", "expired"),
        ("not yet valid", "not valid yet"),
        ("wrong issuer", "not issued by"),
        ("wrong audience", "not meant for this server"),
    ],
)
def test_a_token_with_bad_claims_is_401_saying_why(
    authorization_server, resource_server, case, reason
):
    claims, expires_in = alice(resource_server), 3600
    if case == "expired":
        expires_in = -600
    elif case == "not yet valid":
        claims["nbf"] = int(time.time()) + 600
    elif case == "wrong issuer":
        claims["iss"] = "https://login.attacker.example"
    else:
        claims["aud"] = "https://another-server.example/mcp"
    response = ping(resource_server, authorization_server.token(claims, expires_in=expires_in))
    assert response.status_code == 401
    assert 'error="invalid_token"' in challenge(response)
    assert reason in response.json()["error_description"]
    assert reason in challenge(response)


def test_a_tampered_signature_is_401(authorization_server, resource_server):
    token = authorization_server.token(alice(resource_server))
    header, payload, signature = token.split(".")
    forged = dict(json.loads(base64.urlsafe_b64decode(payload + "==")), sub="admin")
    tampered = f"{header}.{_b64(json.dumps(forged).encode())}.{signature}"
    response = ping(resource_server, tampered)
    assert response.status_code == 401
    assert "signature does not match" in response.json()["error_description"]


def test_alg_none_is_401(authorization_server, resource_server):
    header, payload, _ = _segments(authorization_server.token(alice(resource_server)))
    unsigned = f"{_b64(json.dumps({**header, 'alg': 'none'}).encode())}.{payload}."
    response = ping(resource_server, unsigned)
    assert response.status_code == 401
    assert "never none or an HMAC" in response.json()["error_description"]


def test_a_token_signed_with_the_public_key_as_an_hmac_secret_is_401(
    authorization_server, resource_server
):
    """The classic algorithm confusion: HS256 "signed" with the issuer's published key."""
    jwks = httpx.get(f"{authorization_server.issuer}/jwks", trust_env=False).json()
    public = PyJWK(jwks["keys"][0]).key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header, payload, _ = _segments(authorization_server.token(alice(resource_server)))
    signing_input = f"{_b64(json.dumps({**header, 'alg': 'HS256'}).encode())}.{payload}"
    signature = _b64(hmac.new(public, signing_input.encode(), hashlib.sha256).digest())
    response = ping(resource_server, f"{signing_input}.{signature}")
    assert response.status_code == 401
    assert "never none or an HMAC" in response.json()["error_description"]


def test_a_key_rotated_out_of_the_jwks_is_refused_and_the_new_one_fetched(
    authorization_server, resource_server
):
    old_kid = authorization_server.kid
    authorization_server.rotate()
    # The new key id is unknown to the cached JWKS: the server fetches the key set again.
    new = ping(resource_server, authorization_server.token(alice(resource_server)))
    assert new.status_code == 200, new.text
    old = ping(resource_server, authorization_server.token(alice(resource_server), kid=old_kid))
    assert old.status_code == 401
    assert "key the issuer does not publish" in old.json()["error_description"]


def test_without_the_read_scope_it_is_403_naming_the_scope(authorization_server, resource_server):
    token = authorization_server.token(alice(resource_server, scope=CREATE))
    response = ping(resource_server, token)
    assert response.status_code == 403
    assert 'error="insufficient_scope"' in challenge(response)
    assert f'scope="{READ}"' in challenge(response)
    assert READ in response.json()["error_description"]


# --- refused at the tool (isError results) --------------------------------------------------------


@pytest.mark.parametrize("era", ERAS)
async def test_creating_without_the_create_scope_names_the_missing_scope(
    authorization_server, resource_server, era
):
    token = authorization_server.token(alice(resource_server, scope=READ))
    async with bearer_client(resource(resource_server), era, token) as session:
        preview = await session.call_tool("create_training", {**VALID_DRAFT, "dryRun": True})
        result = await session.call_tool("create_training", VALID_DRAFT)
    assert not preview.is_error  # a dry run sends nothing: reading is enough
    assert result.is_error
    assert f"lacks the scope {CREATE}" in text_of(result)
    assert "sign in again" in text_of(result)


async def test_a_user_outside_the_allowed_groups_cannot_create(
    authorization_server, resource_server
):
    claims = alice(resource_server, email="bob@example.com", groups=["staff"])
    token = authorization_server.token(claims)
    async with bearer_client(resource(resource_server), "2026-07-28", token) as session:
        result = await session.call_tool("create_training", VALID_DRAFT)
    assert result.is_error
    assert f"bob@example.com may not create trainings: only members of {ADMINS}" in text_of(result)


# --- opaque tokens (RFC 7662 introspection) ------------------------------------------------------


async def test_an_opaque_token_is_checked_by_introspection(authorization_server, resource_server):
    token = "opaque-CANARY-token-do-not-leak-0001"
    answer = {
        "active": True,
        "iss": authorization_server.issuer,
        "aud": resource(resource_server),
        "sub": "carol",
        "scope": f"{READ} {CREATE}",
        "groups": [ADMINS],
        "exp": int(time.time()) + 600,
    }
    authorization_server.opaque(token, answer)
    assert ping(resource_server, token).status_code == 200
    authorization_server.opaque(token, {"active": False})  # revoked
    refused = ping(resource_server, token)
    assert refused.status_code == 401
    assert "not active" in refused.json()["error_description"]


# --- metadata --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "/mcp"])
def test_the_protected_resource_metadata_names_the_resource_and_the_issuer(
    authorization_server, resource_server, path
):
    url = f"{resource_server.base_url}/.well-known/oauth-protected-resource{path}"
    response = httpx.get(url, trust_env=False)
    assert response.status_code == 200
    metadata = response.json()
    assert metadata["resource"] == resource(resource_server)
    assert metadata["authorization_servers"] == [authorization_server.issuer]
    assert set(metadata["scopes_supported"]) == {READ, CREATE}
    assert metadata["bearer_methods_supported"] == ["header"]
