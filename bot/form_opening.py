"""Opening the training form from any door: the command, the shortcuts, the Home tab's button.

Each door has a `trigger_id` that lives 3 seconds and works once, so the language and the access
check run together (both cached) and the modal opens at once; whatever else a door needs (a
message's names) runs alongside. A door without a place to answer in (a shortcut, a button) says a
refusal in a small modal, with the same trigger.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any, TypeVar

from slack_sdk.web.async_client import AsyncWebClient

from bot.access import Access
from bot.drafting.strings import drafting_texts
from bot.drafting.views import form_extras
from bot.form import form_view
from bot.form_context import FormContext
from bot.form_values import FormValues
from bot.services import Services
from bot.slack_calls import SLACK_FAILURES, slack_error_code
from bot.strings import Texts, texts
from bot.views import refused_view

logger = logging.getLogger("lucca_training.slack")

Extra = TypeVar("Extra")


async def language_and_access(
    services: Services, client: AsyncWebClient, user_id: str
) -> tuple[str, Access]:
    language, access = await asyncio.gather(
        services.languages.language_of(client, user_id), services.access.check(client, user_id)
    )
    if access is not Access.ALLOWED:
        logger.info("Slack user %s may not create trainings (%s)", user_id, access.value)
    return language, access


async def language_access_and(
    services: Services, client: AsyncWebClient, user_id: str, extra: Awaitable[Extra]
) -> tuple[str, Access, Extra]:
    """The language and the access check, with one more lookup run alongside."""
    (language, access), found = await asyncio.gather(
        language_and_access(services, client, user_id), extra
    )
    return language, access, found


def training_form(
    services: Services, context: FormContext, values: FormValues, notices: list[str]
) -> dict[str, Any]:
    words = texts(context.language)
    return form_view(
        words,
        values,
        private_metadata=context.encode(),
        notices=notices,
        extra_blocks=form_extras(drafting_texts(context.language)) if services.drafting else None,
    )


async def open_view(client: AsyncWebClient, trigger_id: str, view: dict[str, Any]) -> str | None:
    """Open a modal: None when it opened, else Slack's error code (`expired_trigger_id`...)."""
    try:
        await client.views_open(trigger_id=trigger_id, view=view)
    except SLACK_FAILURES as exc:
        code = slack_error_code(exc)
        logger.warning("Could not open the training form (%s)", code)
        return code
    return None


async def open_refusal(
    client: AsyncWebClient, trigger_id: str, words: Texts, access: Access
) -> None:
    message = words.refused if access is Access.REFUSED else words.access_unknown
    await open_view(client, trigger_id, refused_view(words, message))


async def open_form_for(
    services: Services,
    client: AsyncWebClient,
    *,
    user_id: str,
    trigger_id: str,
) -> None:
    """The empty form (the global shortcut, the Home tab's button), or why not, in a modal."""
    language, access = await language_and_access(services, client, user_id)
    words = texts(language)
    if access is not Access.ALLOWED:
        await open_refusal(client, trigger_id, words, access)
        return
    context = FormContext(user_id=user_id, language=language)
    await open_view(client, trigger_id, training_form(services, context, FormValues(), []))
