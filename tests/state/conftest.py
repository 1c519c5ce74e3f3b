"""The store under test: a SQLite file, and a real PostgreSQL server (see `tests.postgres`)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tools.state.store import Store, open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.sqlite3'}"
    return request.getfixturevalue("postgres_server").new_database()


class Clock:
    """The store's wall clock, moved by the test: leases lapse when the test says."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def store(store_url: str, clock: Clock) -> AsyncIterator[Store]:
    async with open_store(store_url, clock=clock) as opened:
        yield opened
