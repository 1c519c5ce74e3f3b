"""Who may create trainings from Slack: everyone, or the listed users and user groups' members.

Open by default (neither SLACK_ALLOWED_USERS nor SLACK_ALLOWED_USERGROUPS set): a workspace admin
installed the app, what it creates stays out of the public catalog until a Lucca admin publishes
it, and the Lucca API key bounds what it can do. Restricted as soon as either is set. The check
runs on the command and again on submission (a modal can outlive a membership). When a group's
members cannot be read, the answer is "unknown", and unknown is treated as "no".
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Iterable

from slack_sdk.web.async_client import AsyncWebClient

from bot.cache import TtlCache
from bot.slack_calls import SLACK_FAILURES, slack_error_code

logger = logging.getLogger("lucca_training.slack")

MEMBERS_TTL_SECONDS = 300.0
LOOKUP_TIMEOUT_SECONDS = 1.5


class Access(enum.Enum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    UNKNOWN = "unknown"  # a group's members could not be read: refused, with another message


class AccessPolicy:
    def __init__(
        self,
        users: Iterable[str] = (),
        usergroups: Iterable[str] = (),
        ttl_seconds: float = MEMBERS_TTL_SECONDS,
    ) -> None:
        self.users = frozenset(users)
        self.usergroups = tuple(dict.fromkeys(usergroups))
        self._members: TtlCache[frozenset[str]] = TtlCache(ttl_seconds, max_entries=1000)

    @property
    def open_to_everyone(self) -> bool:
        return not self.users and not self.usergroups

    async def check(self, client: AsyncWebClient, user_id: str) -> Access:
        if self.open_to_everyone or user_id in self.users:
            return Access.ALLOWED
        if not self.usergroups:
            return Access.REFUSED
        members = await asyncio.gather(
            *(self._members_of(client, group) for group in self.usergroups)
        )
        if any(found is not None and user_id in found for found in members):
            return Access.ALLOWED
        return Access.UNKNOWN if any(found is None for found in members) else Access.REFUSED

    async def _members_of(self, client: AsyncWebClient, group: str) -> frozenset[str] | None:
        cached = self._members.get(group)
        if cached is not None:
            return cached
        try:
            answer = await asyncio.wait_for(
                client.usergroups_users_list(usergroup=group), LOOKUP_TIMEOUT_SECONDS
            )
        except SLACK_FAILURES as exc:
            logger.warning(
                "Could not read the members of Slack user group %s (%s)",
                group,
                slack_error_code(exc),
            )
            return None
        users = answer.get("users")
        if not isinstance(users, list):
            return None
        members = frozenset(user for user in users if isinstance(user, str))
        self._members.put(group, members)
        return members
