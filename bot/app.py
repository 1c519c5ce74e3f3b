"""The Slack app: a Bolt `AsyncApp` wired to the core, for Socket Mode and HTTP mode alike.

`build_slack_app` is the one entry: it returns a `SlackFace`, the Bolt app with the services its
listeners share (the creations in flight among them); `register` is the one place that knows which
Slack ids go to which listener. The app talks to Slack through an `AsyncWebClient` whose base URL
comes from SLACK_API_URL (tests point it at a local fake Slack) and to Lucca through the process's
one `Trainings`, which the caller owns and closes.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.access import AccessPolicy
from bot.catalog_options import CATEGORIES, PROVIDERS, CatalogOptions
from bot.creations import SETTLE_SECONDS, START_DELAY_SECONDS, Creations
from bot.drafting.conversation import answer_in_thread, open_form_from_draft
from bot.drafting.modal import draft_in_form
from bot.listeners.commands import open_training_form
from bot.listeners.home import creation_finished, show_home
from bot.listeners.options import answer_options
from bot.listeners.shortcuts import open_empty_form, open_form_from_message
from bot.listeners.submissions import submit_training_form
from bot.listeners.workflow_step import run_workflow_step
from bot.locale import UserLanguages
from bot.recent import CreationsSeenHere, RecentCreations
from bot.services import Services
from bot.settings import SlackSettings
from tools.core.result import CreatedTraining
from tools.core.trainings import Trainings
from tools.drafting.client import ModelClient
from tools.drafting.drafter import Drafter
from tools.drafting.settings import LlmConnection
from tools.state.journal import SlackJournal
from tools.state.slack_history import StoredCreations
from tools.state.store import Store

logger = logging.getLogger("lucca_training.slack")

SLACK_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class SlackFace:
    """The Slack app and what its listeners share; it owns the creations it started."""

    app: AsyncApp
    services: Services

    @property
    def in_flight(self) -> int:
        return self.services.creations.in_flight

    async def drain(self, timeout: float = 10.0) -> None:
        """On shutdown: let the creations in flight finish (bounded), so none is cut short."""
        await self.services.creations.drain(timeout)

    async def run_worker(self) -> None:
        """Until cancelled: finish the journal's submissions whose process died."""
        await self.services.creations.run_worker(self.app.client)


def build_slack_app(
    settings: SlackSettings,
    trainings: Trainings,
    *,
    settle_seconds: float = SETTLE_SECONDS,
    start_delay: float = START_DELAY_SECONDS,
    llm: LlmConnection | None = None,
    store: Store | None = None,
) -> SlackFace:
    """The Slack face, ready for `slack_events_asgi` (HTTP mode) or `run_socket_mode`.

    `settle_seconds` and `start_delay` pace a creation around its acknowledgement (see
    `bot.creations`); tests shorten them. Without SLACK_SIGNING_SECRET (Socket Mode needs
    none), HTTP requests are checked against a random secret nobody knows, so that an unset
    secret can never mean "accept anything". `llm` (from `tools.drafting.settings`) turns on
    drafting with a language model; its calls share the Lucca client's `httpx.AsyncClient`.
    `store` (`tools.state`) keeps the journal of submissions and the Home tab's history across
    crashes and replicas; without one, this process's memory does.
    """
    client = AsyncWebClient(
        token=settings.bot_token(),
        base_url=settings.slack_api_url,
        timeout=int(SLACK_TIMEOUT_SECONDS),
    )
    app = AsyncApp(
        name="lucca-training",
        client=client,
        signing_secret=settings.signing_secret() or secrets.token_hex(32),
    )
    access = AccessPolicy(settings.slack_allowed_users, settings.slack_allowed_usergroups)
    if access.open_to_everyone:
        logger.warning(
            "Everyone in the Slack workspace may create trainings: set SLACK_ALLOWED_USERS "
            "and/or SLACK_ALLOWED_USERGROUPS to restrict it"
        )

    journal, recent = _kept_in(store)

    async def on_created(client: AsyncWebClient, submission, created: CreatedTraining) -> None:
        user_id = submission.context.user_id
        await creation_finished(services, client, submission.team_id, user_id, created)

    services = Services(
        access=access,
        languages=UserLanguages(),
        catalog=CatalogOptions(trainings.catalog),
        creations=Creations(
            trainings,
            journal=journal,
            settle_seconds=settle_seconds,
            start_delay=start_delay,
            with_drafting=llm is not None,
            on_created=on_created,
        ),
        trainings=trainings,
        recent=recent,
        drafting=Drafter(ModelClient(trainings.client.http, llm)) if llm is not None else None,
    )
    register(app, services)
    return SlackFace(app, services)


