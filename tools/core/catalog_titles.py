"""Which trainings in the catalog already carry a title: the shared truth against duplicates.

Every replica reads the same catalog, so a creation retried on another replica (or by a re-run
command) finds the first one there. Each lookup is a request against the tenant's 50 per minute, so:

- a process remembers, for a minute, the trainings it created itself (no request at all);
- lookups asked for while one is running wait and go together: one title is one search request;
  many titles at once read the whole catalog when that takes fewer pages than searching each.

Titles are compared ignoring case and surrounding spaces (`title_key`).
"""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tools.core.client import LuccaClient

Item = dict[str, Any]

PAGE_SIZE = 100  # the list endpoint's largest page
MAX_SEARCH_PAGES = 5  # a title search matching more than 500 trainings stops there
# Long enough for a retry or a catalog search that lags behind a creation; short, because a
# training deleted in Lucca meanwhile would still be reported as there.
REMEMBER_SECONDS = 60.0


def title_key(title: str) -> str:
    return unicodedata.normalize("NFC", title).strip().casefold()


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


class CatalogTitles:
    """Per process (it lives on the one `LuccaClient`): turns, memory and batched lookups."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._turns: dict[str, tuple[asyncio.Lock, int]] = {}
        self._remembered: dict[str, list[tuple[float, Item]]] = {}
        self._pending: dict[str, tuple[str, list[asyncio.Future[list[Item]]]]] = {}
        self._lookup_task: asyncio.Task[None] | None = None

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

    async def find(self, client: LuccaClient, title: str, *, fresh: bool = False) -> list[Item]:
        """Trainings titled `title`: from memory when this process made one, else the catalog."""
        key = title_key(title)
        if not fresh and (known := self._recalled(key)):
            return known
        future: asyncio.Future[list[Item]] = asyncio.get_running_loop().create_future()
        self._pending.setdefault(key, (title, []))[1].append(future)
        if self._lookup_task is None or self._lookup_task.done():
            self._lookup_task = asyncio.create_task(self._look_up_pending(client))
        return await future

    def _recalled(self, key: str) -> list[Item]:
        now = self._clock()
        return [item for until, item in self._remembered.get(key, []) if until > now]

    async def _look_up_pending(self, client: LuccaClient) -> None:
        while self._pending:
            batch, self._pending = self._pending, {}
            try:
                found = await _look_up(client, {key: title for key, (title, _) in batch.items()})
            except Exception as exc:
                for _, futures in batch.values():
                    for future in futures:
                        if not future.done():
                            future.set_exception(exc)
                continue
            for key, (_, futures) in batch.items():
                for future in futures:
                    if not future.done():
                        future.set_result(found.get(key, []))


async def _look_up(client: LuccaClient, titles: dict[str, str]) -> dict[str, list[Item]]:
    if len(titles) > 1:
        catalog = await _whole_catalog(client, max_pages=len(titles))
        if catalog is not None:
            return _by_title(catalog, titles)
    searches = await asyncio.gather(*(_search(client, title) for title in titles.values()))
    return _by_title([item for found in searches for item in found], titles)


async def _whole_catalog(client: LuccaClient, *, max_pages: int) -> list[Item] | None:
    """Every training, or None when that would take more than `max_pages` requests."""
    items: list[Item] = []
    page = 1
    while True:
        listed = await client.list_trainings(page=page, limit=PAGE_SIZE)
        items += listed.items
        if not listed.next or not listed.items:
            return items
        if page == 1 and listed.count is not None and -(-listed.count // PAGE_SIZE) > max_pages:
            return None
        if page >= max_pages:
            return None
        page += 1


async def _search(client: LuccaClient, title: str) -> list[Item]:
    items: list[Item] = []
    for page in range(1, MAX_SEARCH_PAGES + 1):
        listed = await client.list_trainings(search=title.strip(), page=page, limit=PAGE_SIZE)
        items += listed.items
        if not listed.next or not listed.items:
            break
    return items


def _by_title(items: list[Item], titles: dict[str, str]) -> dict[str, list[Item]]:
    found: dict[str, list[Item]] = {}
    for item in items:
        title = item.get("title")
        if isinstance(title, str) and (key := title_key(title)) in titles:
            found.setdefault(key, []).append(item)
    return found
