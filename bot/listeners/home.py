"""The Home tab: shown when the user opens it, shown again when one of their creations finishes
(from the form or from a workflow step)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.form_opening import language_and_access
from bot.home import RECENT_SHOWN, home_view, publish_home
from bot.services import Services
from bot.strings import texts
from tools.core.result import CreatedTraining
from tools.state.store import StoreUnavailable

logger = logging.getLogger("lucca_training.slack")


async def show_home(
    services: Services, *, event: Mapping[str, Any], body: Mapping[str, Any], client: AsyncWebClient
) -> None:
    if event.get("tab") != "home":
        return  # the Messages tab: nothing to publish
    user_id = str(event.get("user", ""))
    team = body.get("team_id") if isinstance(body.get("team_id"), str) else None
    await refresh_home(services, client, team, user_id)


async def refresh_home(
    services: Services, client: AsyncWebClient, team: str | None, user_id: str
) -> None:
    language, access = await language_and_access(services, client, user_id)
    try:
        recent = await services.recent.of_user(team, user_id, RECENT_SHOWN)
    except StoreUnavailable as exc:  # the tab still opens, and says why the list is missing
        logger.warning("The Home tab's history could not be read: %s", exc)
        recent = None
    await publish_home(client, user_id, home_view(texts(language), access, recent))


async def creation_finished(
    services: Services,
    client: AsyncWebClient,
    team: str | None,
    user_id: str,
    created: CreatedTraining,
) -> None:
    """Keep it for the user's Home tab, and show it there. A store that does not answer loses
    the line in the history, never the creation's result (shown in the form and the DM)."""
    try:
        await services.recent.record(team, user_id, created)
    except StoreUnavailable as exc:
        logger.warning("A creation could not be added to the Home tab's history: %s", exc)
    await refresh_home(services, client, team, user_id)
