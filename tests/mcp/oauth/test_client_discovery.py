"""The MCP SDK's own OAuth client, given only the URL of `/mcp`, finds the issuer through our
protected-resource metadata (RFC 9728) and signs in there, against a real authorization server.

No token is handed to it: the first request gets the 401 whose `resource_metadata` points at our
metadata, which names the issuer; the client reads the issuer's metadata, runs the authorization
code flow with PKCE and RFC 8707 `resource`, and retries with the token it got. oauth2-mock-server
signs the user in without a page to click: the redirect handler follows the authorization URL and
hands the `code` and `state` of its redirect to the callback handler, as a browser would.

Client registration: oauth2-mock-server has no registration endpoint (RFC 7591) and does not
advertise client ID metadata documents, so the client's information is stored beforehand in the
`TokenStorage`, as for a client registered with the identity provider by hand. It is a public
client (PKCE, no secret), which is what the server's `token_endpoint_auth_methods_supported:
["none"]` allows.
"""

from urllib.parse import parse_qs, urlsplit

import httpx
import httpx2
import jwt
import pytest
from mcp import Client
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import (
    AuthorizationCodeResult,
    OAuthClientInformationFull,
    OAuthClientMetadata,
    OAuthToken,
)

from tests.mcp.helpers import ERAS, text_of
from tests.mcp.oauth.conftest import ADMINS, CREATE, READ
from tests.mcp.oauth.test_tokens import resource

CLIENT_ID = "discovery-test-client"
REDIRECT_URI = "http://127.0.0.1:9/callback"  # never reached: the handler reads the redirect
BOB = {"sub": "bob-42", "email": "bob@example.com", "groups": [ADMINS]}


class PreRegistered:
    """A `TokenStorage` that starts with the client's registration and no token."""

    def __init__(self) -> None:
        self.tokens: OAuthToken | None = None
        self.client = OAuthClientInformationFull(
            client_id=CLIENT_ID,
            redirect_uris=[REDIRECT_URI],
            token_endpoint_auth_method="none",
        )

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client = client_info


class Browser:
    """The redirect and callback handlers: follows the authorization URL, keeps the redirect."""

    def __init__(self, requests: list[str]) -> None:
        self.requests = requests
        self.location = ""

    async def open(self, authorization_url: str) -> None:
        self.requests.append(f"GET {authorization_url}")
        async with httpx.AsyncClient(trust_env=False) as http:
            response = await http.get(authorization_url)  # redirects are not followed
        assert response.status_code in (302, 303), response.text
        self.location = response.headers["location"]

    async def callback(self) -> AuthorizationCodeResult:
        assert self.location.startswith(REDIRECT_URI), self.location
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.location).query).items()}
        return AuthorizationCodeResult(code=query["code"], state=query.get("state"))


def path_of(request: str) -> str:
    method, url = request.split(" ", 1)
    parts = urlsplit(url)
    return f"{method} {parts.scheme}://{parts.netloc}{parts.path}"


@pytest.mark.parametrize("era", ERAS)
async def test_the_sdk_client_finds_the_issuer_through_the_metadata_and_signs_in(
    authorization_server, resource_server, era
):
    authorization_server.sign_in(BOB)
    mcp_url, issuer = resource(resource_server), authorization_server.issuer
    requests: list[str] = []  # every request the provider made, the browser's too, in order
    answers: list[httpx2.Response] = []  # the answers of the HTTP client (not the browser's)

    async def record(request: httpx2.Request) -> None:
        requests.append(f"{request.method} {request.url}")

    async def keep(response: httpx2.Response) -> None:
        answers.append(response)

    storage, browser = PreRegistered(), Browser(requests)
    provider = OAuthClientProvider(
        server_url=mcp_url,
        client_metadata=OAuthClientMetadata(
            client_name="discovery test",
            redirect_uris=[REDIRECT_URI],
            token_endpoint_auth_method="none",
        ),
        storage=storage,
        redirect_handler=browser.open,
        callback_handler=browser.callback,
    )
    http = httpx2.AsyncClient(
        auth=provider, event_hooks={"request": [record], "response": [keep]}, trust_env=False
    )
    async with http, Client(streamable_http_client(mcp_url, http_client=http), mode=era) as session:
        tools = [tool.name for tool in (await session.list_tools()).tools]
        search = await session.call_tool("search_trainings", {"query": "English"})

    assert "search_trainings" in tools
    assert not search.is_error, text_of(search)
    assert search.structured_content["trainings"][0]["id"] == 41

    # The way there: the 401 without a token, our metadata, then the issuer's (its RFC 8414
    # address first, which the mock does not serve, then OpenID Connect's), then the sign-in.
    first_auth = next(i for i, r in enumerate(requests) if "/authorize?" in r)
    way = [path_of(r) for r in requests[: first_auth + 2]]
    assert way[0] == f"POST {mcp_url}"
    refused = answers[0]
    assert refused.status_code == 401
    metadata_url = f"{resource_server.base_url}/.well-known/oauth-protected-resource/mcp"
    assert f'resource_metadata="{metadata_url}"' in refused.headers["www-authenticate"]
    assert way[1:] == [
        f"GET {metadata_url}",
        f"GET {issuer}/.well-known/oauth-authorization-server",
        f"GET {issuer}/.well-known/openid-configuration",
        f"GET {issuer}/authorize",
        f"POST {issuer}/token",
    ]
    authorize = parse_qs(urlsplit(requests[first_auth].split(" ", 1)[1]).query)
    assert authorize["resource"] == [mcp_url]  # RFC 8707, from our metadata's `resource`
    assert authorize["code_challenge_method"] == ["S256"]
    assert authorize["scope"] == [f"{READ} {CREATE}"]  # the scopes our 401 names
    assert authorize["client_id"] == [CLIENT_ID]
    # After the token, only our server: the request retried with it, then the session's.
    assert all(r.split(" ", 1)[1].startswith(mcp_url) for r in requests[first_auth + 2 :])
    assert len(requests) > first_auth + 2
    assert answers[1].json()["authorization_servers"] == [issuer]  # what led the client there
    # The browser's request is not among the answers: answers[first_auth] is the token's.
    assert all(answer.is_success for answer in answers[first_auth:])

    # The token the client got is for us, from the issuer our metadata named.
    assert storage.tokens is not None
    claims = jwt.decode(storage.tokens.access_token, options={"verify_signature": False})
    assert (claims["iss"], claims["aud"], claims["sub"]) == (issuer, mcp_url, BOB["sub"])
    assert claims["scope"] == f"{READ} {CREATE}"
