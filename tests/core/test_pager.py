"""One pager for every list read: Lucca's cursors followed to a bound, saying why it stopped.

Against the sandbox over real HTTP; the requests are watched with an httpx event hook, so the test
sees the `page` values the client really sent.
"""

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.support import SANDBOX_KEY
from tools.core.client import LuccaClient
from tools.core.pager import ListFilter, read_list
from tools.sandbox.catalog_seed import filler_trainings

SEEDED = 4  # the sandbox starts with four trainings


@pytest.fixture
def pages_asked() -> list[str]:
    return []


@pytest.fixture
async def client(sandbox, pages_asked: list[str]) -> AsyncIterator[LuccaClient]:
    async def watch(request: httpx.Request) -> None:
        pages_asked.append(request.url.params["page"])

    async with httpx.AsyncClient(timeout=5.0, event_hooks={"request": [watch]}) as http:
        yield LuccaClient(http, sandbox.base_url, SANDBOX_KEY)


async def test_cursors_that_change_between_pages_are_followed_to_the_end(
    sandbox, client, pages_asked
):
    sandbox.seed_trainings(filler_trainings(250))
    sandbox.set_modes(rotate_cursors=True)
    listing = await read_list(client, max_pages=10)
    ids = [item["id"] for item in listing.items]
    assert len(ids) == SEEDED + 250 and len(set(ids)) == len(ids)  # none skipped, none twice
    assert (listing.stop, listing.pages, listing.complete) == ("last_page", 3, True)
    assert pages_asked[0] == "1" and all(not page.isdigit() for page in pages_asked[1:])


async def test_a_bound_stops_the_read_and_says_it_is_not_complete(sandbox, client):
    sandbox.seed_trainings(filler_trainings(250))
    listing = await read_list(client, max_pages=2)
    assert (listing.stop, len(listing.items), listing.complete) == ("bound", 200, False)
    assert listing.count == SEEDED + 250


async def test_the_whole_list_or_nothing_stops_at_the_first_page_when_it_cannot_fit(
    sandbox, client, pages_asked
):
    sandbox.seed_trainings(filler_trainings(250))
    listing = await read_list(client, max_pages=2, whole_or_nothing=True)
    assert (listing.stop, listing.complete, pages_asked) == ("bound", False, ["1"])


async def test_a_full_page_without_a_next_cursor_stops_and_is_not_complete(sandbox, client):
    sandbox.seed_trainings(filler_trainings(250))
    sandbox.set_modes(omit_next=True)
    listing = await read_list(client, max_pages=10)
    assert (listing.stop, len(listing.items), listing.complete) == ("no_next", 100, False)


async def test_a_short_page_ends_the_read_even_without_a_cursor(sandbox, client):
    sandbox.set_modes(omit_next=True)
    listing = await read_list(client, max_pages=10)
    assert (listing.stop, len(listing.items), listing.complete) == ("last_page", SEEDED, True)


async def test_filters_are_sent_as_lucca_documents_them(sandbox, client):
    listing = await read_list(client, ListFilter.of(ids=[42, 44]), max_pages=1)
    assert sorted(item["id"] for item in listing.items) == [42, 44]
