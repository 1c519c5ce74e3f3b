"""What the listeners share for the life of the app: one of each, built by `bot.app`."""

from __future__ import annotations

from dataclasses import dataclass

from bot.access import AccessPolicy
from bot.catalog_options import CatalogOptions
from bot.creations import Creations
from bot.locale import UserLanguages
from tools.drafting.drafter import Drafter


@dataclass(frozen=True)
class Services:
    access: AccessPolicy
    languages: UserLanguages
    catalog: CatalogOptions
    creations: Creations
    drafting: Drafter | None = None  # None: no LLM_* settings, nothing about drafting shows
