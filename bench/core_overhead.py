"""How much the core costs per creation over a bare httpx POST of the same body.

Both go to the same sandbox, run as a separate process (`lucca-training sandbox`, no rate limit)
so its work is not counted against either side. Calls alternate (core, bare, core, bare...) so a
slower patch of the machine hits both alike. Target: the core adds less than 1 ms at the median.

    python bench/core_overhead.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import time

from bench.common import DRAFT, figure, numbered_draft, start_sandbox, stop, verdict
from tools.core.client import LuccaClient, new_http_client
from tools.core.draft import validate_draft
from tools.core.lucca_api import AUTH_HEADER, AUTH_SCHEME, TRAININGS_PATH
from tools.core.result import created_training_from
from tools.core.trainings import Trainings

TARGET_MS = 1.0
KEY = "bench-key"


async def measure(base_url: str, runs: int) -> tuple[list[float], list[float]]:
    async with new_http_client() as http:
        client = LuccaClient(http, base_url, KEY)
        trainings = Trainings(client)
        headers = {AUTH_HEADER: AUTH_SCHEME + KEY}
        numbers = itertools.count()

        async def bare() -> None:
            body = validate_draft(numbered_draft(next(numbers))).to_lucca_body()
            response = await http.post(base_url + TRAININGS_PATH, json=body, headers=headers)
            assert response.status_code == 201, response.status_code

        async def core() -> None:
            created = await trainings.create(validate_draft(numbered_draft(next(numbers))))
            assert created.outcome == "created", created.outcome

        for _ in range(50):  # warm up connections, caches and the sandbox
            await core()
            await bare()
        core_times, bare_times = [], []
        for _ in range(runs):
            for call, times in ((core, core_times), (bare, bare_times)):
                started = time.perf_counter()
                await call()
                times.append((time.perf_counter() - started) * 1000)
        return core_times, bare_times


def core_cpu_ms(repeat: int = 2000) -> float:
    """The core's own work without any I/O: validate, build the body, read an answer."""
    answer = {**DRAFT, "id": 45, "state": "Ready", "provider": {"id": 12, "name": "x"}}
    started = time.perf_counter()
    for _ in range(repeat):
        draft = validate_draft(DRAFT)
        draft.to_lucca_body()
        created_training_from(answer, draft)
    return (time.perf_counter() - started) * 1000 / repeat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    runs = parser.parse_args().runs
    process, base_url = start_sandbox(KEY)
    try:
        core_times, bare_times = asyncio.run(measure(base_url, runs))
    finally:
        stop(process)
    core_median, bare_median = statistics.median(core_times), statistics.median(bare_times)
    overhead = core_median - bare_median
    print(f"core overhead over a bare httpx POST ({runs} runs each, alternating)")
    print(f"  bare POST median   {bare_median:7.3f} ms")
    print(f"  core create median {core_median:7.3f} ms")
    print(f"  ratio of medians   {core_median / bare_median:7.3f}x")
    print(f"  overhead           {overhead:7.3f} ms   (target < {TARGET_MS:.1f} ms)")
    cpu = core_cpu_ms()
    print(f"  core CPU, no I/O   {cpu:7.3f} ms per creation")
    passed = overhead < TARGET_MS
    figure("core: bare POST median", bare_median, "ms")
    figure("core: create median", core_median, "ms")
    figure(
        "core: overhead per creation", overhead, "ms", target=f"< {TARGET_MS:g} ms", passed=passed
    )
    figure("core: CPU per creation, no I/O", cpu, "ms")
    verdict(passed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
