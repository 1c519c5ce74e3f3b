"""Two `serve` replicas, one Lucca: a creation retried on the second replica creates no duplicate.

The assistant's call to the first replica times out on its side while Lucca has already created
the training (its answer comes late); the assistant retries the same call, and the load balancer
sends it to the second replica. The catalog, which both replicas read, is what prevents a second
training: nothing is shared between the two processes but Lucca and the settings.
"""

import asyncio
import contextlib
from contextlib import ExitStack

import httpx

from tests.servers import free_port, served, stateless_tool_call
from tests.support import SANDBOX_KEY, VALID_DRAFT, posts

SHARED_STATE_KEY = "replicas-share-this-key-0123456789abcdef"


def replica_env(sandbox) -> dict[str, str]:
    return {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "MCP_CONFIRM": "never",
        "MCP_STATELESS": "true",
        "MCP_REQUEST_STATE_KEYS": SHARED_STATE_KEY,
    }


async def test_a_call_retried_on_another_replica_returns_the_training_the_first_created(
    sandbox, tmp_path
):
    call = stateless_tool_call(VALID_DRAFT)
    with ExitStack() as replicas:
        first, second = (
            replicas.enter_context(
                served(["serve"], replica_env(sandbox), str(tmp_path), free_port())
            )
            for _ in range(2)
        )
        # Lucca stores the training at once but answers only 3 s later (the behaviour under test):
        # the assistant gives up once the training is stored, rather than after a 1 s timeout that
        # a loaded machine could reach before the replica had even sent its POST.
        sandbox.add_faults({"delay": 3, "when": "after", "method": "POST"})
        async with httpx.AsyncClient(trust_env=False, timeout=20.0) as http:
            first_call = asyncio.create_task(http.post(f"{first.base_url}/mcp", **call))
            async with asyncio.timeout(30):  # a safety net, not a measure
                while not posts(sandbox) or posts(sandbox)[0]["status"] is None:
                    assert not first_call.done(), "the first call was answered before Lucca"
                    await asyncio.sleep(0.02)
            assert len(posts(sandbox)) == 1  # created; its answer still on its way
            assert not first_call.done(), "the first call was expected to be still waiting"
            first_call.cancel()  # the assistant gives up
            with contextlib.suppress(asyncio.CancelledError):
                await first_call
            retried = await http.post(f"{second.base_url}/mcp", **call)
    assert retried.status_code == 200, retried.text
    result = retried.json()["result"]
    assert not result["isError"], result["content"]
    assert result["structuredContent"]["training"]["id"] == 45
    assert result["structuredContent"]["outcome"] == "existing"
    assert [entry["status"] for entry in posts(sandbox)] == [201]  # one training in the catalog