def _kept_in(store: Store | None) -> tuple[SlackJournal | None, RecentCreations]:
    """The journal and the Home tab's history: on the store, or in this process's memory."""
    if store is None:
        return None, CreationsSeenHere()
    return SlackJournal(store), StoredCreations(store)


def register(app: AsyncApp, services: Services) -> None:
    """Slack ids to listeners; the listeners themselves know nothing of Bolt's routing."""

    @app.command(ids.COMMAND)
    async def on_command(ack, body, client, respond, request: AsyncBoltRequest) -> None:
        retried = retry_number(request) > 0
        await open_training_form(
            services, ack=ack, body=body, client=client, respond=respond, retried=retried
        )

    @app.shortcut(ids.MESSAGE_SHORTCUT)
    async def on_message_shortcut(ack, body, client) -> None:
        await open_form_from_message(services, ack=ack, body=body, client=client)

    @app.shortcut(ids.GLOBAL_SHORTCUT)
    async def on_global_shortcut(ack, body, client) -> None:
        await open_empty_form(services, ack=ack, body=body, client=client)

    @app.action(ids.HOME_CREATE_ACTION)
    async def on_home_create(ack, body, client) -> None:
        await open_empty_form(services, ack=ack, body=body, client=client)

    @app.event("app_home_opened")
    async def on_home_opened(event, body, client) -> None:
        await show_home(services, event=event, body=body, client=client)

    @app.function(ids.WORKFLOW_FUNCTION)
    async def on_workflow_step(inputs, body, client, complete, fail) -> None:
        await run_workflow_step(
            services, inputs=inputs, body=body, client=client, complete=complete, fail=fail
        )

    @app.options(ids.PROVIDER_ACTION)
    async def on_provider_options(ack, body) -> None:
        await answer_options(services.catalog, PROVIDERS, ack=ack, body=body)

    @app.options(ids.CATEGORY_ACTION)
    async def on_category_options(ack, body) -> None:
        await answer_options(services.catalog, CATEGORIES, ack=ack, body=body)

    @app.view(ids.FORM_CALLBACK)
    async def on_submit(ack, body, client) -> None:
        await submit_training_form(services, ack=ack, body=body, client=client)

    # Conversations: Bolt acknowledges events before these run. The manifest subscribes to them
    # whether or not a model is set, so they are always answered (200), and ignored without one.
    @app.event("message")
    async def on_message(event, client, context, request: AsyncBoltRequest) -> None:
        await _converse(event, client, context, request)

    @app.event("app_mention")
    async def on_mention(event, client, context, request: AsyncBoltRequest) -> None:
        await _converse(event, client, context, request)

    async def _converse(event, client, context, request: AsyncBoltRequest) -> None:
        if services.drafting is None or retry_number(request) > 0:
            return  # no model; or Slack re-sent an event we are already answering
        await answer_in_thread(
            services,
            services.drafting,
            event=event,
            client=client,
            bot_user_id=context.bot_user_id,
            bot_id=context.bot_id,
        )

    if services.drafting is None:
        return
    drafter = services.drafting

    @app.action(ids.DRAFT_ACTION)
    async def on_draft(ack, body, client) -> None:
        await draft_in_form(drafter, ack=ack, body=body, client=client)

    @app.action(ids.OPEN_DRAFT_ACTION)
    async def on_open_draft(ack, body, client, respond) -> None:
        await open_form_from_draft(services, ack=ack, body=body, client=client, respond=respond)


def retry_number(request: AsyncBoltRequest) -> int:
    """Slack's `X-Slack-Retry-Num` (Socket Mode sends `0` on a first attempt): 0 when absent."""
    values = request.headers.get("x-slack-retry-num") or ["0"]
    text = values[0] if isinstance(values, list | tuple) else values
    return int(text) if isinstance(text, str) and text.strip().isdigit() else 0
