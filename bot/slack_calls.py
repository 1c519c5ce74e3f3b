"""What can go wrong calling Slack, and how to name it without printing a token or a body."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

logger = logging.getLogger("lucca_training.slack")

# A Slack answer with ok=false, a connection or protocol failure, or our own time limit.
SLACK_FAILURES = (SlackClientError, aiohttp.ClientError, TimeoutError, OSError, ValueError)


def slack_error_code(exc: BaseException) -> str:
    """`expired_trigger_id`, `not_found`...: Slack's error code, or the kind of failure."""
    if isinstance(exc, SlackApiError):
        response = exc.response
        code = response.get("error") if response is not None else None
        return str(code) if code else f"HTTP {getattr(response, 'status_code', '?')}"
    if isinstance(exc, TimeoutError):
        return "timeout"
    return type(exc).__name__


async def update_view(
    client: AsyncWebClient, view_id: str, view: dict[str, Any], view_hash: object = None
) -> str | None:
    """Show `view` in the modal (in place of the one with `view_hash`, when given): the new
    view's hash ("" if Slack gave none), or None when Slack refused: `not_found` (the person
    closed the modal), `hash_conflict` (the modal changed meanwhile), or a failure."""
    arguments: dict[str, Any] = {"view_id": view_id, "view": view}
    if isinstance(view_hash, str) and view_hash:
        arguments["hash"] = view_hash
    try:
        answer = await client.views_update(**arguments)
    except SLACK_FAILURES as exc:
        logger.info("Could not update modal %s (%s)", view_id, slack_error_code(exc))
        return None
    new_hash = (answer.get("view") or {}).get("hash")
    return new_hash if isinstance(new_hash, str) else ""
