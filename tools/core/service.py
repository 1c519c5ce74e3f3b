"""The validation-and-POST core every face calls: validate, send once, report.

Faces translate their input into a mapping (or a `TrainingDraft`), call one of these functions, and
translate the `CreatedTraining`, `DraftPreview` or `TrainingError` back. Nothing here knows about
MCP, Slack or the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tools.core.client import LuccaClient
from tools.core.draft import TrainingDraft, validate_draft
from tools.core.result import CreatedTraining, DraftPreview, created_training_from, preview_of


async def create_training(
    client: LuccaClient, data: Mapping[str, Any] | TrainingDraft
) -> CreatedTraining:
    """Create one training; `InvalidDraft` (before any request) or a `LuccaError` otherwise."""
    draft = validate_draft(data)
    answer = await client.create_training(draft.to_lucca_body())
    return created_training_from(answer, draft)


def preview_training(data: Mapping[str, Any] | TrainingDraft) -> DraftPreview:
    """A dry run: validate and normalize without any request."""
    return preview_of(validate_draft(data))
