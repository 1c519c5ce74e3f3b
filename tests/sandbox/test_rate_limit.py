"""Lucca's request budget: 429 with Retry-After, computed from the oldest admitted request."""

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.sandbox.helpers import (
    API_KEY,
    AUTH,
    TRAININGS_PATH,
    http_client,
    training_url,
    valid_training,
    wait_until,
)
from tools.sandbox.config import SandboxConfig
from tools.sandbox.rate_limit import SlidingWindowLimiter
from tools.sandbox.runner import SandboxServer


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def limited(clock: FakeClock) -> Iterator[tuple[SandboxServer, httpx.Client]]:
    config = SandboxConfig(api_key=API_KEY, rate_limit=3, window_seconds=60)
    with SandboxServer(config, clock=clock) as server, http_client(server.base_url) as c:
        c.headers.update(AUTH)
        yield server, c


def test_over_the_limit_answers_429_with_retry_after(
    limited: tuple[SandboxServer, httpx.Client], clock: FakeClock
) -> None:
    _, c = limited
    assert c.get(TRAININGS_PATH).status_code == 200
    clock.now = 1010.0
    assert c.post(TRAININGS_PATH, json=valid_training()).status_code == 201
    assert c.get(training_url(41)).status_code == 200

    refused = c.get(TRAININGS_PATH)

    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "50"  # the request at 1000 leaves at 1060
    assert refused.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert refused.json()["status"] == 429


def test_refused_requests_do_not_count_and_the_window_slides(
    limited: tuple[SandboxServer, httpx.Client], clock: FakeClock
) -> None:
    _, c = limited
    c.get(TRAININGS_PATH)
    clock.now = 1010.0
    c.get(TRAININGS_PATH)
    c.get(TRAININGS_PATH)
    for _ in range(5):
        assert c.get(TRAININGS_PATH).status_code == 429

    clock.now = 1060.0  # the first admitted request leaves the window
    assert c.get(TRAININGS_PATH).status_code == 200
    refused = c.get(TRAININGS_PATH)
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "10"

    clock.now = 1069.5
    assert c.get(TRAININGS_PATH).headers["retry-after"] == "1"  # rounded up
    clock.now = 1070.0
    assert c.get(TRAININGS_PATH).status_code == 200


def test_unauthorized_and_control_requests_are_not_counted(
    limited: tuple[SandboxServer, httpx.Client],
) -> None:
    server, c = limited
    for _ in range(5):
        assert c.get(TRAININGS_PATH, headers={"Authorization": "nope"}).status_code == 401
        server.requests_log()
    for _ in range(3):
        assert c.get(TRAININGS_PATH).status_code == 200
    assert c.get(TRAININGS_PATH).status_code == 429


def test_injected_status_answers_are_not_counted(
    limited: tuple[SandboxServer, httpx.Client],
) -> None:
    server, c = limited
    server.add_faults(*[{"status": 503}] * 3)
    for _ in range(3):
        assert c.get(TRAININGS_PATH).status_code == 503
    for _ in range(3):
        assert c.get(TRAININGS_PATH).status_code == 200
    assert c.get(TRAININGS_PATH).status_code == 429


def test_reset_empties_the_window(limited: tuple[SandboxServer, httpx.Client]) -> None:
    server, c = limited
    for _ in range(4):
        c.get(TRAININGS_PATH)

    server.reset()

    assert c.get(TRAININGS_PATH).status_code == 200


def test_a_window_under_a_second_still_asks_to_wait_a_whole_second(clock: FakeClock) -> None:
    config = SandboxConfig(api_key=API_KEY, rate_limit=1, window_seconds=0.2)
    with (
        SandboxServer(config, clock=clock) as server,
        http_client(server.base_url, headers=AUTH) as c,
    ):
        assert c.get(TRAININGS_PATH).status_code == 200
        refused = c.get(TRAININGS_PATH)
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == "1"  # Retry-After is whole seconds, at least 1
        clock.now += 0.1
        assert c.get(TRAININGS_PATH).status_code == 429
        clock.now += 0.1
        assert c.get(TRAININGS_PATH).status_code == 200


def test_the_real_clock_slides_the_window_by_itself() -> None:
    """No clock injected: the window must slide with real time, and not before its end."""
    # Two loopback requests must fall in one window: on a loaded 2-core machine one can take half
    # a second, so the window leaves seconds; the wait for it to slide is the behaviour under test.
    window = 3.0
    config = SandboxConfig(api_key=API_KEY, rate_limit=1, window_seconds=window)
    with SandboxServer(config) as server, http_client(server.base_url, headers=AUTH) as c:
        before_admission = time.monotonic()  # the same clock the server uses by default
        assert c.get(TRAININGS_PATH).status_code == 200
        assert c.get(TRAININGS_PATH).status_code == 429

        wait_until(lambda: c.get(TRAININGS_PATH).status_code == 200, "the window to slide")

        # A lower bound only: load can make the recovery later, never earlier.
        assert time.monotonic() - before_admission >= window


def test_zero_means_unlimited(clock: FakeClock) -> None:
    limiter = SlidingWindowLimiter(0, 60, clock)

    assert all(limiter.try_admit() is None for _ in range(1000))


def test_limiter_counts_only_admitted_requests(clock: FakeClock) -> None:
    limiter = SlidingWindowLimiter(2, 10, clock)

    assert limiter.try_admit() is None
    clock.now += 3
    assert limiter.try_admit() is None
    assert limiter.try_admit() == 7
    clock.now += 6.5
    assert limiter.try_admit() == 1
    clock.now += 0.5
    assert limiter.try_admit() is None
    assert limiter.try_admit() == 3
