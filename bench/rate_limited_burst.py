"""A burst above the tenant's budget: 120 creations at once, on a sandbox allowing 50 per 60 s.

The core's pacer queues what the budget cannot take now, so every creation goes through, exactly
once, none refused by Lucca with a 429. The least time the limit allows is when request 101 may
start: `(N - 1) // rate * window` for N creations (120 s here). The lookups are not counted in N:
they must fit in the slack of the last window.
Target: all created, none failed, no duplicate, and elapsed within 10% of that minimum.

The duplicate checks' lookups are part of the load: batched, they cost 2 requests for the 120.

    python bench/rate_limited_burst.py [--creations 120] [--rate 50] [--window 60]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter

from bench.common import figure, verdict
from tools.core.client import LuccaClient, new_http_client
from tools.core.draft import validate_draft as draft_of
from tools.core.errors import TrainingError
from tools.core.pacing import RequestPacer
from tools.core.trainings import Trainings
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer

KEY = "bench-burst-key"
TARGET_RATIO = 1.10


def draft(number: int) -> dict:
    return {
        "title": f"Burst course {number:03d}",
        "subtitle": "Created by the rate-limit benchmark",
        "description": "One of many trainings requested at the same moment.",
        "level": "Beginner",
        "isCertifying": False,
        "isMandatory": False,
    }


async def burst(creations: int, rate: int, window: float) -> dict:
    config = SandboxConfig(api_key=KEY, rate_limit=rate, window_seconds=window)
    with SandboxServer(config) as sandbox:
        async with new_http_client() as http:
            # The queue bound leaves room for the whole burst: the last one waits ~2 windows.
            pacer = RequestPacer(rate, window, max_wait_seconds=3 * window)
            trainings = Trainings(LuccaClient(http, sandbox.base_url, KEY, pacer=pacer))
            started = time.perf_counter()
            results = await asyncio.gather(
                *(trainings.create(draft_of(draft(n))) for n in range(creations)),
                return_exceptions=True,
            )
            elapsed = time.perf_counter() - started
        log = sandbox.requests_log()
    created_ids = [r.id for r in results if not isinstance(r, BaseException)]
    failures = [r for r in results if isinstance(r, BaseException)]
    stored = Counter(entry["status"] for entry in log if entry["method"] == "POST")
    requests = len(log)
    minimum = (creations - 1) // rate * window if rate else 0.0
    return {
        "created": len(set(created_ids)),
        "failed": len(failures),
        "failures": Counter(
            e.kind if isinstance(e, TrainingError) else type(e).__name__ for e in failures
        ),
        "duplicates": stored[201] - len(set(created_ids)),
        "refused_by_lucca": sum(1 for entry in log if entry["status"] == 429),
        "requests": requests,
        "lookups": sum(1 for entry in log if entry["method"] == "GET"),
        "elapsed": elapsed,
        "minimum": minimum,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--creations", type=int, default=120)
    parser.add_argument("--rate", type=int, default=50)
    parser.add_argument("--window", type=float, default=60.0)
    args = parser.parse_args()
    print(
        f"{args.creations} creations at once, sandbox limited to {args.rate} per "
        f"{args.window:g} s (this takes about {(args.creations // args.rate) * args.window:.0f} s)"
    )
    figures = asyncio.run(burst(args.creations, args.rate, args.window))
    ratio = figures["elapsed"] / figures["minimum"] if figures["minimum"] else 1.0
    print(f"  created               {figures['created']} of {args.creations}")
    print(f"  failed                {figures['failed']} {dict(figures['failures']) or ''}")
    print(f"  duplicates            {figures['duplicates']}")
    print(f"  429s from Lucca       {figures['refused_by_lucca']}")
    print(f"  requests to Lucca     {figures['requests']} ({figures['lookups']} lookups)")
    print(f"  elapsed               {figures['elapsed']:.1f} s")
    print(f"  minimum the limit allows {figures['minimum']:.1f} s")
    print(f"  elapsed over minimum  {ratio:.3f}x (target <= {TARGET_RATIO:.2f}x)")
    ok = (
        figures["created"] == args.creations
        and figures["failed"] == 0
        and figures["duplicates"] == 0
        and ratio <= TARGET_RATIO
    )
    figure(
        "burst: created",
        figures["created"],
        "count",
        target=f"= {args.creations}",
        passed=figures["created"] == args.creations,
        digits=0,
    )
    figure(
        "burst: failed",
        figures["failed"],
        "count",
        target="= 0",
        passed=figures["failed"] == 0,
        digits=0,
    )
    figure(
        "burst: duplicates",
        figures["duplicates"],
        "count",
        target="= 0",
        passed=figures["duplicates"] == 0,
        digits=0,
    )
    figure(
        "burst: elapsed over minimum",
        ratio,
        "x",
        target=f"<= {TARGET_RATIO:.2f}x",
        passed=ratio <= TARGET_RATIO,
    )
    figure("burst: lookups", figures["lookups"], "count", digits=0)
    verdict(ok)
    return 0


if __name__ == "__main__":
    sys.exit(main())
