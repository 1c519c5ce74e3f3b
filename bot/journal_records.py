"""A submission as the journal keeps it, and back: what a replica needs to finish another's work.

The record holds the draft (Lucca's field names), what was typed (to give the form back on a
failure), the form's context (user, channel, response_url, language) and the team.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.form_context import FormContext
from bot.form_values import FormValues, Picked
from bot.strings import texts
from tools.core.draft import TrainingDraft

RECORD_VERSION = 1


def submission_record(submission: Any) -> dict[str, Any]:
    """`bot.creations.Submission` to plain JSON."""
    return {
        "v": RECORD_VERSION,
        "draft": submission.draft.model_dump(mode="json"),
        "values": dataclasses.asdict(submission.values),
        "context": submission.context.encode(),
        "language": submission.texts.language,
    }


def submission_parts(
    record: dict[str, Any], user_id: str
) -> tuple[FormValues, TrainingDraft, FormContext, Any]:
    """The values, draft, context and texts a `Submission` is made of, read back."""
    values = dict(record.get("values") or {})
    for picked in ("provider", "category"):
        if isinstance(values.get(picked), dict):
            values[picked] = Picked(**values[picked])
    draft = TrainingDraft.model_validate(record["draft"], strict=False)
    context = FormContext.decode(record.get("context"), user_id)
    return FormValues(**values), draft, context, texts(record.get("language"))
