"""The combined HTTP app of `lucca-training serve`: the one place both faces meet.

    /healthz        alive (no dependency checked)
    /readyz         ready: the store answers, settings work and Lucca answers (Lucca: at most
                    once a minute)
    /metrics        Prometheus metrics (creations, Lucca latency, rate-limit waits, requests)
    /slack/events   the Slack app in HTTP mode (needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)
    /mcp            MCP over streamable HTTP (token and Host/Origin checks in `tools.mcp_server`)

The store (`tools.state`, STATE_URL) and the process's one `Trainings` are opened in the app's
lifespan and shared by both faces; the Slack journal's worker runs there too. Slack
modules are imported only when Slack is configured. Every request gets a request id and is
counted; every creation attempt is audited and counted (core events). On shutdown, the lifespan
waits for the Slack creations still running, within what is left of the shutdown budget.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from tools.core import events
from tools.core.trainings import Trainings
from tools.mcp_server.http_app import MCP_PATH, mcp_http_app
from tools.mcp_server.oauth import build_auth
from tools.mcp_server.server import build_mcp_server
from tools.mcp_server.settings import load_mcp_settings
from tools.ops import json_logs
from tools.ops.audit import audit_listener
from tools.ops.http_middleware import OperationsMiddleware
from tools.ops.metrics import CONTENT_TYPE, Metrics
from tools.ops.readiness import Readiness
from tools.ops.settings import DEFAULT_SHUTDOWN_GRACE_SECONDS
from tools.ops.shutdown import ShutdownBudget
from tools.state.settings import load_state_settings
from tools.state.store import Store, open_store, unreachable_reason
from tools.wiring.log_secrets import register_secrets
from tools.wiring.lucca_connection import check_lucca_settings, load_entry_settings, open_trainings

logger = logging.getLogger("lucca_training")
SLACK_PATH = "/slack/events"
HEALTH_PATHS = ("/healthz", "/readyz", "/metrics")


class _Running:
    """What exists only while the app runs: the core's entry, the Slack handler, readiness."""

    trainings: Trainings | None = None
    store: Store | None = None
    slack: Any = None
    readiness: Readiness | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """`/slack/events` (an ASGI instance: Starlette hands a plain function a Request)."""
        if self.slack is None:
            response = PlainTextResponse("Slack is not configured on this server.", 404)
            await response(scope, receive, send)
            return
        await self.slack(scope, receive, send)


def face_of(path: str) -> str:
    """The face a request path belongs to, for logs and metrics (a small, fixed set)."""
    if path == MCP_PATH or path.startswith(MCP_PATH + "/"):
        return "mcp"
    if path == SLACK_PATH:
        return "slack"
    return "health" if path in HEALTH_PATHS else "other"


def build_serve_app(
    *, host: str, port: int, sandbox: bool, shutdown: ShutdownBudget | None = None
) -> Starlette:
    settings = load_entry_settings(sandbox=sandbox)
    check_lucca_settings(settings, sandbox=sandbox)
    mcp_settings = load_mcp_settings()
    state_url = load_state_settings().url(sandbox=sandbox)
    slack_settings = _slack_settings()
    llm = _llm_connection() if slack_settings is not None else None  # drafting, in Slack only
    register_secrets(settings, state_url=state_url, mcp=mcp_settings, slack=slack_settings, llm=llm)
    shutdown = shutdown or ShutdownBudget(DEFAULT_SHUTDOWN_GRACE_SECONDS)
    running = _Running()
    metrics = Metrics()

    def current_trainings() -> nullcontext[Trainings]:
        assert running.trainings is not None, "the core opens before the MCP server starts"
        return nullcontext(running.trainings)

    auth = build_auth(mcp_settings, host=host, port=port)  # reaches the OAuth issuer, if any
    mcp = build_mcp_server(mcp_settings, current_trainings, auth=auth)
    mcp_app = mcp_http_app(mcp, mcp_settings, host=host, auth=auth)
    if auth is None:
        logger.warning("MCP_AUTH_TOKENS is not set: /mcp is open to anyone who can reach %s", host)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        unsubscribe = [events.subscribe(metrics.on_event), events.subscribe(audit_listener)]
        try:
            async with (
                open_store(state_url) as store,
                open_trainings(settings, sandbox=sandbox, store=store) as trainings,
            ):
                json_logs.secrets.add(trainings.client.api_key)  # the sandbox's fresh key, too
                running.trainings, running.readiness = trainings, Readiness(trainings.client)
                running.store = store
                worker = None
                if slack_settings is not None:
                    running.slack = _slack_handler(slack_settings, trainings, llm, store)
                    worker = asyncio.create_task(running.slack.face.run_worker())
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
                    shutdown.begin()
                    if worker is not None:
                        worker.cancel()  # takes nothing new; what it started is drained
                    await _drain(running, shutdown)
                    running.trainings = running.slack = running.readiness = running.store = None
        finally:
            for stop in unsubscribe:
                stop()

    async def readyz(_: Request) -> JSONResponse:
        if shutdown.stopping or running.readiness is None:
            return JSONResponse({"status": "not ready", "reason": "shutting down"}, 503)
        store_down = await unreachable_reason(running.store) if running.store else None
        if store_down is not None:
            return JSONResponse({"status": "not ready", "reason": store_down}, 503)
        state = await running.readiness.check()
        body = state.as_json(running.readiness.clock())
        return JSONResponse(body, 200 if state.ready else 503)

    async def metrics_page(_: Request) -> Response:
        return Response(metrics.exposition(), media_type=CONTENT_TYPE)

    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics_page, methods=["GET"]),
        Route(SLACK_PATH, running, methods=["POST"]),
        Mount("/", app=mcp_app),
    ]
    middleware = [Middleware(OperationsMiddleware, metrics=metrics, face_of=face_of)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


async def healthz(_: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def _drain(running: _Running, shutdown: ShutdownBudget) -> None:
    """Let the Slack creations in flight finish (MCP calls are requests: the server waited)."""
    if running.slack is None:
        return
    face = running.slack.face
    if face.in_flight:
        budget = shutdown.remaining()
        logger.info(
            "Waiting up to %.0f s for %d Slack creation(s) in flight", budget, face.in_flight
        )
        await face.drain(budget)
        left = face.in_flight
        if left:
            logger.error("Stopped with %d Slack creation(s) still running", left)


def _slack_settings() -> Any:
    from bot.settings import load_slack_settings

    slack = load_slack_settings()
    secrets = (slack.slack_bot_token, slack.slack_signing_secret)
    if not any(secret and secret.get_secret_value().strip() for secret in secrets):
        return None  # Slack not configured here: serve MCP alone
    slack.require_http_mode()  # one of the two set without the other is a mistake to report
    return slack


def _llm_connection() -> Any:
    """The model the Slack app drafts with (LLM_*), None when unset; an error when half set."""
    from tools.drafting.settings import load_llm_settings

    return load_llm_settings().connection()


def _slack_handler(slack_settings: Any, trainings: Trainings, llm: Any, store: Store) -> Any:
    from bot.app import build_slack_app
    from bot.http_mode import slack_events_asgi

    face = build_slack_app(slack_settings, trainings, llm=llm, store=store)
    return slack_events_asgi(face)
