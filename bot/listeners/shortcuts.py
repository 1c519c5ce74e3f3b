"""The shortcuts: "Create a training from this message" (a message's More actions menu) and
"Create a training" (the global shortcut, from anywhere), and the Home tab's Create button.

Each is acknowledged at once and opens the form with its trigger id. From a message, the form is
pre-filled from the message (`bot.message_prefill`) and offers a box to show the result in the
message's thread to everyone; the result goes in that thread either way (only the user sees it
unless the box is ticked), through the `FormContext` the modal carries.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.access import Access
from bot.form_context import FormContext
from bot.form_opening import (
    language_access_and,
    open_form_for,
    open_refusal,
    open_view,
    training_form,
)
from bot.message_prefill import prefill_from_message
from bot.services import Services
from bot.strings import texts
from tools.core.draft import TEXT_LIMITS

Ack = Callable[..., Awaitable[None]]


async def open_form_from_message(
    services: Services, *, ack: Ack, body: Mapping[str, Any], client: AsyncWebClient
) -> None:
    await ack()
    user_id = _id(body.get("user"))
    trigger_id = str(body.get("trigger_id", ""))
    message = body.get("message") if isinstance(body.get("message"), dict) else {}
    channel_id = _id(body.get("channel")) or None
    thread_ts = message.get("thread_ts") or message.get("ts")
    offer_thread = bool(channel_id and isinstance(thread_ts, str))

    async def user_name(user: str) -> str | None:
        return await services.names.user(client, user)

    async def channel_name(channel: str) -> str | None:
        return await services.names.channel(client, channel)

    language, access, prefill = await language_access_and(
        services,
        client,
        user_id,
        prefill_from_message(
            message.get("text"), user_name, channel_name, offer_thread=offer_thread
        ),
    )
    words = texts(language)
    if access is not Access.ALLOWED:
        await open_refusal(client, trigger_id, words, access)
        return
    context = FormContext(
        user_id=user_id,
        channel_id=channel_id,
        language=language,
        thread_ts=thread_ts if offer_thread else None,
    )
    notices = []
    if prefill.cut:
        notices.append(
            words.message_was_cut.format(
                title_limit=TEXT_LIMITS["title"], description_limit=TEXT_LIMITS["description"]
            )
        )
    await open_view(client, trigger_id, training_form(services, context, prefill.values, notices))


async def open_empty_form(
    services: Services, *, ack: Ack, body: Mapping[str, Any], client: AsyncWebClient
) -> None:
    """The global shortcut and the Home tab's button: the same empty form."""
    await ack()
    await open_form_for(
        services, client, user_id=_id(body.get("user")), trigger_id=str(body.get("trigger_id", ""))
    )


def _id(value: object) -> str:
    return str(value.get("id", "")) if isinstance(value, dict) else ""
