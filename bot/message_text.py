"""A Slack message's mrkdwn as plain text, for pre-filling the form from a message.

Lucca shows a training's texts as typed, so the marks Slack reads are taken out: `<@U123>` becomes
`@Ann Smith` and `<#C123|general>` `#general` (names asked of Slack with `users.info` and
`conversations.info`, kept a while, the id kept when Slack does not say in time), `<url|text>`
becomes `text (url)`, `*bold*`, `_italic_`, `~strike~` and backticks lose their marks (the text of
a code block stays, line for line), and `&amp;`, `&lt;`, `&gt;` read as `&`, `<`, `>` again.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable

from slack_sdk.web.async_client import AsyncWebClient

from bot.cache import TtlCache
from bot.slack_calls import SLACK_FAILURES, slack_error_code
from bot.strings import mrkdwn_unescape

logger = logging.getLogger("lucca_training.slack")

NAMES_TTL_SECONDS = 3600.0
LOOKUP_TIMEOUT_SECONDS = 1.0  # the trigger id lives 3 s: a slow name is shown as its id

_CODE_BLOCK = re.compile(r"```\n?(.*?)\n?```", re.DOTALL)
_ANGLED = re.compile(r"<([^<>\n]+)>")
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
# A mark opens after a start, a space or punctuation and closes before an end, a space or
# punctuation, as Slack reads them: `snake_case_names` and `2*3*4` keep theirs.
_MARKS = [re.compile(rf"(?<![\w{m}])\{m}(?=\S)([^{m}\n]+?)(?<=\S)\{m}(?![\w{m}])") for m in "*_~"]
_QUOTE = re.compile(r"^&gt;[ \t]?", re.MULTILINE)
_PLACEHOLDER = "\x00{}\x00"
_PLACEHOLDERS = re.compile("\x00(\\d+)\x00")

Lookup = Callable[[str], Awaitable[str | None]]


class SlackNames:
    """People's and channels' names by id, from the Web API, cached."""

    def __init__(self, ttl_seconds: float = NAMES_TTL_SECONDS) -> None:
        self._cache: TtlCache[str] = TtlCache(ttl_seconds)

    async def user(self, client: AsyncWebClient, user_id: str) -> str | None:
        return await self._name(("user", user_id), lambda: self._ask_user(client, user_id))

    async def channel(self, client: AsyncWebClient, channel_id: str) -> str | None:
        return await self._name(
            ("channel", channel_id), lambda: self._ask_channel(client, channel_id)
        )

    async def _name(self, key: tuple[str, str], ask: Callable[[], Awaitable[str | None]]):
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        try:
            name = await asyncio.wait_for(ask(), LOOKUP_TIMEOUT_SECONDS)
        except SLACK_FAILURES as exc:
            logger.info("Could not read the name of %s (%s)", key[1], slack_error_code(exc))
            return None
        if name:
            self._cache.put(key, name)
        return name

    @staticmethod
    async def _ask_user(client: AsyncWebClient, user_id: str) -> str | None:
        user = (await client.users_info(user=user_id)).get("user") or {}
        profile = user.get("profile") or {}
        for name in (profile.get("display_name"), profile.get("real_name"), user.get("name")):
            if isinstance(name, str) and name.strip():
                return name.strip()
        return None

    @staticmethod
    async def _ask_channel(client: AsyncWebClient, channel_id: str) -> str | None:
        channel = (await client.conversations_info(channel=channel_id)).get("channel") or {}
        name = channel.get("name")
        return name if isinstance(name, str) and name else None


async def plain_text(mrkdwn: str, user_name: Lookup, channel_name: Lookup) -> str:
    """The message as someone reading it would copy it: names, link texts, no marks."""
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return _PLACEHOLDER.format(len(kept) - 1)

    text = _CODE_BLOCK.sub(lambda m: keep(m.group(1)), mrkdwn)
    text = _INLINE_CODE.sub(lambda m: keep(m.group(1)), text)
    tokens = list(dict.fromkeys(m.group(1) for m in _ANGLED.finditer(text)))
    shown = await asyncio.gather(*(_token(token, user_name, channel_name) for token in tokens))
    by_token = dict(zip(tokens, shown, strict=True))
    text = _ANGLED.sub(lambda m: keep(by_token[m.group(1)]), text)
    for mark in _MARKS:
        text = mark.sub(r"\1", text)
    text = _QUOTE.sub("", text)
    text = _PLACEHOLDERS.sub(lambda m: kept[int(m.group(1))], text)
    text = _PLACEHOLDERS.sub(lambda m: kept[int(m.group(1))], text)  # a link's text in code
    return mrkdwn_unescape(text).strip()


async def _token(token: str, user_name: Lookup, channel_name: Lookup) -> str:
    """One `<...>`: a mention, a channel, a special mention, a date or a link."""
    target, _, label = token.partition("|")
    if target.startswith("@"):
        name = label or await user_name(target[1:])
        return "@" + (name or target[1:])
    if target.startswith("#"):
        name = label or await channel_name(target[1:])
        return "#" + (name or target[1:])
    if target.startswith("!"):
        if label:  # <!subteam^S1|@sales>, <!date^1392734382^{date}|Feb 18th, 2014>
            return label
        return "@" + target[1:].split("^")[0]  # <!here>, <!channel>, <!everyone>
    address = mrkdwn_unescape(target)
    if not label or label == address or "mailto:" + label == address:
        return address.removeprefix("mailto:")
    return f"{label} ({address})"
