"""What the listeners share for the life of the app: one of each, built by `bot.app`."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.access import AccessPolicy
from bot.catalog_options import CatalogOptions
from bot.creations import Creations
from bot.locale import UserLanguages
from bot.message_text import SlackNames
from bot.recent import CreationsSeenHere, RecentCreations
from tools.core.trainings import Trainings
from tools.drafting.drafter import Drafter


@dataclass(frozen=True)
class Services:
    access: AccessPolicy
    languages: UserLanguages
    catalog: CatalogOptions
    creations: Creations
    trainings: Trainings  # the process's one core entry (the workflow step creates through it)
    drafting: Drafter | None = None  # None: no LLM_* settings, nothing about drafting shows
    names: SlackNames = field(default_factory=SlackNames)  # people's and channels' names
    # The Home tab's history: on the store when there is one (`bot.app`), else this process's.
    recent: RecentCreations = field(default_factory=CreationsSeenHere)
