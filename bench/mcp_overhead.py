"""What the MCP server adds per `create_training` call, over stdio and over HTTP, to a core call.

One sandbox runs as a separate process (`lucca-training sandbox`, no rate limit) so its work is
counted against no side. Three callers create trainings on it (each its own title: an identical
one would be found in the catalog, not created):
  - the core directly (`Trainings.create`) from this process: the baseline;
  - `lucca-training mcp` over stdio, through the SDK's `Client`;
  - `lucca-training serve` over streamable HTTP at /mcp, through the SDK's `Client`.
Both servers point at the sandbox with LUCCA_BASE_URL/LUCCA_API_KEY and MCP_CONFIRM=never (no
confirmation round). For scale, the same `Client` also calls a bare SDK server's trivial tool
(bench/servers/bare_mcp_server.py) over each transport: the SDK's own floor per call, which no
server built on it can go under. Calls rotate so a slower patch of the machine hits all alike.
Target: each transport adds less than 3 ms per call over the core call, at the median.

    python bench/mcp_overhead.py [--runs N]
"""

from __future__ import annotations

import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from argparse import ArgumentParser
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack, ExitStack
from pathlib import Path

import anyio
import httpx
from mcp import Client, StdioServerParameters, stdio_client

from bench.common import (
    CONSOLE_SCRIPT,
    figure,
    free_port,
    numbered_draft,
    start_sandbox,
    stop,
    verdict,
)
from tools.core.client import LuccaClient, new_http_client
from tools.core.draft import validate_draft as draft_of
from tools.core.trainings import Trainings
from tools.sandbox.control_api import CONTROL_PREFIX

TARGET_MS = 3.0
WARM_UP_CALLS = 30
KEY = "bench-key-0123456789"
BARE_SERVER = Path(__file__).resolve().parent / "servers" / "bare_mcp_server.py"
# Only our settings apply: not the MCP_* of the person running the bench (nor a .env: see cwd).
SERVER_ENV_DROPPED = ("MCP_AUTH_TOKENS", "MCP_STATELESS", "MCP_REQUEST_STATE_KEYS", "MCP_CONFIRM")


def server_env(base_url: str) -> dict[str, str]:
    # The sandbox has no rate limit, so the servers must not pace their requests to Lucca's
    # 50 a minute either: the benchmark would time the pacing.
    env = {"LUCCA_BASE_URL": base_url, "LUCCA_API_KEY": KEY, "MCP_CONFIRM": "never"}
    return env | {"LUCCA_RATE_LIMIT": "0"}


