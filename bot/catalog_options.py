"""Providers and categories for the form's pickers, from the core's catalog reads.

Slack wants the options within 3 seconds: a first load that takes longer answers with what is known
(possibly nothing) while it goes on in the background. The core reads, counts and caches them
(`tools.core.catalog`), shared with the MCP read tools; this module only filters and words them.
"""

from __future__ import annotations

import asyncio
import logging

from tools.core.catalog import CatalogReader, Choice
from tools.core.errors import TrainingError
from tools.core.folding import folded

logger = logging.getLogger("lucca_training.slack")

ANSWER_WITHIN_SECONDS = 2.0
MAX_OPTIONS = 100  # Block Kit's limit for an options list
MAX_OPTION_TEXT = 75  # and for an option's text
PROVIDERS, CATEGORIES = "provider", "category"


def option_text(choice: Choice, language: str) -> str:
    """`L'Élan Français (#12)`, cut so that it fits Block Kit's 75 characters."""
    suffix = f" (#{choice.id})"
    name = choice.name_in(language)
    room = MAX_OPTION_TEXT - len(suffix)
    if len(name) > room:
        name = name[: room - 1].rstrip() + "…"
    return name + suffix


class CatalogOptions:
    def __init__(
        self, catalog: CatalogReader, *, answer_within: float = ANSWER_WITHIN_SECONDS
    ) -> None:
        self._catalog = catalog
        self._answer_within = answer_within

    async def choices(self, kind: str, typed: str, language: str) -> list[Choice]:
        """The providers or categories whose name (or id) matches what the user typed."""
        loading = self._catalog.references_loading()
        if loading is not None:
            try:
                await asyncio.wait_for(asyncio.shield(loading), self._answer_within)
            except TimeoutError:
                logger.info("The catalog is still loading; answering with what is known")
            except TrainingError:
                pass  # logged by the core; the picker shows what is known
        known = self._catalog.known_references
        pool = known.providers if kind == PROVIDERS else known.categories
        found = [choice for choice in pool if choice.matches(typed, language)]
        found.sort(key=lambda c: (folded(c.name_in(language)), c.id))
        return found[:MAX_OPTIONS]
