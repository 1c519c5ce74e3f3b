"""`/training-create [title]`: check who asks, then open the form within Slack's 3 seconds.

The command is acknowledged at once (an empty answer shows nothing); the language and the access
check run together, both cached, so the modal opens while the trigger id is still valid. A refusal
is an ephemeral message through the command's response_url, and no modal opens.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.access import Access
from bot.form_context import FormContext
from bot.form_opening import language_and_access, open_view, training_form
from bot.form_values import FormValues, split_within
from bot.services import Services
from bot.slack_calls import SLACK_FAILURES, slack_error_code
from bot.strings import Texts, mrkdwn_escape, mrkdwn_unescape, texts
from tools.core.draft import TITLE_MAX_LENGTH

logger = logging.getLogger("lucca_training.slack")

Respond = Callable[..., Awaitable[Any]]


async def open_training_form(
    services: Services,
    *,
    ack: Callable[..., Awaitable[None]],
    body: Mapping[str, Any],
    client: AsyncWebClient,
    respond: Respond,
    retried: bool,
) -> None:
    await ack()
    if retried:
        # Slack re-sent a command we may already be answering: one modal is enough.
        return
    user_id = str(body.get("user_id", ""))
    language, access = await language_and_access(services, client, user_id)
    words = texts(language)
    if access is not Access.ALLOWED:
        refusal = words.refused if access is Access.REFUSED else words.access_unknown
        await _say(respond, refusal)
        return
    title, cut = prefilled_title(body.get("text"))
    context = FormContext(
        user_id=user_id,
        channel_id=_string(body.get("channel_id")),
        response_url=_string(body.get("response_url")),
        language=language,
    )
    view = training_form(
        services, context, FormValues(title=title), [words.title_was_cut] if cut else []
    )
    failed = await open_view(client, str(body.get("trigger_id", "")), view)
    if failed is not None:
        await _modal_failed(respond, words, failed)


def prefilled_title(command_text: object) -> tuple[str | None, bool]:
    """The title typed after the command (Slack escapes &, <, >), cut to 250 if longer."""
    if not isinstance(command_text, str) or not command_text.strip():
        return None, False
    title = " ".join(mrkdwn_unescape(command_text).split())
    kept, rest = split_within(title, TITLE_MAX_LENGTH)
    return kept, bool(rest)


async def _modal_failed(respond: Respond, words: Texts, code: str) -> None:
    if code == "expired_trigger_id":
        await _say(respond, words.trigger_expired)
    else:
        await _say(respond, words.modal_failed.format(error=mrkdwn_escape(code)))


async def _say(respond: Respond, text: str) -> None:
    try:
        await respond(text=text, response_type="ephemeral")
    except SLACK_FAILURES as exc:
        logger.warning("Could not answer the command (%s)", slack_error_code(exc))


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
