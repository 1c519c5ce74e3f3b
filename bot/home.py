"""The app's Home tab: a Create button, the user's recent creations, and short help.

Published with `views.publish` when the user opens the tab and again when one of their creations
finishes. It says plainly when the user may not create (and shows no button then).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.access import Access
from bot.form import mrkdwn_section, plain
from bot.recent import RecentCreation
from bot.slack_calls import SLACK_FAILURES, slack_error_code
from bot.strings import Texts, mrkdwn_escape
from tools.core.draft import TEXT_LIMITS

logger = logging.getLogger("lucca_training.slack")

RECENT_SHOWN = 10


def home_view(texts: Texts, access: Access, recent: list[RecentCreation] | None) -> dict[str, Any]:
    """`recent` None: the history could not be read (the store did not answer)."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": plain(texts.home_header)},
        mrkdwn_section(texts.home_intro),
    ]
    if access is Access.ALLOWED:
        button = {
            "type": "button",
            "action_id": ids.HOME_CREATE_ACTION,
            "text": plain(texts.home_create),
            "style": "primary",
            "value": "create",
        }
        blocks.append({"type": "actions", "elements": [button]})
    else:
        refusal = texts.home_refused if access is Access.REFUSED else texts.access_unknown
        blocks.append(mrkdwn_section(refusal))
    blocks += [{"type": "divider"}, mrkdwn_section(texts.home_recent_title)]
    if recent:
        blocks += [mrkdwn_section(_item(texts, item)) for item in recent[:RECENT_SHOWN]]
    else:
        note = texts.home_recent_none if recent is not None else texts.home_recent_unavailable
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    help_text = texts.home_help.format(
        title_limit=TEXT_LIMITS["title"],
        subtitle_limit=TEXT_LIMITS["subtitle"],
        description_limit=TEXT_LIMITS["description"],
    )
    blocks += [{"type": "divider"}, mrkdwn_section(help_text)]
    return {"type": "home", "blocks": blocks}


def _item(texts: Texts, item: RecentCreation) -> str:
    status = texts.home_status_ready if item.state == "Ready" else mrkdwn_escape(item.state)
    return texts.home_recent_item.format(
        id=item.id, title=mrkdwn_escape(item.title), status=status, when=_when(item.at)
    )


def _when(at: float) -> str:
    """Slack shows the date in the reader's time zone and language; the fallback is UTC."""
    fallback = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(at))
    return f"<!date^{int(at)}^{{date_short_pretty}} {{time}}|{fallback}>"


async def publish_home(client: AsyncWebClient, user_id: str, view: dict[str, Any]) -> None:
    try:
        await client.views_publish(user_id=user_id, view=view)
    except SLACK_FAILURES as exc:
        logger.info("Could not publish the Home tab of %s (%s)", user_id, slack_error_code(exc))
