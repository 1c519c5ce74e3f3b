"""Readiness: Lucca answers with these settings, asked at most once a minute, never waiting long."""

import pytest

from tests.support import LUCCA_WAIT_SECONDS, SANDBOX_KEY
from tools.core.client import LuccaClient, RetryPolicy, new_http_client
from tools.ops.readiness import Readiness


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def gets(sandbox) -> int:
    return sum(1 for entry in sandbox.requests_log() if entry["method"] == "GET")


async def test_ready_when_lucca_answers_and_asked_once_a_minute(lucca, sandbox, clock):
    readiness = Readiness(lucca, clock=clock)
    first = await readiness.check()
    assert first.ready and gets(sandbox) == 1
    clock.now += 59
    assert (await readiness.check()) is first and gets(sandbox) == 1  # from the cache
    clock.now += 2
    assert (await readiness.check()).ready and gets(sandbox) == 2


async def test_not_ready_when_lucca_is_unreachable_and_the_reason_says_so(clock):
    async with new_http_client(timeout_seconds=1.0) as http:
        lucca = LuccaClient(http, "http://127.0.0.1:9", "key-never-shown-0123", retry=RetryPolicy())
        state = await Readiness(lucca, clock=clock).check()
    assert not state.ready and "Could not connect to Lucca" in state.reason
    assert "key-never-shown-0123" not in str(state.as_json(clock.now))


async def test_not_ready_when_lucca_refuses_the_key(sandbox, clock):
    async with new_http_client(timeout_seconds=LUCCA_WAIT_SECONDS) as http:
        lucca = LuccaClient(http, sandbox.base_url, "wrong-key-0123456789")
        state = await Readiness(lucca, clock=clock).check()
    assert not state.ready and "API key" in state.reason and "wrong-key" not in state.reason


async def test_a_rate_limited_lucca_is_ready_and_the_probe_does_not_wait(lucca, sandbox, sleeps):
    sandbox.add_faults({"status": 429, "headers": {"Retry-After": "30"}})
    state = await Readiness(lucca).check()
    assert state.ready and "rate limited" in state.reason
    assert sleeps == [] and gets(sandbox) == 1


async def test_a_slow_lucca_is_not_ready_within_the_probe_s_bound(sandbox, clock):
    sandbox.add_faults({"delay": 2})
    async with new_http_client(timeout_seconds=5.0) as http:
        lucca = LuccaClient(http, sandbox.base_url, SANDBOX_KEY)
        state = await Readiness(lucca, timeout=0.3, clock=clock).check()
    assert not state.ready and "did not answer within 0.3 s" in state.reason
