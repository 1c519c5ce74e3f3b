"""`lucca-training serve`: /mcp over streamable HTTP behind a token and Host/Origin checks."""

import contextlib
import subprocess

import httpx
import mcp_types
import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError

from tests.mcp.helpers import ERAS, UserAtKeyboard, bearer_client, leaves, text_of
from tests.servers import clean_env, free_port, serving
from tests.support import CONSOLE_SCRIPT, MCP_TOKEN, SANDBOX_KEY, VALID_DRAFT, model_visible, posts

TOKEN = MCP_TOKEN
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
    return bearer_client(url, era, token)


def post(url: str, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(url, json=PING, headers={**MCP_HEADERS, **headers}, trust_env=False)


@pytest.mark.parametrize("era", ERAS)
async def test_with_a_good_token_an_assistant_lists_and_creates(server, sandbox, era):
    async with mcp_client(f"{server}/mcp", era) as session:
        (tool,) = model_visible((await session.list_tools()).tools)
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
    assert "MCP_AUTH_TOKENS: entry 1 is not a usable token" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout


# Confirmation over HTTP, and several replicas behind a load balancer.


def confirming_env(lucca_env, **extra: str) -> dict[str, str]:
    return {**lucca_env, "MCP_AUTH_TOKENS": f"ci:{TOKEN}", "MCP_CONFIRM": "auto", **extra}


def asking_client(url: str, era: str, user: UserAtKeyboard) -> Client:
    return bearer_client(url, era, TOKEN, user)


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("answer", ["accept", "decline"])
async def test_the_user_confirms_over_http_in_both_eras(lucca_env, tmp_path, sandbox, era, answer):
    user = UserAtKeyboard(answer)
    with serving(["serve"], confirming_env(lucca_env), str(tmp_path), free_port()) as base_url:
        async with asking_client(f"{base_url}/mcp", era, user) as session:
            result = await session.call_tool("create_training", VALID_DRAFT)
    assert len(user.questions) == 1
    assert result.structured_content["created"] is (answer == "accept")
    assert len(posts(sandbox)) == (1 if answer == "accept" else 0)


async def test_a_stateless_server_cannot_ask_an_older_client_and_always_refuses(
    lucca_env, tmp_path, sandbox
):
    env = confirming_env(lucca_env, MCP_STATELESS="true", MCP_CONFIRM="always")
    user = UserAtKeyboard("accept")
    with serving(["serve"], env, str(tmp_path), free_port()) as base_url:
        async with asking_client(f"{base_url}/mcp", "legacy", user) as session:
            result = await session.call_tool("create_training", VALID_DRAFT)
    assert result.is_error is True
    assert "older than 2026-07-28 to a stateless server" in text_of(result)
    assert posts(sandbox) == []


async def confirm_across_replicas(lucca_env, tmp_path, keys: tuple[str, str]):
    """The question is asked by one replica and the answer taken to another."""
    urls = []
    with contextlib.ExitStack() as replicas:
        for key in keys:
            env = confirming_env(lucca_env, MCP_STATELESS="true", MCP_REQUEST_STATE_KEYS=key)
            urls.append(replicas.enter_context(serving(["serve"], env, str(tmp_path), free_port())))
        user = UserAtKeyboard("accept")
        async with asking_client(f"{urls[0]}/mcp", "2026-07-28", user) as first:
            asked = await first.session.call_tool(
                "create_training", VALID_DRAFT, allow_input_required=True
            )
        (question,) = asked.input_requests
        yes = {question: mcp_types.ElicitResult(action="accept", content={"confirm": True})}
        async with asking_client(f"{urls[1]}/mcp", "2026-07-28", user) as second:
            return await second.session.call_tool(
                "create_training",
                VALID_DRAFT,
                input_responses=yes,
                request_state=asked.request_state,
                allow_input_required=True,
            )


async def test_replicas_sharing_the_state_key_complete_each_others_confirmations(
    lucca_env, tmp_path, sandbox
):
    key = "shared-request-state-key-0123456789abcdef"
    result = await confirm_across_replicas(lucca_env, tmp_path, (key, key))
    assert result.structured_content["created"] is True
    assert len(posts(sandbox)) == 1


async def test_replicas_with_different_keys_refuse_each_others_state(lucca_env, tmp_path, sandbox):
    keys = ("replica-one-request-state-key-0123456789", "replica-two-request-state-key-012345678")
    refusals: list[str] = []
    try:
        await confirm_across_replicas(lucca_env, tmp_path, keys)
    except* MCPError as refused:
        refusals = [str(error) for error in leaves(refused)]
    assert refusals == ["Invalid or expired requestState"]
    assert posts(sandbox) == []


async def test_a_deployment_on_a_public_address_serves_its_allowed_host(lucca_env, tmp_path):
    port = free_port()
    env = {**lucca_env, "MCP_AUTH_TOKENS": TOKEN, "MCP_ALLOWED_HOSTS": f"127.0.0.1:{port}"}
    with serving(["serve", "--host", "0.0.0.0"], env, str(tmp_path), port) as base_url:
        async with mcp_client(f"{base_url}/mcp", "2026-07-28") as session:
            (tool,) = model_visible((await session.list_tools()).tools)
        other = post(f"{base_url}/mcp", {"Authorization": f"Bearer {TOKEN}", "Host": "localhost"})
    assert tool.name == "create_training"
    assert other.status_code == 421  # loopback names are not implied on a public address
