"""The edge's parts that need no server: the rate-limited log, the cap under the open-files limit,
and asyncio's "cannot accept" error (tests/security/test_http_edge.py runs the real server)."""

import asyncio
import errno
import logging

from tools.ops.http_edge import ACCEPT_ERROR, fitted_limits, quiet_accept_errors
from tools.ops.rate_limited_log import RateLimitedLog


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_rate_limited_log_writes_once_per_period_and_counts_what_it_held(caplog):
    clock = Clock()
    log = RateLimitedLog(logging.getLogger("lucca_training.http"), every=5.0, clock=clock)
    with caplog.at_level(logging.WARNING, logger="lucca_training.http"):
        for step in range(100):  # 100 events over 10 s
            clock.now = step * 0.1
            log.log(logging.WARNING, "busy")
    assert [r.getMessage() for r in caplog.records] == [
        "busy",
        "busy (49 more since the last such line)",
    ]


def test_the_cap_fits_under_the_open_files_limit_and_says_so(caplog):
    with caplog.at_level(logging.WARNING, logger="lucca_training.http"):
        assert fitted_limits(15.0, 1000, 65536).max_connections == 1000
        assert caplog.records == []
        limits = fitted_limits(15.0, 1000, 1024)
    assert limits.max_connections == 1024 - 192 and limits.header_timeout == 15.0
    assert "lowered from 1000 to 832" in caplog.records[0].getMessage()
    assert fitted_limits(15.0, 1000, 100).max_connections == 16  # never nothing


async def test_asyncio_s_cannot_accept_error_is_logged_once_every_few_seconds(caplog):
    loop = asyncio.get_running_loop()
    previous = loop.get_exception_handler()
    quiet_accept_errors(loop)
    try:
        with caplog.at_level(logging.DEBUG):
            for _ in range(1000):  # what asyncio reports on each try when no descriptor is left
                error = OSError(errno.EMFILE, "Too many open files")
                loop.call_exception_handler({"message": ACCEPT_ERROR, "exception": error})
    finally:
        loop.set_exception_handler(previous)
    messages = [r.getMessage() for r in caplog.records]
    assert messages == ["Cannot accept connections: [Errno 24] Too many open files"]
