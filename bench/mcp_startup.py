"""How long `lucca-training mcp --sandbox` takes to answer its first tools/list, over a bare server.

Both servers are spawned the way an assistant spawns them: the SDK's `Client` over stdio, with the
same Python, connecting in its default mode and asking for tools/list. The baseline is a bare SDK
server with one trivial tool (bench/servers/bare_mcp_server.py). A third server, ours without
`--sandbox` (pointed at an address it never calls during start-up), shows what the in-process
sandbox adds. Runs rotate between the three so a slower patch of the machine hits all alike.
Target: ours with --sandbox at most 1.15x the bare server, at the median.

Resident memory (VmRSS) of each server is read from /proc after its first tools/list answer.

    python bench/mcp_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import anyio
from mcp import Client, StdioServerParameters, stdio_client

from bench.common import CONSOLE_SCRIPT, figure, verdict

TARGET_RATIO = 1.15
ROOT = Path(__file__).resolve().parents[1]
BARE_SERVER = ROOT / "bench" / "servers" / "bare_mcp_server.py"
# The unsandboxed server needs settings to start; it never calls this address before a tool call.
NO_SANDBOX_ENV = {"LUCCA_BASE_URL": "http://127.0.0.1:9", "LUCCA_API_KEY": "bench-not-used"}

SERVERS = {
    "bare SDK server": StdioServerParameters(
        command=sys.executable, args=[str(BARE_SERVER)], cwd=str(ROOT)
    ),
    "ours, --sandbox": StdioServerParameters(
        command=str(CONSOLE_SCRIPT), args=["mcp", "--sandbox"], cwd=str(ROOT)
    ),
    "ours, no sandbox": StdioServerParameters(
        command=str(CONSOLE_SCRIPT), args=["mcp"], cwd=str(ROOT), env=NO_SANDBOX_ENV
    ),
}


def child_pids() -> set[int]:
    """This process's children, from /proc (Linux); empty where /proc is not available."""
    pids: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").glob("*"):
        try:
            pids.update(int(pid) for pid in (task / "children").read_text().split())
        except OSError:
            continue
    return pids


def rss_mib(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


async def one_start(params: StdioServerParameters) -> tuple[float, float | None]:
    """Milliseconds from spawning the server to its tools/list answer, and its RSS then (MiB)."""
    before = child_pids()
    with open(os.devnull, "w") as quiet:  # the servers' log lines are not the bench's output
        started = time.perf_counter()
        async with Client(stdio_client(params, errlog=quiet)) as client:
            tools = await client.list_tools()
            elapsed = (time.perf_counter() - started) * 1000
            assert tools.tools, "the server listed no tool"
            spawned = child_pids() - before
            memory = rss_mib(spawned.pop()) if len(spawned) == 1 else None
    return elapsed, memory


async def measure(runs: int) -> dict[str, tuple[list[float], list[float]]]:
    figures: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in SERVERS}
    for name in SERVERS:  # warm up the OS's file cache and the .pyc files, not counted
        await one_start(SERVERS[name])
    names = list(SERVERS)
    for run in range(runs):
        shift = run % len(names)
        for name in names[shift:] + names[:shift]:
            elapsed, memory = await one_start(SERVERS[name])
            figures[name][0].append(elapsed)
            if memory is not None:
                figures[name][1].append(memory)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    figures = anyio.run(measure, runs)
    medians = {name: statistics.median(times) for name, (times, _) in figures.items()}
    bare = medians["bare SDK server"]
    ours = medians["ours, --sandbox"]
    unsandboxed = medians["ours, no sandbox"]
    ratio = ours / bare
    print(f"MCP start-up to the first tools/list answer over stdio ({runs} runs each, rotating)")
    for name, median in medians.items():
        low, high = min(figures[name][0]), max(figures[name][0])
        print(f"  {name + ' median':28s} {median:7.1f} ms   (min {low:.1f}, max {high:.1f})")
    print(f"  {'ratio, --sandbox / bare':28s} {ratio:7.3f}x   (target <= {TARGET_RATIO:.2f}x)")
    print(f"  {'ratio, no sandbox / bare':28s} {unsandboxed / bare:7.3f}x")
    fastest = min(figures["ours, --sandbox"][0]) / min(figures["bare SDK server"][0])
    print(f"  {'ratio of fastest runs':28s} {fastest:7.3f}x   (less sensitive to a busy machine)")
    fastest_share = min(figures["ours, --sandbox"][0]) - min(figures["ours, no sandbox"][0])
    print(
        f"  {'sandbox share of start-up':28s} {ours - unsandboxed:7.1f} ms   (medians;"
        f" {fastest_share:.1f} ms between the fastest runs)"
    )
    for name, (_, memory) in figures.items():
        shown = f"{statistics.median(memory):7.1f} MiB" if memory else "    n/a (no /proc)"
        print(f"  {'RSS ' + name:28s} {shown}")
    passed = ratio <= TARGET_RATIO
    figure("MCP start-up: bare SDK server", bare, "ms", digits=1)
    figure("MCP start-up: ours, --sandbox", ours, "ms", digits=1)
    target = f"<= {TARGET_RATIO:.2f}x"
    figure("MCP start-up: ratio ours / bare", ratio, "x", target=target, passed=passed)
    memory = figures["ours, --sandbox"][1]
    if memory:
        figure("MCP start-up: RSS ours, --sandbox", statistics.median(memory), "MiB", digits=1)
    verdict(passed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
