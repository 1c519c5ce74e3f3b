"""The Home tab: shown when the user opens it, shown again when one of their creations finishes
(from the form or from a workflow step)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.form_opening import language_and_access
from bot.home import RECENT_SHOWN, home_view, publish_home
from bot.recent import CreationsSeenHere
from bot.services import Services
from bot.strings import texts
from tools.core.result import CreatedTraining


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
    recent = await services.recent.of_user(team, user_id, RECENT_SHOWN)
    await publish_home(client, user_id, home_view(texts(language), access, recent))


async def creation_finished(
    services: Services,
    client: AsyncWebClient,
    team: str | None,
    user_id: str,
    created: CreatedTraining,
) -> None:
    """Keep it for the user's Home tab (the shared journal records creations itself), show it."""
    if isinstance(services.recent, CreationsSeenHere):
        services.recent.record(team, user_id, created)
    await refresh_home(services, client, team, user_id)
