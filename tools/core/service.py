"""The validation-and-POST core every face calls: validate, check the catalog, send once, report.

Faces translate their input into a mapping (or a `TrainingDraft`), call one of these functions, and
translate the `CreatedTraining`, `DraftPreview` or `TrainingError` back. Nothing here knows about
MCP, Slack or the command line.

No duplicates, with the catalog as the truth every replica shares (see `catalog_titles`):
- before sending, a training with the same title is looked up. The same content means the work is
  already done: its result comes back (`outcome="existing"`) and nothing is sent. Other content is
  refused with `DuplicateTraining`, unless the caller asks for a duplicate;
- creations of one title take turns in a process, so a double submit finds the first one's result;
- when Lucca's answer is lost, the catalog says whether the training was created: found, it is the
  result (`outcome="recovered"`); not found, the error says so and that retrying is safe.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from tools.core import events, lucca_api
from tools.core.catalog_titles import Item, same_content
from tools.core.client import CHECK_BEFORE_RETRY, LuccaClient
from tools.core.draft import TrainingDraft, validate_draft
from tools.core.errors import (
    DuplicateTraining,
    ExistingTraining,
    LuccaUnavailable,
    OutcomeUnknown,
    TrainingError,
    UnexpectedAnswer,
)
from tools.core.events import UNKNOWN_CALLER, Caller
from tools.core.result import CreatedTraining, DraftPreview, created_training_from, preview_of

TITLE_SHOWN = 300  # an invalid input's title may be megabytes long; events carry its start


async def create_training(
    client: LuccaClient,
    data: Mapping[str, Any] | TrainingDraft,
    *,
    caller: Caller = UNKNOWN_CALLER,
    allow_duplicate: bool = False,
) -> CreatedTraining:
    """Create one training, or find it already there; `InvalidDraft`, `DuplicateTraining` or a
    `LuccaError` otherwise. One `CreationAttempt` event is emitted either way."""
    started = time.perf_counter()
    draft: TrainingDraft | None = None
    try:
        draft = validate_draft(data)
        result = await _create_once(client, draft, allow_duplicate=allow_duplicate)
    except TrainingError as error:
        _emit_attempt(caller, draft, data, started, outcome=error.kind, error=error.message)
        raise
    _emit_attempt(caller, draft, data, started, outcome=result.outcome, training_id=result.id)
    return result


def report_invalid(
    data: Mapping[str, Any], error: TrainingError, caller: Caller = UNKNOWN_CALLER
) -> None:
    """For a face that refused its input before calling `create_training`: the attempt is
    reported (audit, metrics) all the same."""
    _emit_attempt(caller, None, data, time.perf_counter(), outcome=error.kind, error=error.message)


def preview_training(data: Mapping[str, Any] | TrainingDraft) -> DraftPreview:
    """A dry run: validate and normalize without any request."""
    return preview_of(validate_draft(data))


async def _create_once(
    client: LuccaClient, draft: TrainingDraft, *, allow_duplicate: bool
) -> CreatedTraining:
    titles = client.catalog_titles
    body = draft.to_lucca_body()
    async with titles.turn(draft.title):
        # Asking for a duplicate reads the catalog itself: the ids already there tell a lost
        # answer's training apart from the older ones.
        same_title = await titles.find(client, draft.title, fresh=allow_duplicate)
        if same_title and not allow_duplicate:
            twin = next((item for item in same_title if same_content(item, body)), None)
            if twin is not None:
                titles.remember(twin)
                return created_training_from(twin, draft, "existing")
            raise DuplicateTraining(draft.title, _named(same_title, draft.title))
        sent_at = time.monotonic()
        try:
            answer = await client.create_training(body)
            result = created_training_from(answer, draft)
        except (OutcomeUnknown, UnexpectedAnswer) as lost:
            if isinstance(lost, UnexpectedAnswer) and not _was_created(lost):
                raise
            already = {item.get("id") for item in same_title}
            result = await _recover(client, draft, body, sent_at, already, lost)
        titles.remember({**body, "id": result.id})
        return result


def _was_created(error: UnexpectedAnswer) -> bool:
    """A 2xx whose body could not be read: the training exists, its id is unknown."""
    return error.status is not None and 200 <= error.status < 300


async def _recover(
    client: LuccaClient,
    draft: TrainingDraft,
    body: dict[str, Any],
    sent_at: float,
    already: set[Any],
    lost: TrainingError,
) -> CreatedTraining:
    # Lucca aborts any request after 5 s, so by then the training is stored or never will be.
    if (settle := lucca_api.SERVER_TIMEOUT_SECONDS - (time.monotonic() - sent_at)) > 0:
        await client.sleep(settle)
    try:
        found = await client.catalog_titles.find(client, draft.title, fresh=True)
    except TrainingError:
        raise OutcomeUnknown(
            f"{lost.message} Looking it up in the catalog failed too.", CHECK_BEFORE_RETRY
        ) from None
    new = [item for item in found if item.get("id") not in already and same_content(item, body)]
    if new:
        return created_training_from(max(new, key=_id_order), draft, "recovered")
    raise LuccaUnavailable(
        "Lucca gave no usable answer to the creation, and the catalog shows no training titled "
        f'"{draft.title}" created since: it was not created.',
        "It is safe to try again.",
        status=lost.status,
    )


def _id_order(item: Item) -> int:
    return item["id"] if isinstance(item.get("id"), int) else -1


def _named(items: list[Item], title: str) -> list[ExistingTraining]:
    return [
        ExistingTraining(id=item["id"], title=str(item.get("title") or title))
        for item in items
        if isinstance(item.get("id"), int)
    ]


def _emit_attempt(
    caller: Caller,
    draft: TrainingDraft | None,
    data: Mapping[str, Any] | TrainingDraft,
    started: float,
    *,
    outcome: str,
    training_id: int | None = None,
    error: str | None = None,
) -> None:
    raw = data if isinstance(data, Mapping) else {}
    title = draft.title if draft else raw.get("title")
    events.emit(
        events.CreationAttempt(
            caller=caller,
            title=title[:TITLE_SHOWN] if isinstance(title, str) else None,
            provider_id=draft.providerId if draft else None,
            category_id=draft.categoryId if draft else None,
            outcome=outcome,
            training_id=training_id,
            error=error,
            seconds=time.perf_counter() - started,
        )
    )
