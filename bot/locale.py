"""The user's language, from their Slack locale: the table named by its first part (`de-DE` ->
`de`, `es-LA` -> `es`, `pt-BR` -> `pt`), English for a language without a table (`ja-JP`).

Asked with `users.info` (`include_locale`) once per user and kept an hour; the answer must not hold
up opening the modal, so a slow or failed lookup falls back to English for this once.
"""

from __future__ import annotations

import asyncio
import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.cache import TtlCache
from bot.slack_calls import SLACK_FAILURES, slack_error_code
from bot.strings import ENGLISH, LANGUAGES

logger = logging.getLogger("lucca_training.slack")

LOCALE_TTL_SECONDS = 3600.0
LOOKUP_TIMEOUT_SECONDS = 1.0


def language_of_locale(locale: object) -> str:
    """`fr-FR`, `fr-CA`, `fr` -> French; `de-DE` -> German; `ja-JP`, nothing -> English."""
    if not isinstance(locale, str):
        return ENGLISH
    code = locale.strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else ENGLISH


class UserLanguages:
    def __init__(self, ttl_seconds: float = LOCALE_TTL_SECONDS) -> None:
        self._cache: TtlCache[str] = TtlCache(ttl_seconds)

    async def language_of(self, client: AsyncWebClient, user_id: str) -> str:
        cached = self._cache.get(user_id)
        if cached is not None:
            return cached
        try:
            answer = await asyncio.wait_for(
                client.users_info(user=user_id, include_locale=True), LOOKUP_TIMEOUT_SECONDS
            )
        except SLACK_FAILURES as exc:
            logger.warning(
                "Could not read the Slack locale of %s (%s); using English",
                user_id,
                slack_error_code(exc),
            )
            return ENGLISH
        user = answer.get("user") or {}
        language = language_of_locale(user.get("locale") if isinstance(user, dict) else None)
        self._cache.put(user_id, language)
        return language
