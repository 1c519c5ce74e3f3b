"""Creations in flight and done, one per submitted modal: the guard against creating twice.

A valid submission is written to the journal (`tools.state.journal`, keyed by view and user)
before it is acknowledged; then the creation runs as a task this object owns, holding the entry's
lease: it calls the core, shows the result with `views.update`, and sends the durable messages (a
DM, and a note in the channel the command came from). A second submission of the same view, on
any replica, while the first is running or after it succeeded (a double click, a retried
request), gets the same view back and creates nothing. A failed creation leaves the journal, so
that submitting the restored form is a new attempt.

The worker (`run_worker`, one per replica) takes the entries whose process died: their lease
lapsed. It settles each through the core, whose catalog lookup comes first (found: that training
is the result; not found: it is created), and shows the result as the first process would have.
Without a store, the journal is this process's memory (`tools.state.memory_journal`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.drafting.strings import drafting_texts
from bot.drafting.views import form_extras
from bot.failures import failure_report
from bot.form import form_view
from bot.form_context import FormContext
from bot.form_values import FormValues
from bot.journal_records import submission_parts, submission_record
from bot.slack_calls import SLACK_FAILURES, slack_error_code, update_view
from bot.strings import Texts, mrkdwn_escape, texts
from bot.thread_reply import reply_in_thread
from bot.views import channel_note, created_message, creating_view, result_view
from tools.core.draft import TrainingDraft
from tools.core.errors import DuplicateCheckIncomplete, DuplicateTraining, TrainingError
from tools.core.events import Caller
from tools.core.result import CreatedTraining
from tools.core.trainings import Trainings
from tools.state.journal import RENEW_SECONDS, JournalEntry, SlackJournal
from tools.state.memory_journal import MemoryJournal
from tools.state.store import StoreUnavailable

logger = logging.getLogger("lucca_training.slack")

# Slack applies our `response_action: update` when it reads our answer; a `views.update` that
# overtook it would be overwritten by the "Creating..." view. Lucca takes longer than this anyway.
SETTLE_SECONDS = 0.3
# A creation starts this long after its acknowledgement: in a burst of submissions, answering
# Slack within its 3 seconds comes first, and a creation has no deadline of its own.
START_DELAY_SECONDS = 0.2
KEEP_DONE_SECONDS = 3600.0  # a finished entry answers repeats this long, then is removed
READ_ATTEMPTS = 3  # takeovers of an entry this version cannot read, before it is given up
POLL_SECONDS = 1.0  # how often a worker looks for entries whose process died
PURGE_EVERY_SECONDS = 60.0


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


class Creations:
    def __init__(
        self,
        trainings: Trainings,
        *,
        journal: SlackJournal | MemoryJournal | None = None,
        settle_seconds: float = SETTLE_SECONDS,
        start_delay: float = START_DELAY_SECONDS,
        with_drafting: bool = False,  # a restored form keeps its "Draft with AI" button
        on_created: Callable[[AsyncWebClient, Submission, CreatedTraining], Awaitable[None]]
        | None = None,  # told of each success (the Home tab's recent creations)
    ) -> None:
        self._on_created = on_created
        self._trainings = trainings
        self.journal = journal if journal is not None else MemoryJournal()
        self._with_drafting = with_drafting
        self._settle_seconds = settle_seconds
        self._start_delay = start_delay
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self, client: AsyncWebClient, submission: Submission) -> dict[str, Any]:
        """Write the submission to the journal and start creating; the "Creating..." view to
        answer with, or the view of the same submission already there. `StoreUnavailable` when
        the journal cannot be written: nothing was started."""
        view = creating_view(submission.texts, submission.draft.title)
        existing = await self.journal.record(
            submission.view_id,
            submission.context.user_id,
            submission.team_id,
            submission_record(submission),
            view,
        )
        if existing is not None:
            return existing.view
        self._spawn(self._create(client, submission, started=time.monotonic()))
        return view

    async def take_over(self, client: AsyncWebClient) -> int:
        """Start the entries whose process died (their lease lapsed); how many. An entry this
        version cannot read (written by a newer one during a rolling deploy, say) is left for a
        replica that can, `READ_ATTEMPTS` times; then it is given up and its user told."""
        entries = await self.journal.take_expired()
        for entry in entries:
            logger.info("Taking over the Slack submission of user %s", entry.user_id)
            try:
                submission = _submission_of(entry)
            except Exception:
                await self._unreadable(client, entry)
                continue
            self._spawn(self._create(client, submission, started=0.0, taken_over=True))
        return len(entries)

    async def _unreadable(self, client: AsyncWebClient, entry: JournalEntry) -> None:
        if entry.attempts < READ_ATTEMPTS:
            logger.warning("A Slack journal entry could not be read here; left for another replica")
            return  # its lease lapses again, and any replica may take it
        logger.exception("A Slack journal entry could not be read; it is given up")
        await self.journal.fail(entry.view_id, entry.user_id)
        values = entry.submission.get("values") if isinstance(entry.submission, dict) else None
        title = values.get("title") if isinstance(values, dict) else None
        words = texts(None)  # its language is in the part that could not be read
        reason = words.failure["internal"].format(title=mrkdwn_escape(str(title or "?")))
        await self._post(client, entry.user_id, reason)

    async def run_worker(self, client: AsyncWebClient, poll_seconds: float = POLL_SECONDS) -> None:
        """Until cancelled: take over what died, and remove what finished long ago."""
        loop = asyncio.get_running_loop()
        purged_at, down = loop.time(), False
        while True:
            try:
                await self.take_over(client)
                if loop.time() - purged_at > PURGE_EVERY_SECONDS:
                    await self.journal.purge(KEEP_DONE_SECONDS)
                    purged_at = loop.time()
                if down:
                    logger.info("The store answers again: Slack submissions resume")
                down = False
            except StoreUnavailable as exc:
                if not down:
                    logger.warning("The store is unavailable; Slack submissions wait: %s", exc)
                down = True
            except Exception:  # a bug of ours must not stop the takeovers for good
                logger.exception("The Slack journal's worker failed; it goes on")
            await asyncio.sleep(poll_seconds)

    def _spawn(self, work: Any) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait (bounded) for creations in flight, so that shutting down does not cut one short."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    async def _create(
        self,
        client: AsyncWebClient,
        submission: Submission,
        *,
        started: float,
        taken_over: bool = False,
    ) -> None:
        if not taken_over:
            await asyncio.sleep(self._start_delay)
        # Held until the journal says finished or failed: answering (the view, the DM, the
        # thread) can take Slack seconds, and a lapsed lease would have it all done twice.
        lease = asyncio.create_task(self._keep_lease(submission))
        try:
            await self._create_and_answer(client, submission, started, taken_over)
        finally:
            lease.cancel()

    async def _create_and_answer(
        self, client: AsyncWebClient, submission: Submission, started: float, taken_over: bool
    ) -> None:
        try:
            created = await self._run_core(submission, taken_over=taken_over)
        except TrainingError as error:
            await self._failed(client, submission, started, error)
            return
        except Exception as error:  # a bug of ours: the user must still learn the outcome
            logger.exception("Creating a training from Slack failed unexpectedly")
            await self._failed(client, submission, started, error)
            return
        logger.info("Created training #%s for Slack user %s", created.id, submission.key[1])
        view = result_view(submission.texts, created)
        await self._journal_write(self.journal.show(*submission.key, view))  # for repeats
        await self._settle(started)
        await asyncio.gather(
            self._update(client, submission.view_id, view),
            self._tell(client, submission, created),
            *([self._on_created(client, submission, created)] if self._on_created else []),
        )
        # Shown first, then finished: a crash in between shows it again, never not at all.
        await self._journal_write(self.journal.finish(*submission.key, view))

    async def _run_core(self, submission: Submission, *, taken_over: bool) -> CreatedTraining:
        allow_duplicate = bool(submission.values.allow_duplicate)
        if not taken_over:
            return await self._trainings.create(
                submission.draft, caller=submission.caller, allow_duplicate=allow_duplicate
            )
        # The process that died may have created it: the catalog says first. Only content that
        # differs there may be a duplicate the user asked for.
        try:
            created = await self._trainings.create(submission.draft, caller=submission.caller)
        except DuplicateTraining:
            if not allow_duplicate:
                raise
            return await self._trainings.create(
                submission.draft, caller=submission.caller, allow_duplicate=True
            )
        return (
            created.model_copy(update={"outcome": "recovered"})
            if (created.outcome == "existing")
            else created
        )

    async def _keep_lease(self, submission: Submission) -> None:
        """Renew the entry's lease while the creation runs and is answered, so no worker takes
        it over; stop when it is no longer this process's (taken over after a long outage)."""
        while True:
            await asyncio.sleep(RENEW_SECONDS)
            try:
                if not await self.journal.renew(*submission.key):
                    logger.warning("A Slack submission's lease was taken over by another worker")
                    return
            except StoreUnavailable as exc:
                logger.warning("Could not renew a Slack submission's lease: %s", exc)

    async def _journal_write(self, write: Any) -> None:
        try:
            await write
        except StoreUnavailable as exc:  # the lease lapses: a worker settles it again later
            logger.warning("Could not write the Slack journal: %s", exc)

    async def _failed(
        self, client: AsyncWebClient, submission: Submission, started: float, error: BaseException
    ) -> None:
        kind = getattr(error, "kind", "internal")
        logger.warning("Slack user %s: training not created (%s)", submission.key[1], kind)
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
        await self._journal_write(self.journal.fail(*submission.key))  # a resubmit is new
        await self._settle(started)
        if not await self._update(client, submission.view_id, form):
            await self._post_failure(client, submission, report.notice)

    async def _settle(self, started: float) -> None:
        remaining = self._settle_seconds - (time.monotonic() - started)
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


def _submission_of(entry: JournalEntry) -> Submission:
    values, draft, context, words = submission_parts(entry.submission, entry.user_id)
    return Submission(entry.view_id, values, draft, context, words, team_id=entry.team_id)


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
