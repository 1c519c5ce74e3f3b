"""Drafting in a conversation: a DM with the app, or a channel thread where it is mentioned.

The thread is the conversation's only state: each new message reads it back with
`conversations.replies` (the app's drafts carry their structured draft in message metadata), so
any replica can answer and nothing is kept on our side. The app answers in the thread with a
question or a draft; under a draft, "Open the form" opens `/training-create`'s form pre-filled
with that draft, read back from the thread. Only submitting that form creates anything.

Events are acknowledged by Bolt before these run; the app's own messages and other bots' are
never answered (no loops), nor are edits, deletions or Slack's retries of an event.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.access import Access
from bot.drafting.strings import MODEL_LANGUAGE_NAMES, drafting_texts
from bot.drafting.views import draft_form_values, draft_message, form_extras
from bot.form import form_view
from bot.form_context import FormContext
from bot.services import Services
from bot.slack_calls import SLACK_FAILURES, slack_error_code
from bot.strings import mrkdwn_escape, mrkdwn_unescape, texts
from tools.drafting.answers import ProposedDraft, check_draft
from tools.drafting.drafter import Drafter, Turn
from tools.drafting.errors import DraftingError

logger = logging.getLogger("lucca_training.slack")

THREAD_READ_TIMEOUT_SECONDS = 2.0  # "Open the form" must open the modal within the trigger's 3 s
THREAD_MESSAGES_LIMIT = 200
_MENTION = re.compile(r"<@[A-Z0-9]+>")

Respond = Callable[..., Awaitable[Any]]


async def answer_in_thread(
    services: Services,
    drafter: Drafter,
    *,
    event: Mapping[str, Any],
    client: AsyncWebClient,
    bot_user_id: str | None,
    bot_id: str | None,
) -> None:
    """A person wrote to the app: the next message of the conversation, in its thread."""
    if not is_a_persons_message(event, bot_user_id, bot_id):
        return
    channel, user_id = str(event.get("channel", "")), str(event.get("user", ""))
    thread_ts = str(event.get("thread_ts") or event.get("ts", ""))
    language, access = await asyncio.gather(
        services.languages.language_of(client, user_id), services.access.check(client, user_id)
    )
    words, drafting = texts(language), drafting_texts(language)

    async def say(**message: Any) -> None:
        await _post(client, channel, thread_ts, **message)

    if access is not Access.ALLOWED:
        logger.info("Slack user %s may not draft trainings (%s)", user_id, access.value)
        await say(text=words.refused if access is Access.REFUSED else words.access_unknown)
        return
    if event.get("thread_ts"):
        try:
            messages = await read_thread(client, channel, thread_ts)
        except SLACK_FAILURES as exc:
            logger.warning("Could not read thread %s (%s)", thread_ts, slack_error_code(exc))
            await say(text=drafting.thread_unreadable)
            return
        turns = thread_turns(messages, bot_user_id, bot_id, also=event)
    else:
        turns = thread_turns([], bot_user_id, bot_id, also=event)
    try:
        reply = await drafter.reply(turns, MODEL_LANGUAGE_NAMES.get(language, "English"))
    except DraftingError as error:
        logger.warning("Drafting for Slack user %s failed: %s", user_id, error.reason)
        await say(text=drafting.thread_failure[error.kind])
        return
    except Exception:  # a bug of ours: say so in the thread rather than stay silent
        logger.exception("Drafting in a Slack thread failed unexpectedly")
        await say(text=drafting.thread_failure["internal"])
        return
    if reply.draft is None:
        await say(text=mrkdwn_escape(reply.message))
    else:
        await say(**draft_message(reply.message, reply.draft, drafting, words, thread_ts))


async def open_form_from_draft(
    services: Services,
    *,
    ack: Callable[..., Awaitable[None]],
    body: Mapping[str, Any],
    client: AsyncWebClient,
    respond: Respond,
) -> None:
    """ "Open the form" under a draft: the form, pre-filled with the draft read from the thread."""
    await ack()
    user_id = str((body.get("user") or {}).get("id", ""))
    container = body.get("container") or {}
    channel = str(container.get("channel_id") or (body.get("channel") or {}).get("id", ""))
    message_ts = str(container.get("message_ts", ""))
    actions = body.get("actions") or [{}]
    thread_ts = str(container.get("thread_ts") or actions[0].get("value") or message_ts)
    language, access, draft = await asyncio.gather(
        services.languages.language_of(client, user_id),
        services.access.check(client, user_id),
        _draft_in_thread(client, channel, thread_ts, message_ts),
    )
    words, drafting = texts(language), drafting_texts(language)
    if access is not Access.ALLOWED:
        await _tell(respond, words.refused if access is Access.REFUSED else words.access_unknown)
        return
    if draft is None:
        await _tell(respond, drafting.draft_not_found)
        return
    values, notices = draft_form_values(draft, drafting)
    context = FormContext(
        user_id=user_id,
        channel_id=channel or None,
        response_url=body.get("response_url") or None,
        language=language,
    )
    view = form_view(
        words,
        values,
        private_metadata=context.encode(),
        notices=notices,
        extra_blocks=form_extras(drafting),
    )
    try:
        await client.views_open(trigger_id=str(body.get("trigger_id", "")), view=view)
    except SLACK_FAILURES as exc:
        code = slack_error_code(exc)
        logger.warning("Could not open the form from a draft (%s)", code)
        await _tell(respond, drafting.form_not_opened.format(error=mrkdwn_escape(code)))


def is_a_persons_message(
    event: Mapping[str, Any], bot_user_id: str | None, bot_id: str | None
) -> bool:
    """A new message a person wrote to the app (not an edit, a bot, or the app itself)."""
    if event.get("type") == "message" and event.get("channel_type") != "im":
        return False
    return _from_a_person(event, bot_user_id)


def _from_a_person(message: Mapping[str, Any], bot_user_id: str | None) -> bool:
    if message.get("subtype") or message.get("bot_id") or message.get("bot_profile"):
        return False
    user = message.get("user")
    return isinstance(user, str) and bool(user) and user != bot_user_id and bool(message.get("ts"))


async def read_thread(client: AsyncWebClient, channel: str, thread_ts: str) -> list[dict]:
    answer = await client.conversations_replies(
        channel=channel, ts=thread_ts, include_all_metadata=True, limit=THREAD_MESSAGES_LIMIT
    )
    messages = answer.get("messages")
    return [m for m in messages if isinstance(m, dict)] if isinstance(messages, list) else []


def thread_turns(
    messages: list[dict],
    bot_user_id: str | None,
    bot_id: str | None,
    *,
    also: Mapping[str, Any] | None = None,
) -> list[Turn]:
    """The conversation for the model: people's messages, and the app's own with their drafts."""
    seen = {m.get("ts") for m in messages}
    if also is not None and also.get("ts") not in seen:
        messages = [*messages, dict(also)]  # Slack may not list a message this fresh yet
    turns: list[Turn] = []
    for message in messages:
        if _is_ours(message, bot_user_id, bot_id):
            text = mrkdwn_unescape(str(message.get("text") or ""))
            turns.append(Turn("you", text, draft_of_message(message)))
        elif _from_a_person(message, bot_user_id):
            text = mrkdwn_unescape(_MENTION.sub("", str(message.get("text") or ""))).strip()
            if text:
                turns.append(Turn("user", text))
    return turns


def draft_of_message(message: Mapping[str, Any]) -> ProposedDraft | None:
    metadata = message.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("event_type") != ids.DRAFT_METADATA_TYPE:
        return None
    payload = metadata.get("event_payload")
    return check_draft(payload) if isinstance(payload, dict) else None


async def _draft_in_thread(
    client: AsyncWebClient, channel: str, thread_ts: str, message_ts: str
) -> ProposedDraft | None:
    """The draft carried by the message whose button was pressed, read back from its thread."""
    try:
        messages = await asyncio.wait_for(
            read_thread(client, channel, thread_ts), THREAD_READ_TIMEOUT_SECONDS
        )
    except SLACK_FAILURES as exc:
        logger.warning("Could not read thread %s (%s)", thread_ts, slack_error_code(exc))
        return None
    for message in messages:
        if message.get("ts") == message_ts:
            return draft_of_message(message)
    return None


def _is_ours(message: Mapping[str, Any], bot_user_id: str | None, bot_id: str | None) -> bool:
    return bool(
        (bot_id and message.get("bot_id") == bot_id)
        or (bot_user_id and message.get("user") == bot_user_id)
    )


async def _post(client: AsyncWebClient, channel: str, thread_ts: str, **message: Any) -> None:
    try:
        await client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message)
    except SLACK_FAILURES as exc:
        logger.warning("Could not answer in thread %s (%s)", thread_ts, slack_error_code(exc))


async def _tell(respond: Respond, text: str) -> None:
    try:
        await respond(text=text, response_type="ephemeral", replace_original=False)
    except SLACK_FAILURES as exc:
        logger.warning("Could not answer the button (%s)", slack_error_code(exc))
