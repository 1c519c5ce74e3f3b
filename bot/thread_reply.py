"""The result in the thread of the message a training was created from (the message shortcut):
a reply only the creator sees (`chat.postEphemeral`), or one the channel sees when they ticked the
form's box. The direct message stays the durable place; this one is a courtesy, so a failure here
is logged and nothing more."""

from __future__ import annotations

import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.form_context import FormContext
from bot.slack_calls import SLACK_FAILURES, slack_error_code
from bot.strings import Texts, mrkdwn_escape
from tools.core.result import CreatedTraining

logger = logging.getLogger("lucca_training.slack")


async def reply_in_thread(
    client: AsyncWebClient,
    context: FormContext,
    texts: Texts,
    created: CreatedTraining,
    *,
    to_everyone: bool,
) -> None:
    if not context.channel_id or not context.thread_ts:
        return
    template = texts.already_there if created.outcome == "existing" else texts.thread_note
    text = template.format(user=context.user_id, id=created.id, title=mrkdwn_escape(created.title))
    where = {"channel": context.channel_id, "thread_ts": context.thread_ts, "text": text}
    try:
        if to_everyone:
            await client.chat_postMessage(**where)
        else:
            await client.chat_postEphemeral(user=context.user_id, **where)
    except SLACK_FAILURES as exc:
        logger.info("Could not reply in the message's thread (%s)", slack_error_code(exc))
