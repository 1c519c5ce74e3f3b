"""The search parameter's name is our guess: a Lucca that ignores it must not hide a duplicate.

A catalog of 2,000 trainings with the duplicate past the 500th, against the sandbox switched to
ignore the search parameter: the duplicate is still found by a full, cursor-paged read; a catalog
larger than that read's bound makes the check incomplete, and then nothing is sent unless the
caller asks for a duplicate.
"""

import logging
from collections.abc import Iterator

import pytest

from tests.support import SANDBOX_KEY, VALID_DRAFT, draft_of, posts
from tools.core import events
from tools.core.catalog_titles import MAX_SCAN_PAGES
from tools.core.client import LuccaClient, new_http_client
from tools.core.errors import DuplicateCheckIncomplete
from tools.core.trainings import Trainings
from tools.sandbox.catalog_seed import filler_trainings
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A tenant without a rate limit: a full read of a big catalog takes tens of requests, which
    a real tenant's 50 a minute would pace (tests/core/test_pacing.py covers that)."""
    with SandboxServer(SandboxConfig(api_key=SANDBOX_KEY, rate_limit=0)) as server:
        yield server


def seed_with_duplicate_at(sandbox, position: int, total: int) -> int:
    """`total` trainings, VALID_DRAFT's title at `position`; its id."""
    sandbox.seed_trainings(filler_trainings(position - 1))
    (twin,) = sandbox.seed_trainings([VALID_DRAFT])
    sandbox.seed_trainings(filler_trainings(total - position, first=position))
    return twin


def gets(sandbox) -> list[dict]:
    return [entry for entry in sandbox.requests_log() if entry["method"] == "GET"]


async def test_a_duplicate_past_the_500th_is_found_by_the_search(trainings, sandbox):
    twin = seed_with_duplicate_at(sandbox, 1500, 2000)
    found = await trainings.create(draft_of(VALID_DRAFT))
    assert (found.outcome, found.id) == ("existing", twin)
    assert len(gets(sandbox)) == 1 and posts(sandbox) == []  # one search, nothing sent


async def test_an_ignored_search_falls_back_to_reading_the_whole_catalog(
    trainings, sandbox, caplog
):
    twin = seed_with_duplicate_at(sandbox, 1500, 2000)
    sandbox.set_modes(ignore_search=True)
    seen: list[events.SearchIgnored] = []
    stop = events.subscribe(lambda e: isinstance(e, events.SearchIgnored) and seen.append(e))
    try:
        with caplog.at_level(logging.WARNING, logger="lucca_training.catalog"):
            found = await trainings.create(draft_of(VALID_DRAFT))
            again = await trainings.create(draft_of({**VALID_DRAFT, "title": "Not there yet"}))
    finally:
        stop()
    assert (found.outcome, found.id) == ("existing", twin)
    assert again.outcome == "created"  # the whole catalog was read: truly no duplicate
    assert [e.complete for e in seen] == [True, True]
    warnings = [r for r in caplog.records if "ignore the search parameter" in r.getMessage()]
    assert len(warnings) == 1  # once per process, not once per creation
    assert len(posts(sandbox)) == 1


async def test_a_catalog_too_big_to_read_makes_the_check_incomplete_and_nothing_is_sent(
    sandbox, sleeps
):
    bound = MAX_SCAN_PAGES * 100
    seed_with_duplicate_at(sandbox, bound + 50, bound + 100)  # past what a full read takes in
    sandbox.set_modes(ignore_search=True)
    async with new_http_client(5.0) as http:
        trainings = Trainings(LuccaClient(http, sandbox.base_url, SANDBOX_KEY))
        with pytest.raises(DuplicateCheckIncomplete) as caught:
            await trainings.create(draft_of(VALID_DRAFT))
        assert "could not check the whole catalog" in caught.value.message.lower()
        assert caught.value.safe_to_retry
        assert posts(sandbox) == []
        # Asked for explicitly, the duplicate is created (the caller looked and said so).
        created = await trainings.create(draft_of(VALID_DRAFT), allow_duplicate=True)
    assert created.outcome == "created"
    assert len(posts(sandbox)) == 1
