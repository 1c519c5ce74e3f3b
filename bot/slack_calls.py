"""What can go wrong calling Slack, and how to name it without printing a token or a body."""

from __future__ import annotations

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError

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
