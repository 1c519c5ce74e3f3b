"""MCP sessions are bounded: in all, per caller (the token's name), and in idle time.

Sessions are opened as a handshake-era client opens them (an `initialize` POST, which answers with
an `Mcp-Session-Id`) on a real `serve`, and never closed unless the test says so."""

import time

import httpx
import pytest

from tests.servers import free_port, serving
from tests.support import MCP_TOKEN, SANDBOX_KEY

OTHER_TOKEN = "other-token-0123456789abcdef"
HANDSHAKE_VERSION = "2025-06-18"
HEADERS = {"Accept": "application/json, text/event-stream"}


def initialize(base_url: str, token: str, http: httpx.Client) -> httpx.Response:
    params = {
        "protocolVersion": HANDSHAKE_VERSION,
        "capabilities": {},
        "clientInfo": {"name": "never-closes", "version": "1"},
    }
    body = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params}
    headers = {**HEADERS, "Authorization": f"Bearer {token}"}
    return http.post(f"{base_url}/mcp", json=body, headers=headers)


def close(base_url: str, token: str, session_id: str, http: httpx.Client) -> int:
    headers = {"Authorization": f"Bearer {token}", "Mcp-Session-Id": session_id}
    return http.delete(f"{base_url}/mcp", headers=headers).status_code


@pytest.fixture
def capped(sandbox, tmp_path):
    def serve(**settings: str):
        env = {
            "LUCCA_BASE_URL": sandbox.base_url,
            "LUCCA_API_KEY": SANDBOX_KEY,
            "MCP_AUTH_TOKENS": f"team-a:{MCP_TOKEN},team-b:{OTHER_TOKEN}",
            **settings,
        }
        return serving(["serve"], env, str(tmp_path), free_port())

    return serve


def test_a_caller_past_its_cap_gets_a_429_that_says_why_and_others_still_get_in(capped):
    with capped(MCP_MAX_SESSIONS_PER_CALLER="2") as url, httpx.Client(trust_env=False) as http:
        opened = [initialize(url, MCP_TOKEN, http) for _ in range(2)]
        assert [r.status_code for r in opened] == [200, 200]
        refused = initialize(url, MCP_TOKEN, http)
        assert refused.status_code == 429
        message = refused.json()["error"]["message"]
        assert "'team-a'" in message and "MCP_MAX_SESSIONS_PER_CALLER" in message
        assert MCP_TOKEN not in refused.text
        assert initialize(url, OTHER_TOKEN, http).status_code == 200  # another caller's own cap

        assert close(url, MCP_TOKEN, opened[0].headers["mcp-session-id"], http) == 200
        assert initialize(url, MCP_TOKEN, http).status_code == 200  # room again


def test_past_the_global_cap_every_caller_gets_a_503(capped):
    with capped(MCP_MAX_SESSIONS="3") as url, httpx.Client(trust_env=False) as http:
        statuses = [initialize(url, token, http).status_code for token in [MCP_TOKEN] * 2]
        statuses += [initialize(url, OTHER_TOKEN, http).status_code for _ in range(2)]
    assert statuses == [200, 200, 200, 503]


def test_an_idle_session_is_closed_and_frees_its_callers_room(capped):
    settings = {"MCP_MAX_SESSIONS_PER_CALLER": "1", "MCP_SESSION_IDLE_SECONDS": "1"}
    with capped(**settings) as url, httpx.Client(trust_env=False) as http:
        assert initialize(url, MCP_TOKEN, http).status_code == 200
        assert initialize(url, MCP_TOKEN, http).status_code == 429
        deadline = time.monotonic() + 15
        status = 429
        while status == 429 and time.monotonic() < deadline:
            time.sleep(0.2)  # polling a condition (the SDK's idle timer), bounded by the deadline
            status = initialize(url, MCP_TOKEN, http).status_code
    assert status == 200


def test_stateless_requests_open_no_session_and_are_never_capped(capped):
    from tests.servers import stateless_tool_call

    call = stateless_tool_call({"title": ""})
    headers = {**call["headers"], "Authorization": f"Bearer {MCP_TOKEN}"}
    with capped(MCP_MAX_SESSIONS_PER_CALLER="1") as url, httpx.Client(trust_env=False) as http:
        assert initialize(url, MCP_TOKEN, http).status_code == 200
        answers = [http.post(f"{url}/mcp", json=call["json"], headers=headers) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
