"""The combined HTTP app of `lucca-training serve`: the one place both faces meet.

    /healthz        alive (no dependency checked)
    /slack/events   the Slack app in HTTP mode (needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)
    /mcp            MCP over streamable HTTP (token and Host/Origin checks in `tools.mcp_server`)

The process's one Lucca client is opened in the app's lifespan and shared by both faces; Slack
modules are imported only when Slack is configured.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from tools.cli.lucca_connection import check_lucca_settings, load_entry_settings, open_lucca_client
from tools.core.client import LuccaClient
from tools.mcp_server.http_app import MCP_PATH, mcp_http_app
from tools.mcp_server.server import build_mcp_server
from tools.mcp_server.settings import load_mcp_settings

logger = logging.getLogger("lucca_training")
SLACK_PATH = "/slack/events"


class _Running:
    """What exists only while the app runs: the Lucca client, and the Slack handler if any."""

    lucca: LuccaClient | None = None
    slack: Any = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """`/slack/events` (an ASGI instance: Starlette hands a plain function a Request)."""
        if self.slack is None:
            response = PlainTextResponse("Slack is not configured on this server.", 404)
            await response(scope, receive, send)
            return
        await self.slack(scope, receive, send)


def build_serve_app(*, host: str, port: int, sandbox: bool) -> Starlette:
    settings = load_entry_settings(sandbox=sandbox)
    check_lucca_settings(settings, sandbox=sandbox)
    mcp_settings = load_mcp_settings()
    slack_settings = _slack_settings()
    running = _Running()

    def current_lucca() -> nullcontext[LuccaClient]:
        assert running.lucca is not None, "the Lucca client opens before the MCP server starts"
        return nullcontext(running.lucca)

    mcp = build_mcp_server(mcp_settings, current_lucca, public_url=f"http://{host}:{port}")
    mcp_app = mcp_http_app(mcp, mcp_settings, host=host)
    if not mcp_settings.auth_tokens():
        logger.warning("MCP_AUTH_TOKENS is not set: /mcp is open to anyone who can reach %s", host)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with open_lucca_client(settings, sandbox=sandbox) as lucca:
            running.lucca = lucca
            if slack_settings is not None:
                running.slack = _slack_handler(slack_settings, lucca)
            try:
                async with mcp.session_manager.run():
                    logger.info(
                        "Serving on http://%s:%s (MCP at %s%s)",
                        host,
                        port,
                        MCP_PATH,
                        f", Slack at {SLACK_PATH}" if slack_settings is not None else "",
                    )
                    yield
            finally:
                if running.slack is not None:  # let creations in flight finish first
                    await running.slack.drain()
                running.lucca = running.slack = None

    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route(SLACK_PATH, running, methods=["POST"]),
        Mount("/", app=mcp_app),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


async def healthz(_: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def _slack_settings() -> Any:
    from bot.settings import load_slack_settings

    slack = load_slack_settings()
    secrets = (slack.slack_bot_token, slack.slack_signing_secret)
    if not any(secret and secret.get_secret_value().strip() for secret in secrets):
        return None  # Slack not configured here: serve MCP alone
    slack.require_http_mode()  # one of the two set without the other is a mistake to report
    return slack


def _slack_handler(slack_settings: Any, lucca: LuccaClient) -> Any:
    from bot.app import build_slack_app
    from bot.http_mode import slack_events_asgi

    return slack_events_asgi(build_slack_app(slack_settings, lucca))
