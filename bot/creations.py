"""Creations in flight and done, one per submitted modal: the guard against creating twice.

A valid submission registers its view (and user) here before it is acknowledged, then the creation
runs as a task this registry owns: it calls the core, shows the result with `views.update`, and
sends the durable messages (a DM, and a note in the channel the command came from). A second
submission of the same view, while the first is running or after it succeeded (a double click, a
retried request), gets the same view back and creates nothing. A failed creation leaves the
registry, so that submitting the restored form is a new attempt.

The registry lives in this process; several replicas would need a shared one (not built here).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.drafting.strings import drafting_texts
from bot.drafting.views import form_extras
from bot.failures import failure_report
from bot.form import form_view
from bot.form_context import FormContext
from bot.form_values import FormValues
from bot.slack_calls import SLACK_FAILURES, slack_error_code, update_view
from bot.strings import Texts, mrkdwn_escape
from bot.thread_reply import reply_in_thread
from bot.views import channel_note, created_message, creating_view, result_view
from tools.core.draft import TrainingDraft
from tools.core.errors import DuplicateCheckIncomplete, DuplicateTraining, TrainingError
from tools.core.events import Caller
from tools.core.result import CreatedTraining
from tools.core.trainings import Trainings

logger = logging.getLogger("lucca_training.slack")

# Slack applies our `response_action: update` when it reads our answer; a `views.update` that
# overtook it would be overwritten by the "Creating..." view. Lucca takes longer than this anyway.
SETTLE_SECONDS = 0.3
# A creation starts this long after its acknowledgement: in a burst of submissions, answering
# Slack within its 3 seconds comes first, and a creation has no deadline of its own.
START_DELAY_SECONDS = 0.2
KEEP_DONE_SECONDS = 3600.0


@dataclass(frozen=True)
class Submission:
    view_id: str
    values: FormValues
    draft: TrainingDraft
    context: FormContext
    texts: Texts

    team_id: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.view_id, self.context.user_id)

    @property
    def caller(self) -> Caller:
        return Caller(face="slack", who=self.context.user_id, team=self.team_id)


@dataclass
class _Entry:
    view: dict[str, Any]  # what a repeated submission is answered with
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None


class Creations:
    def __init__(
        self,
        trainings: Trainings,
        *,
        settle_seconds: float = SETTLE_SECONDS,
        start_delay: float = START_DELAY_SECONDS,
        with_drafting: bool = False,  # a restored form keeps its "Draft with AI" button
        on_created: Callable[[AsyncWebClient, Submission, CreatedTraining], Awaitable[None]]
        | None = None,  # told of each success (the Home tab's recent creations)
    ) -> None:
        self._on_created = on_created
        self._trainings = trainings
        self._with_drafting = with_drafting
        self._settle_seconds = settle_seconds
        self._start_delay = start_delay
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def view_for_repeat(self, view_id: str, user_id: str) -> dict[str, Any] | None:
        """The creating or result view, if this modal was already submitted and has not failed."""
        self._forget_old()
        entry = self._entries.get((view_id, user_id))
        return entry.view if entry is not None else None

    def start(self, client: AsyncWebClient, submission: Submission) -> dict[str, Any]:
        """Register the submission and start creating; the "Creating..." view to answer with.

        Synchronous on purpose: nothing can run between the check and the registration.
        """
        existing = self.view_for_repeat(*submission.key)
        if existing is not None:
            return existing
        view = creating_view(submission.texts, submission.draft.title)
        entry = self._entries[submission.key] = _Entry(view)
        task = asyncio.create_task(self._create(client, submission, entry))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return view

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait (bounded) for creations in flight, so that shutting down does not cut one short."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    async def _create(self, client: AsyncWebClient, submission: Submission, entry: _Entry) -> None:
        await asyncio.sleep(self._start_delay)
        try:
            created = await self._trainings.create(
                submission.draft,
                caller=submission.caller,
                allow_duplicate=bool(submission.values.allow_duplicate),
            )
        except TrainingError as error:
            await self._failed(client, submission, entry, error)
            return
        except Exception as error:  # a bug of ours: the user must still learn the outcome
            logger.exception("Creating a training from Slack failed unexpectedly")
            await self._failed(client, submission, entry, error)
            return
        logger.info("Created training #%s for Slack user %s", created.id, submission.key[1])
        entry.view = result_view(submission.texts, created)
        entry.finished = time.monotonic()
        await self._settle(entry)
        await asyncio.gather(
            self._update(client, submission.view_id, entry.view),
            self._tell(client, submission, created),
            *([self._on_created(client, submission, created)] if self._on_created else []),
        )

    async def _failed(
        self, client: AsyncWebClient, submission: Submission, entry: _Entry, error: BaseException
    ) -> None:
        kind = getattr(error, "kind", "internal")
        logger.warning("Slack user %s: training not created (%s)", submission.key[1], kind)
        self._entries.pop(submission.key, None)
        report = failure_report(submission.texts, error, submission.values)
        values = submission.values
        if isinstance(error, DuplicateTraining | DuplicateCheckIncomplete):
            values = replace(values, allow_duplicate=False)  # offer the "create anyway" box
        form = form_view(
            submission.texts,
            values,
            private_metadata=submission.context.encode(),
            notices=[report.notice],
            field_notes=report.field_notes,
            extra_blocks=(
                form_extras(drafting_texts(submission.texts.language))
                if self._with_drafting
                else None
            ),
        )
        await self._settle(entry)
        if not await self._update(client, submission.view_id, form):
            await self._post_failure(client, submission, report.notice)

    async def _settle(self, entry: _Entry) -> None:
        remaining = self._settle_seconds - (time.monotonic() - entry.started)
        if remaining > 0:
            await asyncio.sleep(remaining)

    async def _update(self, client: AsyncWebClient, view_id: str, view: dict[str, Any]) -> bool:
        # Not shown (the user closed the modal): the direct message carries the outcome.
        return await update_view(client, view_id, view) is not None

    async def _tell(
        self, client: AsyncWebClient, submission: Submission, created: CreatedTraining
    ) -> None:
        texts, context = submission.texts, submission.context
        dm_channel = await self._post(client, context.user_id, created_message(texts, created))
        from_channel = context.channel_id and context.channel_id != dm_channel
        if context.response_url and from_channel and created.outcome != "existing":
            await _respond(context.response_url, channel_note(texts, created))
        to_everyone = bool(submission.values.share_in_thread)
        await reply_in_thread(client, context, texts, created, to_everyone=to_everyone)

    async def _post_failure(self, client: AsyncWebClient, submission: Submission, notice: str):
        """The modal is gone: the reason, and everything typed, go to the user by DM."""
        texts, values = submission.texts, submission.values
        lines = [
            texts.dm_failed.format(title=mrkdwn_escape(values.title or ""), reason=notice),
            texts.typed_values,
            _typed_values_text(submission),
        ]
        await self._post(client, submission.context.user_id, "\n".join(lines))

    async def _post(self, client: AsyncWebClient, user_id: str, text: str) -> str | None:
        """A direct message from the app; the DM channel's id, or None if it failed."""
        try:
            answer = await client.chat_postMessage(channel=user_id, text=text)
        except SLACK_FAILURES as exc:
            logger.warning("Could not message Slack user %s (%s)", user_id, slack_error_code(exc))
            return None
        channel = answer.get("channel")
        return channel if isinstance(channel, str) else None

    def _forget_old(self) -> None:
        now = time.monotonic()
        for key, entry in list(self._entries.items()):
            if entry.finished is not None and now - entry.finished > KEEP_DONE_SECONDS:
                del self._entries[key]


async def _respond(response_url: str, text: str) -> None:
    """An ephemeral note where the command was typed, through the command's response_url."""
    try:
        answer = await AsyncWebhookClient(response_url).send(
            text=text, response_type="ephemeral", replace_original=False
        )
    except SLACK_FAILURES as exc:
        logger.info("Could not post the note in the channel (%s)", slack_error_code(exc))
        return
    if answer.status_code != 200:
        logger.info("Could not post the note in the channel (HTTP %s)", answer.status_code)


def _typed_values_text(submission: Submission) -> str:
    """The form's values as a code block, escaped: long, but nothing typed is lost."""
    values = submission.values
    fields = [
        ("title", values.title),
        ("subtitle", values.subtitle),
        ("description", values.joined_description),
        ("level", values.level),
        ("type", values.type),
        ("isCertifying", values.certifying),
        ("isMandatory", values.mandatory),
        ("providerId", values.provider_id or (values.provider.value if values.provider else None)),
        ("categoryId", values.category_id or (values.category.value if values.category else None)),
    ]
    text = "\n".join(f"{name}: {value}" for name, value in fields if value is not None)
    return "```\n" + mrkdwn_escape(text.replace("```", "'''")) + "\n```"
