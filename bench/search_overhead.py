"""What `search_trainings` over MCP HTTP costs, against the one list GET to Lucca it stands for.

One sandbox runs as a separate process (`lucca-training sandbox`, no rate limit) and one
`lucca-training serve` (MCP_CONFIRM=never, no pacing) points at it. Two callers search it for the
same text, rotating so a slower patch of the machine hits both alike:
  - a bare GET of the trainings list with the query the core sends (`httpx`): the baseline;
  - `search_trainings` through the SDK's `Client` over streamable HTTP at /mcp, which makes that
    same GET and shapes its answer.
The figure asked for is the ratio of the medians; the target is on what the server adds, as for
`create_training` (bench/mcp_overhead.py): less than 3 ms per call at the median.

    python bench/search_overhead.py [--runs N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from argparse import ArgumentParser
from collections.abc import Awaitable, Callable
from contextlib import ExitStack

import anyio
import httpx
from mcp import Client

from bench.common import CONSOLE_SCRIPT, figure, free_port, start_sandbox, stop, verdict
from bench.mcp_overhead import KEY, TARGET_MS, WARM_UP_CALLS, server_env, start_http
from tools.core import lucca_api

QUERY = "English"
LIMIT = 10
# What `LuccaClient.list_trainings` sends for a first page of a text search.
LIST_PARAMS = [
    (lucca_api.PAGE_PARAM, 1),
    (lucca_api.LIMIT_PARAM, LIMIT),
    *((lucca_api.ROOT_FIELDS_PARAM, name) for name in lucca_api.ROOT_FIELDS),
    (lucca_api.SEARCH_PARAM, QUERY),
]


async def measure(base_url: str, mcp_url: str, runs: int) -> dict[str, list[float]]:
    headers = {lucca_api.AUTH_HEADER: lucca_api.AUTH_SCHEME + KEY}
    async with (
        httpx.AsyncClient(base_url=base_url, headers=headers, trust_env=False) as http,
        Client(mcp_url) as session,
    ):

        async def bare() -> None:
            response = await http.get(lucca_api.TRAININGS_PATH, params=LIST_PARAMS)
            assert response.status_code == 200 and response.json()["items"], response.text

        async def search() -> None:
            result = await session.call_tool("search_trainings", {"query": QUERY, "limit": LIMIT})
            assert not result.is_error and result.structured_content["trainings"], result

        calls: dict[str, Callable[[], Awaitable[None]]] = {"bare GET": bare, "MCP": search}
        for _ in range(WARM_UP_CALLS):
            for call in calls.values():
                await call()
        times: dict[str, list[float]] = {name: [] for name in calls}
        names = list(calls)
        for run in range(runs):
            for name in names if run % 2 == 0 else names[::-1]:
                started = time.perf_counter()
                await calls[name]()
                times[name].append((time.perf_counter() - started) * 1000)
        return times


def run_all(runs: int) -> dict[str, list[float]]:
    with ExitStack() as stack, tempfile.TemporaryDirectory() as workdir:  # no one's .env there
        sandbox, base_url = start_sandbox(KEY)
        stack.callback(stop, sandbox)
        port = free_port()
        serve = [str(CONSOLE_SCRIPT), "serve", "--host", "127.0.0.1", "--port", str(port)]
        stack.callback(stop, start_http(serve, port, server_env(base_url), workdir))
        return anyio.run(measure, base_url, f"http://127.0.0.1:{port}/mcp", runs)


def main() -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    runs = parser.parse_args().runs
    median = {name: statistics.median(values) for name, values in run_all(runs).items()}
    bare, mcp = median["bare GET"], median["MCP"]
    overhead, ratio = mcp - bare, mcp / bare
    print(f"search_trainings over MCP HTTP against a bare list GET ({runs} runs, rotating)")
    print(f"  bare GET median           {bare:7.3f} ms")
    print(f"  MCP search median         {mcp:7.3f} ms")
    print(f"  ratio of medians          {ratio:7.3f}x")
    print(f"  overhead                  {overhead:7.3f} ms   (target < {TARGET_MS:.1f} ms)")
    passed = overhead < TARGET_MS
    figure("search_trainings: bare list GET median", bare, "ms")
    figure("search_trainings: MCP HTTP / bare GET, medians", ratio, "x")
    figure(
        "search_trainings: MCP HTTP overhead",
        overhead,
        "ms",
        target=f"< {TARGET_MS:g} ms",
        passed=passed,
    )
    verdict(passed)
    return 0  # a missed target is a figure to read, not a crash


if __name__ == "__main__":
    sys.exit(main())
