"""Two `serve` replicas, one PostgreSQL: the same new title sent to both at the same instant,
50 times, creates 50 trainings, not one more (the title lease both take in the store)."""

import asyncio
import json
from contextlib import ExitStack

import httpx

from tests.servers import free_port, served, stateless_tool_call
from tests.support import SANDBOX_KEY, VALID_DRAFT
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer

ROUNDS = 50


def replica_env(sandbox, state_url: str) -> dict[str, str]:
    return {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "LUCCA_RATE_LIMIT": "0",
        "MCP_CONFIRM": "never",
        "MCP_STATELESS": "true",
        "MCP_REQUEST_STATE_KEYS": "replicas-share-this-key-0123456789abcdef",
        "STATE_URL": state_url,
    }


def rpc_result(answer: httpx.Response) -> dict:
    """The JSON-RPC result, whether it came as JSON or as a server-sent event (a slow call)."""
    assert answer.status_code == 200, answer.text
    if answer.headers["content-type"].startswith("application/json"):
        return answer.json()["result"]
    data = [line[5:] for line in answer.text.splitlines() if line.startswith("data:")]
    return json.loads(data[-1])["result"]


def catalog_titles(sandbox) -> list[str]:
    titles, page = [], 1
    with httpx.Client(trust_env=False) as http:
        while True:
            answer = http.get(
                f"{sandbox.base_url}/talent-training/api/v1/trainings",
                params={"limit": 100, "page": page},
                headers={"Authorization": f"lucca application={SANDBOX_KEY}"},
            ).json()
            titles += [item["title"] for item in answer["items"]]
            if len(answer["items"]) < 100:
                return titles
            page += 1


async def test_the_same_title_on_two_replicas_at_once_is_created_once(tmp_path, postgres_url):
    with ExitStack() as stack:
        # No rate limit: 50 rounds take 250 requests, and the lease alone is under test.
        sandbox = stack.enter_context(
            SandboxServer(SandboxConfig(api_key=SANDBOX_KEY, rate_limit=0))
        )
        env = replica_env(sandbox, postgres_url)
        replicas = [
            stack.enter_context(served(["serve"], env, str(tmp_path), free_port(), 60.0))
            for _ in range(2)
        ]
        async with httpx.AsyncClient(trust_env=False, timeout=30) as http:
            for n in range(ROUNDS):
                call = stateless_tool_call({**VALID_DRAFT, "title": f"Negotiation, round {n}"})
                answers = await asyncio.gather(
                    *(http.post(f"{replica.base_url}/mcp", **call) for replica in replicas)
                )
                results = [rpc_result(answer) for answer in answers]
                assert not any(result["isError"] for result in results), results
                ids = {result["structuredContent"]["training"]["id"] for result in results}
                assert len(ids) == 1, results  # both name the one training
        titles = [title for title in catalog_titles(sandbox) if title.startswith("Negotiation, r")]
    assert len(titles) == ROUNDS and len(set(titles)) == ROUNDS  # 0 duplicates
