"""A message, as the form's first values: its first line for the title, its text for the
description, as plain text (`bot.message_text`) and cut to Lucca's limits as Lucca counts them
(UTF-16 units), saying so when something was cut."""

from __future__ import annotations

from dataclasses import dataclass

from bot.form_values import FormValues, split_within
from bot.message_text import Lookup, plain_text
from tools.core.draft import TEXT_LIMITS


@dataclass(frozen=True)
class Prefill:
    values: FormValues
    cut: bool  # the title or the description lost its end


async def prefill_from_message(
    mrkdwn: object, user_name: Lookup, channel_name: Lookup, *, offer_thread: bool
) -> Prefill:
    text = await plain_text(mrkdwn, user_name, channel_name) if isinstance(mrkdwn, str) else ""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    title, title_rest = split_within(" ".join(first_line.split()), TEXT_LIMITS["title"])
    description, description_rest = split_within(text, TEXT_LIMITS["description"])
    values = FormValues(
        title=title or None,
        description=description.rstrip() or None,
        share_in_thread=False if offer_thread else None,
    )
    return Prefill(values, cut=bool(title_rest or description_rest))
