"""One rate budget for the tenant, shared by 3 replicas through PostgreSQL, against static shares.

120 creations spread unevenly over 3 replicas (80, 20, 20: one busy, two quiet), on a sandbox
allowing 50 requests per window. Each replica is its own Lucca client, pacer and store connection
pool, as separate processes would be; they share only the sandbox and the PostgreSQL store.
Shared: every request takes a slot of the tenant's window in the store, so the busy replica uses
the budget the quiet ones leave. Static: each paces alone to a third of the budget (16), as
`LUCCA_RATE_LIMIT=16` per replica did; the busy one waits while the others hold unused slots.
The least time the limit allows is `(N - 1) // rate * window` for N creations.
Target (shared): all created, 0 failed, 0 `429`, 0 duplicates, elapsed within 1.10x of that.
The window is scaled down by default (12 s instead of Lucca's 60, printed); `--window 60` runs
the real one. PostgreSQL: `--state-url`, or a server of its own started from Debian's binaries.

    python bench/shared_rate_budget.py [--creations 120] [--rate 50] [--window 12]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from contextlib import AsyncExitStack

from bench.common import figure, verdict
from tools.core.client import LuccaClient, new_http_client
from tools.core.draft import validate_draft
from tools.core.pacing import RequestPacer
from tools.core.trainings import Trainings
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer
from tools.state.rate_budget import StoreRateBudget
from tools.state.store import open_store
from tools.state.title_lease import StoreTitleLease

KEY = "bench-shared-budget-key"
TARGET_RATIO = 1.10
SPREAD = (4, 1, 1)  # the busy replica gets 4 of every 6 creations


def draft(number: int):
    return validate_draft(
        {
            "title": f"Shared budget course {number:03d}",
            "subtitle": "Created by the shared rate budget benchmark",
            "description": "One of many trainings requested at once on several replicas.",
            "level": "Beginner",
            "isCertifying": False,
            "isMandatory": False,
        }
    )


def replica_of(number: int) -> int:
    slot = number % sum(SPREAD)
    return 0 if slot < SPREAD[0] else (1 if slot < SPREAD[0] + SPREAD[1] else 2)


async def run(creations: int, rate: int, window: float, state_url: str, shared: bool) -> dict:
    config = SandboxConfig(api_key=KEY, rate_limit=rate, window_seconds=window)
    with SandboxServer(config) as sandbox:
        async with AsyncExitStack() as stack:
            replicas = []
            for _ in SPREAD:
                store = await stack.enter_async_context(open_store(state_url))
                http = await stack.enter_async_context(new_http_client())
                budget = StoreRateBudget(store, f"bench-{sandbox.base_url}") if shared else None
                share = rate if shared else rate // len(SPREAD)
                pacer = RequestPacer(share, window, max_wait_seconds=10 * window, shared=budget)
                client = LuccaClient(http, sandbox.base_url, KEY, pacer=pacer)
                replicas.append(Trainings(client, title_lease=StoreTitleLease(store)))
            started = time.perf_counter()
            results = await asyncio.gather(
                *(replicas[replica_of(n)].create(draft(n)) for n in range(creations)),
                return_exceptions=True,
            )
            elapsed = time.perf_counter() - started
        log = sandbox.requests_log()
    created = {r.id for r in results if not isinstance(r, BaseException)}
    failures = Counter(type(r).__name__ for r in results if isinstance(r, BaseException))
    stored = sum(1 for entry in log if entry["method"] == "POST" and entry["status"] == 201)
    return {
        "created": len(created),
        "failed": sum(failures.values()),
        "failures": dict(failures),
        "duplicates": stored - len(created),
        "429": sum(1 for entry in log if entry["status"] == 429),
        "requests": len(log),
        "elapsed": elapsed,
    }


async def both(args: argparse.Namespace) -> tuple[dict, dict]:
    if args.state_url:
        url, server = args.state_url, None
    else:
        from tests.postgres import PostgresServer, postgres_bin

        folder = postgres_bin()
        if folder is None:
            raise SystemExit("PostgreSQL is needed: apt-get install -y postgresql, or --state-url")
        server = PostgresServer(folder)
        server.start()
        url = server.new_database()
    try:
        shared = await run(args.creations, args.rate, args.window, url, shared=True)
        static = await run(args.creations, args.rate, args.window, url, shared=False)
    finally:
        if server is not None:
            server.remove()
    return shared, static


def report(name: str, figures: dict, minimum: float) -> None:
    print(f"  {name}:")
    print(f"    created {figures['created']}, failed {figures['failed']} {figures['failures']}")
    print(f"    duplicates {figures['duplicates']}, 429s from Lucca {figures['429']}")
    print(f"    requests {figures['requests']}, elapsed {figures['elapsed']:.1f} s")
    print(f"    elapsed over minimum {figures['elapsed'] / minimum:.3f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--creations", type=int, default=120)
    parser.add_argument("--rate", type=int, default=50)
    parser.add_argument("--window", type=float, default=12.0)
    parser.add_argument("--state-url", default="")
    args = parser.parse_args()
    minimum = (args.creations - 1) // args.rate * args.window
    print(
        f"{args.creations} creations over 3 replicas (spread {SPREAD}), sandbox limited to "
        f"{args.rate} per {args.window:g} s (Lucca's window is 60 s; scaled by "
        f"{args.window / 60:g}); minimum the limit allows {minimum:.1f} s"
    )
    shared, static = asyncio.run(both(args))
    report("shared budget in the store", shared, minimum)
    report(f"static shares ({args.rate // 3} each)", static, minimum)
    ratio = shared["elapsed"] / minimum if minimum else 1.0
    static_over_shared = static["elapsed"] / shared["elapsed"]
    print(f"  static over shared  {static_over_shared:.2f}x")
    checks = {
        "created": (shared["created"], f"= {args.creations}", shared["created"] == args.creations),
        "failed": (shared["failed"], "= 0", shared["failed"] == 0),
        "429s": (shared["429"], "= 0", shared["429"] == 0),
        "duplicates": (shared["duplicates"], "= 0", shared["duplicates"] == 0),
    }
    for name, (value, target, passed) in checks.items():
        figure(f"shared budget: {name}", value, "count", target=target, passed=passed, digits=0)
    figure(
        "shared budget: elapsed over minimum",
        ratio,
        "x",
        target=f"<= {TARGET_RATIO:.2f}x",
        passed=ratio <= TARGET_RATIO,
    )
    figure("shared budget: static shares over shared, elapsed", static_over_shared, "x")
    verdict(all(passed for _, _, passed in checks.values()) and ratio <= TARGET_RATIO)
    return 0


if __name__ == "__main__":
    sys.exit(main())
