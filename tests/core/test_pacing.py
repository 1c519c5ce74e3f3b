"""The pacer, on a fake clock: slots in order, at most `rate` per window, a bounded queue."""

import asyncio

import pytest

from tests.support import take_turn
from tools.core import events
from tools.core.errors import LuccaRateLimited
from tools.core.pacing import EDGE_MARGIN_SECONDS, RequestPacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def pacer(time: FakeTime, rate: int = 3, window: float = 60.0, max_wait: float = 150.0):
    return RequestPacer(rate, window, max_wait, clock=time.clock, sleep=time.sleep)


async def test_a_burst_within_the_rate_goes_at_once():
    time = FakeTime()
    paced = pacer(time)
    for _ in range(3):
        assert await take_turn(paced) == 0
    assert time.waits == []


async def test_past_the_rate_each_request_waits_for_the_oldest_to_leave_the_window():
    time = FakeTime()
    paced = pacer(time)
    sent = []
    for _ in range(7):
        await take_turn(paced)
        sent.append(time.now)
    edge = 60.0 + EDGE_MARGIN_SECONDS
    assert sent == [0, 0, 0, edge, edge, edge, 2 * edge]


async def test_a_request_that_would_wait_too_long_is_refused_before_anything_is_sent():
    time = FakeTime()
    paced = pacer(time, rate=1, max_wait=30.0)
    await take_turn(paced)
    with pytest.raises(LuccaRateLimited) as caught:
        await take_turn(paced)
    assert "LUCCA_MAX_QUEUE_SECONDS" in caught.value.message and "Nothing was sent" in (
        caught.value.message
    )
    assert caught.value.safe_to_retry and caught.value.retry_after == 61.0


async def test_a_pause_asked_by_lucca_holds_every_later_slot():
    time = FakeTime()
    paced = pacer(time, rate=0)  # no pacing of our own: only Lucca's Retry-After
    paced.pause(12.0)
    assert await take_turn(paced) == 12.0


async def test_waits_are_reported_as_events():
    time = FakeTime()
    paced = pacer(time, rate=1)
    seen = []
    stop = events.subscribe(seen.append)
    try:
        await take_turn(paced)
        await take_turn(paced)
    finally:
        stop()
    assert seen == [events.RateLimitWait(seconds=60.0 + EDGE_MARGIN_SECONDS, reason="pacing")]


async def test_rate_zero_never_waits():
    time = FakeTime()
    paced = pacer(time, rate=0)
    for _ in range(100):
        await take_turn(paced)
    assert time.waits == []


async def test_a_request_counts_in_the_window_from_its_answer_not_its_slot():
    # Lucca counts a request when it handles it: a burst slow to go out must not make the next
    # window's first request early (it would meet a 429).
    time = FakeTime()
    paced = pacer(time, rate=2, window=10.0)
    async with paced.turn():
        time.now = 3.0  # the first exchange ends 3 s after its slot
    async with paced.turn():
        pass
    await take_turn(paced)
    assert time.now == pytest.approx(3.0 + 10.0 + EDGE_MARGIN_SECONDS)


async def test_a_request_waiting_behind_one_still_in_flight_waits_for_its_answer():
    time = FakeTime()
    first_answered = asyncio.Event()

    async def sleep(seconds: float) -> None:
        started = time.now
        time.waits.append(seconds)
        await first_answered.wait()
        time.now = max(time.now, started + seconds)

    paced = RequestPacer(1, 10.0, 150.0, clock=time.clock, sleep=sleep)
    async with paced.turn():
        waiting = asyncio.create_task(take_turn(paced))
        await asyncio.sleep(0)  # the second request is queued behind the first, in flight
        time.now = 4.0  # whose answer comes 4 s after its slot
    first_answered.set()
    await waiting
    edge = 10.0 + EDGE_MARGIN_SECONDS
    assert time.waits == [edge, pytest.approx(4.0)]
    assert time.now == pytest.approx(4.0 + edge)
