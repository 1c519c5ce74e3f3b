"""What strangers cost `serve`: log bytes per junk request, /healthz under 1,100 idle connections,
memory held by 3,000 MCP sessions that are never closed.

Each part runs `lucca-training serve --sandbox` in its own process under `ulimit -n 1024` (set in
the subprocess's shell; bench/edge_client.py), with the default settings unless said, and talks to
it over raw loopback sockets:

- junk: the Slack and HTTP junk of edge_client (bad timestamps, unsigned or unreadable payloads,
  garbage request lines, unknown paths, MCP without a token or with broken JSON...), 3,000
  requests in turn; the figure is the server's log bytes (JSON lines) divided by the requests.
  Target: under 300 bytes, and no traceback or ERROR line at all.
- idle: 1,100 connections opened as fast as the machine allows and then left silent (more than
  the open-files limit), while /healthz is asked every 50 ms on a new connection; the figure is
  the worst latency from the first connection to 5 s after the last. Target: under 1 s, every
  answer a 200.
- sessions: 3,000 `initialize` requests (a handshake-era client) that are never followed by a
  DELETE, from two callers, with MCP_MAX_SESSIONS_PER_CALLER raised so that the global cap
  (MCP_MAX_SESSIONS, 1,000 by default) is the one that binds. Figures: the server's resident
  memory after them minus before, per session, and its growth from the moment the cap is reached
  to the last try. Target: that growth under 5 MiB, i.e. the memory is bounded by the cap (times
  the cost of one session) whatever the number of tries.

    python bench/http_edge.py [--junk N] [--idle N] [--sessions N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from argparse import ArgumentParser

from bench.common import figure, verdict
from bench.edge_client import (
    HealthProbe,
    closed_by_server,
    exchange,
    hold_idle,
    open_session,
    serving,
)
from bench.edge_junk import http_junk, slack_junk

OPEN_FILES = 1024
JUNK_TARGET_BYTES = 300
HEALTHZ_TARGET_S = 1.0
DEFAULT_SESSION_CAP = 1000  # MCP_MAX_SESSIONS' default
GROWTH_BEYOND_CAP_MIB = 5


def junk_part(count: int, cwd: str) -> bool:
    with serving(OPEN_FILES, cwd) as server:
        junk = list({**slack_junk(), **http_junk(server.port)}.values())
        started = time.monotonic()
        wrong = 0
        for number in range(count):
            data, expected = junk[number % len(junk)]
            wrong += exchange(server.port, data) != expected
        server.settled()
        lines = server.log_since(started)
    per_request = sum(len(line.encode()) + 1 for line in lines) / count
    bad_lines = [line for line in lines if "Traceback" in line or '"level":"ERROR"' in line]
    print(f"  junk: {count} requests ({len(junk)} kinds), {wrong} with an unexpected status")
    print(f"  log: {len(lines)} lines, {per_request:.0f} bytes per request, {len(bad_lines)} bad")
    passed = per_request < JUNK_TARGET_BYTES and not bad_lines and not wrong
    figure(
        "edge: log bytes per junk request",
        per_request,
        "bytes",
        target=f"< {JUNK_TARGET_BYTES}, no traceback",
        passed=passed,
        digits=0,
    )
    return passed


def idle_part(count: int, cwd: str) -> bool:
    with serving(OPEN_FILES, cwd) as server:
        rss_before = server.rss_mib()
        started = time.monotonic()
        with HealthProbe(server.port) as probe:
            held = hold_idle(server.port, count, deadline=started + 60)
            opened_in = time.monotonic() - started
            hold_until = time.monotonic() + 5
            while time.monotonic() < hold_until:
                time.sleep(0.1)  # the probe runs meanwhile: this is the measured window
        rss_held = server.rss_mib()
        let_go = sum(closed_by_server(sock) for sock in held)  # to stay under its cap
        for sock in held:
            sock.close()
        server.settled()
        accept_errors = [line for line in server.log_since(started) if "Cannot accept" in line]
    latencies = sorted(probe.latencies)
    print(f"  held {len(held)} idle connections (opened in {opened_in:.1f} s), ulimit -n 1024;")
    print(f"  the server closed {let_go} of them, the longest idle, to stay under its cap")
    print(
        f"  /healthz: {len(latencies)} probes, median {statistics.median(latencies) * 1000:.1f}"
        f" ms, worst {probe.worst * 1000:.1f} ms, {len(probe.failures)} not 200"
    )
    print(f"  memory: {rss_before:.1f} -> {rss_held:.1f} MiB")
    print(f"  'cannot accept' lines logged: {len(accept_errors)}")
    passed = probe.worst < HEALTHZ_TARGET_S and not probe.failures and len(held) == count
    figure(
        f"edge: /healthz worst latency, {count} idle connections, ulimit -n {OPEN_FILES}",
        probe.worst,
        "s",
        target=f"< {HEALTHZ_TARGET_S:g} s",
        passed=passed,
    )
    return passed


def sessions_part(count: int, cap: int, cwd: str) -> bool:
    # MCP_MAX_SESSIONS as by default unless --cap says otherwise; the per-caller cap out of the way
    settings = {"MCP_MAX_SESSIONS": str(cap), "MCP_MAX_SESSIONS_PER_CALLER": str(count)}
    callers = ("team-a", "team-b")
    with serving(OPEN_FILES, cwd, **settings) as server:
        rss_before = server.rss_mib()
        statuses = [open_session(server.port, callers[n % 2])[0] for n in range(cap)]
        rss_at_cap = server.rss_mib()
        statuses += [open_session(server.port, callers[n % 2])[0] for n in range(count - cap)]
        rss_after = server.rss_mib()
    opened = statuses.count(200)
    held_mib, beyond_mib = rss_after - rss_before, rss_after - rss_at_cap
    each_kib = (rss_at_cap - rss_before) * 1024 / max(1, opened)
    print(
        f"  {count} initialize, never closed: {opened} opened, {statuses.count(503)} refused (503)"
    )
    print(
        f"  memory: {rss_before:.1f} -> {rss_at_cap:.1f} MiB at the cap ({each_kib:.1f} KiB each)"
    )
    print(f"  -> {rss_after:.1f} MiB after {count - cap} more tries")
    figure(f"edge: memory held by {count} unclosed MCP sessions (cap {cap})", held_mib, "MiB")
    figure("edge: memory per open MCP session", each_kib, "KiB", digits=1)
    passed = opened == cap and beyond_mib < GROWTH_BEYOND_CAP_MIB
    figure(
        f"edge: memory growth past the session cap ({count - cap} more tries)",
        beyond_mib,
        "MiB",
        target=f"< {GROWTH_BEYOND_CAP_MIB} MiB",
        passed=passed,
        digits=1,
    )
    return passed


def main() -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--junk", type=int, default=3000)
    parser.add_argument("--idle", type=int, default=1100)
    parser.add_argument("--sessions", type=int, default=3000)
    parser.add_argument("--cap", type=int, default=DEFAULT_SESSION_CAP, help="MCP_MAX_SESSIONS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cwd:  # no .env of the person running it
        results = [
            junk_part(args.junk, cwd),
            idle_part(args.idle, cwd),
            sessions_part(args.sessions, args.cap, cwd),
        ]
    verdict(all(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
