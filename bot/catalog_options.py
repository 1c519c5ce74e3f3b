"""Providers and categories for the form's pickers, read off the trainings already in the catalog.

Lucca has no endpoint that lists providers or categories, so the ones in use are collected from
`GET /trainings` (a bounded number of pages), kept for a few minutes, and filtered here as the user
types. Slack wants the options within 3 seconds: a first load that takes longer answers with what
is known (possibly nothing) while it goes on in the background, and only one load runs at a time
so that a busy form does not spend the account's 50 requests a minute.
"""

from __future__ import annotations

import asyncio
import logging
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from tools.core.client import LuccaClient
from tools.core.errors import TrainingError

logger = logging.getLogger("lucca_training.slack")

CATALOG_TTL_SECONDS = 300.0
RETRY_AFTER_FAILURE_SECONDS = 30.0
ANSWER_WITHIN_SECONDS = 2.0
MAX_PAGES = 10
PAGE_SIZE = 100
MAX_OPTIONS = 100  # Block Kit's limit for an options list
MAX_OPTION_TEXT = 75  # and for an option's text
PROVIDERS, CATEGORIES = "provider", "category"


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    translations: dict[str, str] = field(default_factory=dict, compare=False)

    def name_in(self, language: str) -> str:
        return self.translations.get(language, self.name)

    def option_text(self, language: str) -> str:
        """`L'Élan Français (#12)`, cut so that it fits Block Kit's 75 characters."""
        suffix = f" (#{self.id})"
        name = self.name_in(language)
        room = MAX_OPTION_TEXT - len(suffix)
        if len(name) > room:
            name = name[: room - 1].rstrip() + "…"
        return name + suffix


@dataclass(frozen=True)
class Catalog:
    providers: tuple[Choice, ...] = ()
    categories: tuple[Choice, ...] = ()


class CatalogOptions:
    def __init__(
        self,
        lucca: LuccaClient,
        *,
        ttl_seconds: float = CATALOG_TTL_SECONDS,
        answer_within: float = ANSWER_WITHIN_SECONDS,
        max_pages: int = MAX_PAGES,
    ) -> None:
        self._lucca = lucca
        self._ttl = ttl_seconds
        self._answer_within = answer_within
        self._max_pages = max_pages
        self._catalog: Catalog | None = None
        self._loaded_at = 0.0
        self._failed_at: float | None = None
        self._loading: asyncio.Task[None] | None = None

    async def choices(self, kind: str, typed: str, language: str) -> list[Choice]:
        """The providers or categories whose name (or id) matches what the user typed."""
        catalog = await self._current()
        pool = catalog.providers if kind == PROVIDERS else catalog.categories
        wanted = _folded(typed)
        found = [c for c in pool if _matches(c, wanted, language)]
        found.sort(key=lambda c: (_folded(c.name_in(language)), c.id))
        return found[:MAX_OPTIONS]

    async def _current(self) -> Catalog:
        now = time.monotonic()
        fresh = self._catalog is not None and now - self._loaded_at <= self._ttl
        failed_lately = (
            self._failed_at is not None and now - self._failed_at < RETRY_AFTER_FAILURE_SECONDS
        )
        if not fresh and not failed_lately and (self._loading is None or self._loading.done()):
            self._loading = asyncio.create_task(self._load())
        if self._loading is not None and not self._loading.done():
            try:
                await asyncio.wait_for(asyncio.shield(self._loading), self._answer_within)
            except TimeoutError:
                logger.info("The catalog is still loading; answering with what is known")
        return self._catalog or Catalog()

    async def _load(self) -> None:
        providers: dict[int, Choice] = {}
        categories: dict[int, Choice] = {}
        try:
            for page in range(1, self._max_pages + 1):
                listing = await self._lucca.list_trainings(page=page, limit=PAGE_SIZE)
                for training in listing.items:
                    _collect(providers, training.get("provider"))
                    _collect(categories, training.get("category"))
                if not listing.items or not listing.next:
                    break
        except TrainingError as error:
            logger.warning("Could not read providers and categories from Lucca: %s", error.message)
            self._failed_at = time.monotonic()
            return
        self._catalog = Catalog(tuple(providers.values()), tuple(categories.values()))
        self._loaded_at = time.monotonic()
        self._failed_at = None


def _collect(into: dict[int, Choice], reference: Any) -> None:
    if not isinstance(reference, dict):
        return
    ref_id, name = reference.get("id"), reference.get("name")
    if not isinstance(ref_id, int) or isinstance(ref_id, bool) or ref_id in into:
        return
    if not isinstance(name, str) or not name.strip():
        name = f"#{ref_id}"
    into[ref_id] = Choice(ref_id, " ".join(name.split()), _translations(reference))


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


def _folded(text: str) -> str:
    """Lower case, no accents: `élan` finds `L'Élan Français`."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _matches(choice: Choice, wanted: str, language: str) -> bool:
    if not wanted:
        return True
    if wanted.lstrip("#") == str(choice.id):
        return True
    names = {choice.name, choice.name_in(language)}
    return any(wanted in _folded(name) for name in names)