def start_http(command: list[str], port: int, env: dict[str, str], cwd: str) -> subprocess.Popen:
    """Start an HTTP server and return once its port accepts connections."""
    full_env = {k: v for k, v in os.environ.items() if k not in SERVER_ENV_DROPPED} | env
    process = subprocess.Popen(command, env=full_env, cwd=cwd, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{command[1:3]} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{command[1:3]} did not listen on port {port} within 30 s")


def check_created(result) -> None:
    assert not result.is_error, result.content
    training = (result.structured_content or {}).get("training") or {}
    assert training.get("id"), result


def check_added(result) -> None:
    assert not result.is_error and result.structured_content == {"result": 3}, result


async def measure(
    base_url: str, urls: dict[str, str], workdir: str, runs: int
) -> dict[str, list[float]]:
    with open(os.devnull, "w") as quiet:  # the servers' log lines are not the bench's output
        async with AsyncExitStack() as stack:
            http = await stack.enter_async_context(new_http_client())
            trainings = Trainings(LuccaClient(http, base_url, KEY))

            async def stdio_client_of(command: str, args: list[str], env: dict[str, str]) -> Client:
                params = StdioServerParameters(command=command, args=args, env=env, cwd=workdir)
                return await stack.enter_async_context(Client(stdio_client(params, errlog=quiet)))

            ours_stdio = await stdio_client_of(str(CONSOLE_SCRIPT), ["mcp"], server_env(base_url))
            bare_stdio = await stdio_client_of(sys.executable, [str(BARE_SERVER)], {})
            ours_http = await stack.enter_async_context(Client(urls["ours"]))
            bare_http = await stack.enter_async_context(Client(urls["bare"]))

            numbers = itertools.count()

            async def core() -> None:
                await trainings.create(draft_of(numbered_draft(next(numbers))))

            def creating(client: Client) -> Callable[[], Awaitable[None]]:
                async def call() -> None:
                    draft = numbered_draft(next(numbers))
                    check_created(await client.call_tool("create_training", draft))

                return call

            def adding(client: Client) -> Callable[[], Awaitable[None]]:
                async def call() -> None:
                    check_added(await client.call_tool("add", {"a": 1, "b": 2}))

                return call

            calls: dict[str, Callable[[], Awaitable[None]]] = {
                "core": core,
                "stdio": creating(ours_stdio),
                "http": creating(ours_http),
                "bare stdio": adding(bare_stdio),
                "bare http": adding(bare_http),
            }
            for _ in range(WARM_UP_CALLS):  # connections, caches, the servers' first-call work
                for call in calls.values():
                    await call()
            times: dict[str, list[float]] = {name: [] for name in calls}
            names = list(calls)
            for run in range(runs):
                shift = run % len(names)
                for name in names[shift:] + names[:shift]:
                    started = time.perf_counter()
                    await calls[name]()
                    times[name].append((time.perf_counter() - started) * 1000)
            return times


def sandbox_statuses(base_url: str) -> dict[int, int]:
    """How many creations (POSTs) the sandbox answered with each status (from its request log).

    The catalog lookups (GETs) that come with each creation are part of what is measured."""
    log = httpx.get(base_url + CONTROL_PREFIX + "/requests", trust_env=False, timeout=30).json()
    statuses: dict[int, int] = {}
    for entry in log:
        if entry["method"] != "POST":
            continue
        statuses[entry["status"]] = statuses.get(entry["status"], 0) + 1
    return statuses


def run_all(runs: int) -> tuple[dict[str, list[float]], dict[int, int]]:
    with ExitStack() as stack, tempfile.TemporaryDirectory() as workdir:  # no one's .env there
        sandbox, base_url = start_sandbox(KEY)
        stack.callback(stop, sandbox)
        ours_port, bare_port = free_port(), free_port()
        serve = [str(CONSOLE_SCRIPT), "serve", "--host", "127.0.0.1", "--port", str(ours_port)]
        stack.callback(stop, start_http(serve, ours_port, server_env(base_url), workdir))
        bare = [sys.executable, str(BARE_SERVER), "--http", str(bare_port)]
        stack.callback(stop, start_http(bare, bare_port, {}, workdir))
        urls = {name: f"http://127.0.0.1:{port}/mcp" for name, port in
                (("ours", ours_port), ("bare", bare_port))}  # fmt: skip
        times = anyio.run(measure, base_url, urls, workdir, runs)
        return times, sandbox_statuses(base_url)


def main() -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    runs = parser.parse_args().runs
    times, statuses = run_all(runs)
    creations = 3 * (WARM_UP_CALLS + runs)  # core, stdio and http each create once per round
    # Every creation got its 201 at once: no 429 (retried quietly by the core) slowed any side.
    assert statuses == {201: creations}, f"the sandbox answered {statuses}, not {creations} x 201"
    median = {name: statistics.median(values) for name, values in times.items()}
    core = median["core"]
    overhead = {name: median[name] - core for name in ("stdio", "http")}
    print(f"create_training per call: MCP server over a direct core call ({runs} runs, rotating)")
    print(f"  core call median          {core:7.3f} ms")
    for transport in ("stdio", "http"):
        print(f"  MCP {transport:5s} call median     {median[transport]:7.3f} ms")
    for transport in ("stdio", "http"):
        print(f"  {transport:5s} ratio of medians    {median[transport] / core:7.3f}x")
    for transport in ("stdio", "http"):
        print(
            f"  {transport:5s} overhead            {overhead[transport]:7.3f} ms"
            f"   (target < {TARGET_MS:.1f} ms)"
        )
    for transport in ("stdio", "http"):
        floor = median[f"bare {transport}"]
        print(
            f"  SDK floor, {transport:5s}          {floor:7.3f} ms   (bare server, trivial tool;"
            f" ours adds {overhead[transport] - floor:.3f} ms above it)"
        )
    print(f"  sandbox answered          {creations} creations, all 201 (no rate limiting)")
    passed = all(value < TARGET_MS for value in overhead.values())
    figure("MCP call: core call median", core, "ms")
    for transport in ("stdio", "http"):
        ok = overhead[transport] < TARGET_MS
        target = f"< {TARGET_MS:g} ms"
        figure(
            f"MCP call: {transport} overhead", overhead[transport], "ms", target=target, passed=ok
        )
        figure(f"MCP call: SDK floor, {transport}", median[f"bare {transport}"], "ms")
    verdict(passed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
