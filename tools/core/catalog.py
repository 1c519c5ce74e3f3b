"""Reading the catalog: trainings by text or id, and the providers and categories in use.

Lucca has no endpoint that lists providers or categories, so the ones in use are collected from the
trainings list (a bounded number of pages), counted, and kept for a few minutes; only one load runs
at a time, so that a busy form or a chatty assistant does not spend the tenant's 50 requests a
minute. The Slack pickers and the MCP read tools both read through here.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tools.core.client import LuccaClient
from tools.core.errors import TrainingError
from tools.core.folding import folded, holds_text
from tools.core.pager import Item, ListFilter, read_list

logger = logging.getLogger("lucca_training.catalog")

REFERENCES_TTL_SECONDS = 300.0
RETRY_AFTER_FAILURE_SECONDS = 30.0
REFERENCE_PAGES = 10  # providers and categories are read off the first 1,000 trainings


@dataclass(frozen=True)
class Choice:
    """A provider or a category in use, with Lucca's translations of its name (`fr` -> ...)."""

    id: int
    name: str
    translations: dict[str, str] = field(default_factory=dict, compare=False)
    trainings: int = field(default=0, compare=False)  # how many trainings read use it

    def name_in(self, language: str | None) -> str:
        return self.translations.get((language or "").lower(), self.name)

    def matches(self, typed: str, language: str | None = None) -> bool:
        """`élan` finds `L'Élan Français`; `#12` or `12` finds id 12."""
        wanted = folded(typed)
        if not wanted or wanted.lstrip("#") == str(self.id):
            return True
        names = {self.name, self.name_in(language), *self.translations.values()}
        return any(wanted in folded(name) for name in names)


@dataclass(frozen=True)
class References:
    providers: tuple[Choice, ...] = ()
    categories: tuple[Choice, ...] = ()
    complete: bool = True  # False: more trainings than were read; some may be missing


@dataclass(frozen=True)
class SearchResult:
    items: list[Item]
    total: int | None  # what Lucca counted, when it said
    more: bool  # whether more trainings match than are in `items`


class CatalogReader:
    def __init__(
        self,
        client: LuccaClient,
        *,
        ttl_seconds: float = REFERENCES_TTL_SECONDS,
        max_pages: int = REFERENCE_PAGES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._ttl = ttl_seconds
        self._max_pages = max_pages
        self._clock = clock
        self._references: References | None = None
        self._loaded_at = 0.0
        self._failed_at: float | None = None
        self._loading: asyncio.Task[References] | None = None

    @property
    def known_references(self) -> References:
        """What was last read, possibly nothing: for a caller that cannot wait."""
        return self._references or References()

    def references_loading(self) -> asyncio.Task[References] | None:
        """The load to wait on (started when the cache is stale), or None when fresh or failed
        lately; a failure is retried after 30 s, not on every keystroke."""
        now = self._clock()
        fresh = self._references is not None and now - self._loaded_at <= self._ttl
        failed_lately = (
            self._failed_at is not None and now - self._failed_at < RETRY_AFTER_FAILURE_SECONDS
        )
        if fresh or failed_lately:
            return None
        if self._loading is None or self._loading.done():
            self._loading = asyncio.create_task(self._load())
            # A caller that stopped waiting (Slack's 3 s) must not leave its failure unretrieved:
            # the load logged it already.
            self._loading.add_done_callback(lambda task: task.cancelled() or task.exception())
        return self._loading

    async def references(self) -> References:
        """The providers and categories in use; a `TrainingError` when none could be read."""
        loading = self.references_loading()
        if loading is not None:
            return await asyncio.shield(loading)
        if self._references is None:
            return await self._load()  # failed lately: try again for a caller that waits
        return self._references

    async def _load(self) -> References:
        try:
            listing = await read_list(self._client, max_pages=self._max_pages)
        except TrainingError as error:
            logger.warning("Could not read providers and categories from Lucca: %s", error.message)
            self._failed_at = self._clock()
            raise
        providers: dict[int, Choice] = {}
        categories: dict[int, Choice] = {}
        for training in listing.items:
            _count(providers, training.get("provider"))
            _count(categories, training.get("category"))
        self._references = References(
            tuple(providers.values()), tuple(categories.values()), listing.complete
        )
        self._loaded_at, self._failed_at = self._clock(), None
        return self._references

    async def search(
        self,
        query: str | None = None,
        *,
        provider_id: int | None = None,
        category_id: int | None = None,
        limit: int = 10,
    ) -> SearchResult:
        """Trainings holding `query` (title, subtitle, description), newest first by id."""
        text = (query or "").strip() or None
        where = ListFilter.of(
            search=text,
            provider_ids=[provider_id] if provider_id is not None else [],
            category_ids=[category_id] if category_id is not None else [],
        )
        listing = await read_list(self._client, where, max_pages=1, limit=limit)
        kept = [item for item in listing.items if text is None or holds_text(item, text)]
        if len(kept) < len(listing.items):
            # Lucca ignored the search and answered a page of the unfiltered list: its count and
            # cursor speak of that list, so neither says how many trainings hold the text.
            return SearchResult(kept, None, False)
        more = listing.stop != "last_page" or (listing.count or 0) > len(kept)
        return SearchResult(kept, listing.count, more)

    async def training(self, training_id: int) -> Item | None:
        """One training, through the list's `id` filter (the API has no GET by id)."""
        listing = await read_list(self._client, ListFilter.of(ids=[training_id]), max_pages=1)
        return next((item for item in listing.items if item.get("id") == training_id), None)


def _count(into: dict[int, Choice], reference: Any) -> None:
    if not isinstance(reference, dict):
        return
    ref_id, name = reference.get("id"), reference.get("name")
    if not isinstance(ref_id, int) or isinstance(ref_id, bool):
        return
    known = into.get(ref_id)
    if known is not None:
        into[ref_id] = Choice(known.id, known.name, known.translations, known.trainings + 1)
        return
    if not isinstance(name, str) or not name.strip():
        name = f"#{ref_id}"
    into[ref_id] = Choice(ref_id, " ".join(name.split()), _translations(reference), 1)


def _translations(reference: dict[str, Any]) -> dict[str, str]:
    """`{"t9n": {"name": {"Fr": "Langues"}}}` -> `{"fr": "Langues"}` (keys in any case)."""
    t9n = reference.get("t9n")
    names = t9n.get("name") if isinstance(t9n, dict) else None
    if not isinstance(names, dict):
        return {}
    return {
        str(key).lower(): " ".join(value.split())
        for key, value in names.items()
        if isinstance(value, str) and value.strip()
    }
