"""`Trainings`: the core's one entry, built once per process around its `LuccaClient`.

Faces turn their input into a `TrainingDraft` (`intake.accept_draft`), call `create`, `preview`
or a read (`catalog`), and translate the `CreatedTraining`, `DraftPreview` or `TrainingError`
back. Nothing here knows about MCP, Slack or the command line.

The path of a creation: the title's turn in this process, and its lease across replicas when a
shared store gives one (`coordination.TitleLease`) -> the catalog's trainings with that
title (`TitleLookups`) -> the same content there: its result, nothing sent; other content:
`DuplicateTraining`; a catalog that could not be read in full: `DuplicateCheckIncomplete` -> one
POST (`LuccaClient`) -> the `CreatedTraining`. When Lucca's answer is lost (no answer, 408, 500,
502, 504, a 201 without a usable body), the catalog says whether the training was created: found,
it is the result (`outcome="recovered"`); not found, the error says so and that retrying is safe.
A caller that asks for a duplicate skips the refusals, never the lookup (its ids tell a lost
answer's training apart from the older ones).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from tools.core import lucca_api
from tools.core.catalog import CatalogReader
from tools.core.catalog_titles import Found, Item, TitleLookups, same_content
from tools.core.client import LuccaClient
from tools.core.coordination import (
    CoordinationUnavailable,
    NoTitleLease,
    SingleUse,
    SingleUseInThisProcess,
    TitleLease,
)
from tools.core.draft import TrainingDraft
from tools.core.errors import (
    CHECK_BEFORE_RETRY,
    DuplicateCheckIncomplete,
    DuplicateTraining,
    ExistingTraining,
    LuccaUnavailable,
    OutcomeUnknown,
    TitleBusy,
    TrainingError,
    UnexpectedAnswer,
)
from tools.core.events import UNKNOWN_CALLER, Caller
from tools.core.folding import title_key
from tools.core.intake import emit_attempt
from tools.core.result import CreatedTraining, DraftPreview, created_training_from, preview_of

logger = logging.getLogger("lucca_training")

# A repeat of a single-use key waits this long for the first use to finish: its lookup, its POST
# (Lucca aborts any request after 5 s) and a recovery fit in it.
SINGLE_USE_WAIT_SECONDS = 30.0
OUTCOME_UNKNOWN = ""  # a single-use key's result when its use may or may not have created


class Trainings:
    def __init__(
        self,
        client: LuccaClient,
        *,
        clock: Callable[[], float] = time.monotonic,
        title_lease: TitleLease | None = None,
        single_use: SingleUse | None = None,
        single_use_wait_seconds: float = SINGLE_USE_WAIT_SECONDS,
    ) -> None:
        self.client = client
        self.catalog = CatalogReader(client, clock=clock)
        self._titles = TitleLookups(client, clock)
        # Across replicas (a shared store): one at a time per title, from lookup to answer.
        self._lease: TitleLease = title_lease or NoTitleLease()
        self._single_use: SingleUse = single_use or SingleUseInThisProcess()
        self._single_use_wait_seconds = single_use_wait_seconds

    async def create(
        self,
        draft: TrainingDraft,
        *,
        caller: Caller = UNKNOWN_CALLER,
        allow_duplicate: bool = False,
    ) -> CreatedTraining:
        """Create one training, or find it already there; `DuplicateTraining`,
        `DuplicateCheckIncomplete` or a `LuccaError` otherwise. One `CreationAttempt` event is
        emitted either way."""
        started = time.perf_counter()
        try:
            result = await self._create_once(draft, allow_duplicate=allow_duplicate)
        except TrainingError as error:
            emit_attempt(caller, draft, started, outcome=error.kind, error=error.message)
            raise
        emit_attempt(caller, draft, started, outcome=result.outcome, training_id=result.id)
        return result

    async def create_once(
        self,
        key: str,
        until: float,
        draft: TrainingDraft,
        *,
        caller: Caller = UNKNOWN_CALLER,
        allow_duplicate: bool = False,
    ) -> CreatedTraining:
        """`create`, at most once for `key` (a confirmation token's id) until `until` (epoch
        seconds): a repeat, on any replica sharing the store, gets the first training back as
        `existing`, even with `allow_duplicate`. A repeat that comes while the first is still
        running waits for it. A first use that failed before anything could be stored leaves
        the key free for another try; one whose outcome is unknown (no usable answer, cancelled)
        keeps it, and a repeat is told to look in the catalog (`OutcomeUnknown`). `TitleBusy`
        when the store does not answer, or the first use runs too long."""
        started = time.perf_counter()
        try:
            first = await self._first_use(key, until, draft.title)
        except CoordinationUnavailable:
            busy: TrainingError | None = TitleBusy(
                draft.title, "the shared store (STATE_URL) did not answer"
            )
        except TrainingError as refused:
            busy = refused
        else:
            busy = None
        if busy is not None:
            emit_attempt(caller, draft, started, outcome=busy.kind, error=busy.message)
            raise busy
        if first is not None:
            emit_attempt(caller, draft, started, outcome="existing", training_id=first.id)
            return first
        try:
            created = await self.create(draft, caller=caller, allow_duplicate=allow_duplicate)
        except TrainingError as error:
            stored_maybe = isinstance(error, OutcomeUnknown | UnexpectedAnswer)
            await self._settle_key(key, OUTCOME_UNKNOWN if stored_maybe else None)
            raise
        except BaseException:  # cancelled, or a bug of ours: the POST may have been stored
            await self._settle_key(key, OUTCOME_UNKNOWN)
            raise
        await self._settle_key(key, created.model_dump_json())
        return created

    async def _first_use(self, key: str, until: float, title: str) -> CreatedTraining | None:
        """None when this call holds the key's claim; the first training when it was used."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._single_use_wait_seconds
        pause = 0.02
        while True:
            if await self._single_use.claim(key, max(until - time.time(), 1.0)):
                return None
            first = await self._single_use.first_result(key)
            if first == OUTCOME_UNKNOWN:
                raise OutcomeUnknown(
                    "An earlier use of this confirmation got no usable answer from Lucca: "
                    f'"{title}" may have been created.',
                    CHECK_BEFORE_RETRY,
                )
            if first is not None:
                used = CreatedTraining.model_validate_json(first)
                return used.model_copy(update={"outcome": "existing"})
            if loop.time() + pause > deadline:
                raise TitleBusy(title, "its confirmation is still being used by another request")
            await asyncio.sleep(pause)  # the first use is running, perhaps on another replica
            pause = min(pause * 2, 0.25)

    async def _settle_key(self, key: str, result: str | None) -> None:
        """What the key's first use gave, for the repeats; None gives the key back (nothing was
        stored, so another try may create). When the store does not answer, the claim lapses
        with the token; until then a repeat waits, then is told to try again."""
        try:
            if result is None:
                await self._single_use.release(key)
            else:
                await self._single_use.settle(key, result)
        except CoordinationUnavailable:
            logger.warning("Could not record the use of a single-use key in the store")

    @staticmethod
    def preview(draft: TrainingDraft) -> DraftPreview:
        """A dry run: the draft as it would be sent, and nothing sent (no connection needed)."""
        return preview_of(draft)

    async def check(
        self, draft: TrainingDraft, *, allow_duplicate: bool = False
    ) -> CreatedTraining | None:
        """What `create` would find, with nothing sent: the same training already there
        (`existing`), None for a new one, or `DuplicateTraining` / `DuplicateCheckIncomplete`.
        For a face that shows the user a preview before they confirm."""
        if allow_duplicate:
            return None
        same_title = await self._titles.find(draft.title)
        twin = _twin_or_refusal(draft, draft.to_lucca_body(), same_title)
        return created_training_from(twin, draft, "existing") if twin is not None else None

    async def _create_once(self, draft: TrainingDraft, *, allow_duplicate: bool) -> CreatedTraining:
        body = draft.to_lucca_body()
        async with self._titles.turn(draft.title), self._lease.hold(title_key(draft.title)):
            same_title = await self._titles.find(draft.title, fresh=allow_duplicate)
            if not allow_duplicate:
                twin = _twin_or_refusal(draft, body, same_title)
                if twin is not None:
                    self._titles.remember(twin)
                    return created_training_from(twin, draft, "existing")
            sent_at = time.monotonic()
            try:
                answer = await self.client.create_training(body)
                result = created_training_from(answer, draft)
            except (OutcomeUnknown, UnexpectedAnswer) as lost:
                if isinstance(lost, UnexpectedAnswer) and not _was_created(lost):
                    raise
                already = {item.get("id") for item in same_title.items}
                result = await self._recover(draft, body, sent_at, already, lost)
            self._titles.remember({**body, "id": result.id})
            return result

    async def _recover(
        self,
        draft: TrainingDraft,
        body: dict[str, Any],
        sent_at: float,
        already: set[Any],
        lost: TrainingError,
    ) -> CreatedTraining:
        # Lucca aborts any request after 5 s, so by then the training is stored or never will be.
        if (settle := lucca_api.SERVER_TIMEOUT_SECONDS - (time.monotonic() - sent_at)) > 0:
            await self.client.sleep(settle)
        try:
            found = await self._titles.find(draft.title, fresh=True)
        except TrainingError:
            raise OutcomeUnknown(
                f"{lost.message} Looking it up in the catalog failed too.", CHECK_BEFORE_RETRY
            ) from None
        new = [
            item
            for item in found.items
            if item.get("id") not in already and same_content(item, body)
        ]
        if new:
            return created_training_from(max(new, key=_id_order), draft, "recovered")
        if not found.complete:
            raise OutcomeUnknown(
                f"{lost.message} The catalog could not be read in full ({found.reason}) to "
                "look for it.",
                CHECK_BEFORE_RETRY,
            )
        raise LuccaUnavailable(
            "Lucca gave no usable answer to the creation, and the catalog shows no training "
            f'titled "{draft.title}" created since: it was not created.',
            "It is safe to try again.",
            status=lost.status,
        )


def _twin_or_refusal(draft: TrainingDraft, body: dict[str, Any], same_title: Found) -> Item | None:
    """The training already there with the same content, or None for a new one. Other content
    under the same title is a duplicate; a catalog not read in full, with nothing of the same
    content in what was read, cannot say there is none."""
    twin = next((item for item in same_title.items if same_content(item, body)), None)
    if twin is not None:
        return twin
    if same_title.items:
        raise DuplicateTraining(draft.title, _named(same_title.items, draft.title))
    if not same_title.complete:
        raise DuplicateCheckIncomplete(draft.title, same_title.reason or "the catalog is too big")
    return None


def _was_created(error: UnexpectedAnswer) -> bool:
    """A 2xx whose body could not be read: the training exists, its id is unknown."""
    return error.status is not None and 200 <= error.status < 300


def _id_order(item: Item) -> int:
    return item["id"] if isinstance(item.get("id"), int) else -1


def _named(items: list[Item], title: str) -> list[ExistingTraining]:
    return [
        ExistingTraining(id=item["id"], title=str(item.get("title") or title))
        for item in items
        if isinstance(item.get("id"), int)
    ]
