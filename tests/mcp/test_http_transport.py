"""`lucca-training serve`: /mcp over streamable HTTP behind a token and Host/Origin checks."""

import subprocess

import httpx
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

from tests.mcp.helpers import ERAS
from tests.servers import clean_env, free_port, serving
from tests.support import CONSOLE_SCRIPT, SANDBOX_KEY, VALID_DRAFT, posts

TOKEN = "test-token-0123456789abcdef"
PING = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
MCP_HEADERS = {"Accept": "application/json, text/event-stream"}


@pytest.fixture
def lucca_env(sandbox):
    return {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY}


@pytest.fixture
def server(lucca_env, tmp_path):
    env = {**lucca_env, "MCP_AUTH_TOKENS": f"ci:{TOKEN}", "MCP_CONFIRM": "never"}
    with serving(["serve"], env, str(tmp_path), free_port()) as base_url:
        yield base_url


def mcp_client(url: str, era: str, token: str | None = TOKEN) -> Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = streamable_http_client(url, http_client=create_mcp_http_client(headers=headers))
    return Client(transport, mode=era)


def post(url: str, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(url, json=PING, headers={**MCP_HEADERS, **headers}, trust_env=False)


@pytest.mark.parametrize("era", ERAS)
async def test_with_a_good_token_an_assistant_lists_and_creates(server, sandbox, era):
    async with mcp_client(f"{server}/mcp", era) as session:
        (tool,) = (await session.list_tools()).tools
        result = await session.call_tool("create_training", VALID_DRAFT)
    assert tool.input_schema["properties"]["title"]["maxLength"] == 250
    assert result.structured_content["training"]["id"] == 45
    assert len(posts(sandbox)) == 1


def test_without_a_token_it_is_401(server):
    response = post(f"{server}/mcp", {})
    assert response.status_code == 401
    assert "Bearer" in response.headers["www-authenticate"]


def test_with_a_wrong_token_it_is_401(server):
    assert post(f"{server}/mcp", {"Authorization": f"Bearer {TOKEN}x"}).status_code == 401


def test_a_wrong_host_is_421(server):
    headers = {"Authorization": f"Bearer {TOKEN}", "Host": "attacker.example"}
    assert post(f"{server}/mcp", headers).status_code == 421


def test_a_foreign_origin_is_403(server):
    headers = {"Authorization": f"Bearer {TOKEN}", "Origin": "https://attacker.example"}
    assert post(f"{server}/mcp", headers).status_code == 403


def test_healthz_needs_no_token(server):
    assert httpx.get(f"{server}/healthz", trust_env=False).json() == {"status": "ok"}


@pytest.mark.parametrize("era", ERAS)
async def test_stateless_mode_serves_both_eras(lucca_env, tmp_path, sandbox, era):
    env = {**lucca_env, "MCP_AUTH_TOKENS": TOKEN, "MCP_STATELESS": "true", "MCP_CONFIRM": "never"}
    with serving(["serve"], env, str(tmp_path), free_port()) as base_url:
        async with mcp_client(f"{base_url}/mcp", era) as session:
            result = await session.call_tool("create_training", VALID_DRAFT)
    assert result.structured_content["created"] is True


def refused_start(args: list[str], env: dict[str, str], cwd) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *args],
        env=clean_env(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_it_refuses_a_public_address_without_tokens(lucca_env, tmp_path):
    result = refused_start(["serve", "--host", "0.0.0.0"], lucca_env, tmp_path)
    assert result.returncode == 2
    assert "without MCP_AUTH_TOKENS" in result.stderr


def test_it_refuses_a_public_address_without_allowed_hosts(lucca_env, tmp_path):
    env = {**lucca_env, "MCP_AUTH_TOKENS": TOKEN}
    result = refused_start(["serve", "--host", "0.0.0.0"], env, tmp_path)
    assert result.returncode == 2
    assert "MCP_ALLOWED_HOSTS" in result.stderr


def test_a_short_token_is_refused_at_start_without_being_shown(lucca_env, tmp_path):
    env = {**lucca_env, "MCP_AUTH_TOKENS": "ci:hunter2"}
    result = refused_start(["serve"], env, tmp_path)
    assert result.returncode == 2
    assert "MCP_AUTH_TOKENS: entry 1 (ci)" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout
