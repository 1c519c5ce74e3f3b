"""Which trainings in the catalog already carry a title: the shared truth against duplicates.

Every replica reads the same catalog, so a creation retried on another replica (or by a re-run
command) finds the first one there. Each lookup is a request against the tenant's 50 per minute, so:

- a process remembers, for a minute, the trainings it created itself (no request at all);
- lookups asked for while one is running wait and go together: one title is one search request;
  many titles at once read the whole catalog when that takes fewer pages than searching each.

The search parameter's name is not in Lucca's docs (`lucca_api.SEARCH_PARAM`). A search whose
answer holds a training without the searched text was ignored: the catalog is then read in full
(bounded), with one warning per process. A lookup that could not read everything it needed says
so (`Found.complete`), and the core never reads "no duplicate" into it.

Titles are compared ignoring case and surrounding spaces (`title_key`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from tools.core import events
from tools.core.client import LuccaClient
from tools.core.folding import holds_text, title_key
from tools.core.pager import Item, ListFilter, Listing, read_list

logger = logging.getLogger("lucca_training.catalog")

MAX_SEARCH_PAGES = 5  # a title search matching more than 500 trainings stops there
MAX_SCAN_PAGES = 50  # a full read of the catalog (search ignored) stops at 5,000 trainings
# Long enough for a retry or a catalog search that lags behind a creation; short, because a
# training deleted in Lucca meanwhile would still be reported as there.
REMEMBER_SECONDS = 60.0


@dataclass(frozen=True)
class Found:
    """The trainings carrying one title, and whether everything that could hold one was read."""

    items: list[Item]
    complete: bool = True
    reason: str | None = None  # why not complete, for people


def same_content(item: Mapping[str, Any], body: Mapping[str, Any]) -> bool:
    """Whether a catalog training holds exactly what `body` (a POST body) would create.

    A field missing from Lucca's answer counts as different: when unsure, refuse rather than
    pretend the training is already there.
    """
    for name, wanted in body.items():
        if name == "title":
            title = item.get("title")
            same = isinstance(title, str) and title_key(title) == title_key(wanted)
        elif name in ("providerId", "categoryId"):
            same = _reference_id(item, name) == wanted
        elif isinstance(wanted, str):
            same = isinstance(item.get(name), str) and item[name].strip() == wanted.strip()
        else:
            same = item.get(name) == wanted and type(item.get(name)) is type(wanted)
        if not same:
            return False
    return True


def _reference_id(item: Mapping[str, Any], name: str) -> Any:
    if name in item:
        return item[name]
    nested = item.get(name.removesuffix("Id"))
    return nested.get("id") if isinstance(nested, dict) else None


class TitleLookups:
    """Per process (the core's `Trainings` holds one): turns, memory and batched lookups."""

    def __init__(self, client: LuccaClient, clock: Callable[[], float] = time.monotonic) -> None:
        self._client = client
        self._clock = clock
        self._turns: dict[str, tuple[asyncio.Lock, int]] = {}
        self._remembered: dict[str, list[tuple[float, Item]]] = {}
        self._pending: dict[str, tuple[str, list[asyncio.Future[Found]]]] = {}
        self._lookup_task: asyncio.Task[None] | None = None
        self._warned_search_ignored = False

    @asynccontextmanager
    async def turn(self, title: str) -> AsyncIterator[None]:
        """One creation per title at a time in this process: a double submit waits its turn."""
        key = title_key(title)
        lock, users = self._turns.get(key, (asyncio.Lock(), 0))
        self._turns[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._turns[key]
            if users == 1:
                del self._turns[key]
            else:
                self._turns[key] = (lock, users - 1)

    def remember(self, item: Item) -> None:
        key = title_key(item["title"])
        now = self._clock()
        kept = [(until, old) for until, old in self._remembered.get(key, []) if until > now]
        self._remembered[key] = [*kept, (now + REMEMBER_SECONDS, item)]

    async def find(self, title: str, *, fresh: bool = False) -> Found:
        """Trainings titled `title`: from memory when this process made one, else the catalog."""
        key = title_key(title)
        if not fresh and (known := self._recalled(key)):
            return Found(known)
        future: asyncio.Future[Found] = asyncio.get_running_loop().create_future()
        self._pending.setdefault(key, (title, []))[1].append(future)
        if self._lookup_task is None or self._lookup_task.done():
            self._lookup_task = asyncio.create_task(self._look_up_pending())
        return await future

    def _recalled(self, key: str) -> list[Item]:
        now = self._clock()
        return [item for until, item in self._remembered.get(key, []) if until > now]

    async def _look_up_pending(self) -> None:
        while self._pending:
            batch, self._pending = self._pending, {}
            try:
                found = await self._look_up({key: title for key, (title, _) in batch.items()})
            except Exception as exc:
                for _, futures in batch.values():
                    for future in futures:
                        if not future.done():
                            future.set_exception(exc)
                continue
            for key, (_, futures) in batch.items():
                for future in futures:
                    if not future.done():
                        future.set_result(found[key])

    async def _look_up(self, titles: dict[str, str]) -> dict[str, Found]:
        if len(titles) > 1:
            catalog = await read_list(self._client, max_pages=len(titles), whole_or_nothing=True)
            if catalog.complete:
                return _by_title(catalog, titles)
        searches = await asyncio.gather(*(self._search(title) for title in titles.values()))
        return {key: found for key, found in zip(titles, searches, strict=True)}

    async def _search(self, title: str) -> Found:
        text = title.strip()
        listing = await read_list(
            self._client, ListFilter.of(search=text), max_pages=MAX_SEARCH_PAGES
        )
        if all(holds_text(item, text) for item in listing.items):
            return _by_title(listing, {title_key(title): title})[title_key(title)]
        self._warn_search_ignored()
        catalog = await read_list(self._client, max_pages=MAX_SCAN_PAGES)
        events.emit(events.SearchIgnored(pages=catalog.pages, complete=catalog.complete))
        return _by_title(catalog, {title_key(title): title})[title_key(title)]

    def _warn_search_ignored(self) -> None:
        if not self._warned_search_ignored:
            self._warned_search_ignored = True
            logger.warning(
                "Lucca's list answered a title search with trainings that do not hold the "
                "searched text: it seems to ignore the search parameter. Duplicate checks now "
                "read the whole catalog (up to %d trainings).",
                MAX_SCAN_PAGES * 100,
            )


def _by_title(listing: Listing, titles: dict[str, str]) -> dict[str, Found]:
    found: dict[str, list[Item]] = {key: [] for key in titles}
    for item in listing.items:
        title = item.get("title")
        if isinstance(title, str) and (key := title_key(title)) in titles:
            found[key].append(item)
    reason = None if listing.complete else f"only the first {len(listing.items)} trainings read"
    return {key: Found(items, listing.complete, reason) for key, items in found.items()}
