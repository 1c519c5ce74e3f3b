"""A face's input becomes a `TrainingDraft` here, and every attempt is reported from here.

Every face (MCP, Slack, the command line) turns what it received into a mapping of the training's
fields and calls `accept_draft`: a valid draft comes back, or `InvalidDraft` naming each field,
after one `CreationAttempt` event (`outcome="invalid_input"`) for the audit log and the metrics.
So a refused input is counted the same way whatever the face, and no face reports it itself; a
face that refuses a valid draft for a reason of its own (who may create) calls `refused`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from tools.core import events
from tools.core.draft import TrainingDraft, validate_draft
from tools.core.errors import InvalidDraft, TrainingError
from tools.core.events import UNKNOWN_CALLER, Caller

TITLE_SHOWN = 300  # an invalid input's title may be megabytes long; events carry its start


def accept_draft(
    data: Mapping[str, Any],
    caller: Caller = UNKNOWN_CALLER,
    *,
    extra_errors: InvalidDraft | None = None,
) -> TrainingDraft:
    """The valid draft, or `InvalidDraft` (with the face's own `extra_errors`, e.g. a bad flag)."""
    started = time.perf_counter()
    try:
        draft = validate_draft(data)
    except InvalidDraft as invalid:
        refused = InvalidDraft((*invalid.field_errors, *_errors_of(extra_errors)))
        _report_refused(caller, data, started, refused)
        raise refused from None
    if extra_errors is not None:
        _report_refused(caller, data, started, extra_errors)
        raise extra_errors
    return draft


def _errors_of(invalid: InvalidDraft | None) -> tuple:
    return invalid.field_errors if invalid is not None else ()


def _report_refused(
    caller: Caller, data: Mapping[str, Any], started: float, error: InvalidDraft
) -> None:
    title = data.get("title") if isinstance(data, Mapping) else None
    events.emit(
        events.CreationAttempt(
            caller=caller,
            title=title[:TITLE_SHOWN] if isinstance(title, str) else None,
            provider_id=None,
            category_id=None,
            outcome=error.kind,
            training_id=None,
            error=error.message,
            seconds=time.perf_counter() - started,
        )
    )


def refused(caller: Caller, draft: TrainingDraft, error: TrainingError) -> None:
    """A face refused a valid draft for a reason of its own (the caller may not create): the
    attempt is reported all the same."""
    emit_attempt(caller, draft, time.perf_counter(), outcome=error.kind, error=error.message)


def emit_attempt(
    caller: Caller,
    draft: TrainingDraft,
    started: float,
    *,
    outcome: str,
    training_id: int | None = None,
    error: str | None = None,
) -> None:
    """One `CreationAttempt` for a valid draft that went to the catalog and maybe to Lucca."""
    events.emit(
        events.CreationAttempt(
            caller=caller,
            title=draft.title[:TITLE_SHOWN],
            provider_id=draft.providerId,
            category_id=draft.categoryId,
            outcome=outcome,
            training_id=training_id,
            error=error,
            seconds=time.perf_counter() - started,
        )
    )
