"""Socket Mode: the app opens a WebSocket to Slack, so no public URL is needed.

Both tokens are checked before connecting (`auth.test`, then the WebSocket URL from
`apps.connections.open`): a wrong one is a clear error at start, where Slack's client would
otherwise retry forever. On the way out, creations in flight are given time to finish.
"""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.errors import SlackApiError

from bot.app import SlackFace
from bot.slack_calls import SLACK_FAILURES, slack_error_code
from tools.core.errors import ConfigurationError, TrainingError

logger = logging.getLogger("lucca_training.slack")


class SlackUnreachable(TrainingError):
    kind = "slack_unreachable"


async def run_socket_mode(
    face: SlackFace, app_token: str, *, stop: asyncio.Event | None = None
) -> None:
    """Serve Slack over Socket Mode until `stop` is set (or forever).

    Raises `ConfigurationError` when Slack refuses a token, `SlackUnreachable` when it cannot be
    reached at all.
    """
    app = face.app
    handler = AsyncSocketModeHandler(app, app_token)
    try:
        identity = await _checked(app.client.auth_test(), "SLACK_BOT_TOKEN")
        handler.client.wss_uri = await _checked(
            handler.client.issue_new_wss_url(), "SLACK_APP_TOKEN"
        )
        await handler.connect_async()
        logger.info(
            "Connected to Slack in Socket Mode as %s; /training-create is ready",
            identity.get("user") or "the app",
        )
        await (stop or asyncio.Event()).wait()
    finally:
        await handler.close_async()
        await face.drain()


async def _checked(call, variable: str):
    try:
        return await call
    except SlackApiError as exc:
        raise ConfigurationError(
            f"Slack refused {variable} ({slack_error_code(exc)}).",
            f"Check {variable} in your Slack app's settings (see docs/slack.md).",
        ) from None
    except SLACK_FAILURES as exc:
        raise SlackUnreachable(
            f"Could not reach Slack ({slack_error_code(exc)}).",
            "Check SLACK_API_URL and the network, then try again.",
        ) from None
