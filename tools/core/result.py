"""What every face answers with: the created training's id and its catalog status.

Lucca's answer is read leniently (unknown keys ignored, the state matched without regard to case,
provider and category taken only when present): the spec and the live API disagree in small ways,
and a created training must never be reported as a failure because of a cosmetic difference.
The same lenient readers (`state_of`, `reference_of`...) read the catalog's trainings
(`catalog_items`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from tools.core.draft import TrainingDraft
from tools.core.errors import UnexpectedAnswer

KNOWN_STATES = ("Ready", "Archived")
CATALOG_NOTE = (
    "not displayed in the public catalog by default; an admin can publish it in Lucca Training"
)


class Reference(BaseModel):
    """A provider or a category, as Lucca names it."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str | None = None


# created: Lucca answered 201 with it. existing: a training with the same title and content was
# already in the catalog, so nothing was sent. recovered: Lucca's answer was lost, but the catalog
# shows the training was created.
Outcome = Literal["created", "existing", "recovered"]


class CreatedTraining(BaseModel):
    model_config = ConfigDict(frozen=True)

    outcome: Outcome = "created"
    id: int
    title: str
    state: str
    level: str | None = None
    type: str | None = None
    provider: Reference | None = None
    category: Reference | None = None
    catalogStatus: str
    summary: str


class DraftPreview(BaseModel):
    """A dry run's answer: the normalized draft, as it would be sent, and nothing sent."""

    model_config = ConfigDict(frozen=True)

    training: dict[str, Any]
    summary: str


def created_training_from(
    answer: dict[str, Any], draft: TrainingDraft, outcome: Outcome = "created"
) -> CreatedTraining:
    training_id = lucca_id(answer.get("id"))
    if training_id is None:
        raise UnexpectedAnswer(
            "Lucca answered 201 Created but without the new training's id.",
            f'The training was most likely created: look for "{draft.title}" in the Lucca '
            "Training catalog before trying again.",
            status=201,
        )
    state = state_of(answer.get("state"))
    title = text_or_none(answer.get("title")) or draft.title
    level = text_or_none(answer.get("level")) or draft.level
    kind = text_or_none(answer.get("type")) or draft.type
    status = f"{state} ({CATALOG_NOTE})" if state == "Ready" else state
    facts = f"({_facts(level, kind)}): {state}, {_public_catalog_phrase(state)}."
    summary = {
        "created": f'Created training #{training_id} "{title}" {facts}',
        "existing": f'Nothing created: training #{training_id} "{title}" is already in the '
        f"catalog with the same content {facts}",
        "recovered": f'Created training #{training_id} "{title}" {facts} Lucca\'s answer was '
        "lost, but the catalog shows the training, so it was not sent again.",
    }[outcome]
    return CreatedTraining(
        outcome=outcome,
        id=training_id,
        title=title,
        state=state,
        level=level,
        type=kind,
        provider=reference_of(answer.get("provider")),
        category=reference_of(answer.get("category")),
        catalogStatus=status,
        summary=summary,
    )


def preview_of(draft: TrainingDraft) -> DraftPreview:
    return DraftPreview(
        training=draft.to_lucca_body(),
        summary=f'Valid: "{draft.title}" ({_facts(draft.level, draft.type)}) can be created. '
        "Nothing was sent to Lucca (dry run).",
    )


def state_of(value: Any) -> str:
    """Lucca creates trainings as Ready; the spec spells the state both `Ready` and `ready`."""
    if not isinstance(value, str) or not value.strip():
        return "Ready"
    return next((s for s in KNOWN_STATES if s.lower() == value.strip().lower()), value.strip())


def lucca_id(value: Any) -> int | None:
    """An id as JSON gives it: an integer, and not `true` (a bool is an int in Python)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def reference_of(value: Any) -> Reference | None:
    ref_id = lucca_id(value.get("id")) if isinstance(value, dict) else None
    return None if ref_id is None else Reference(id=ref_id, name=text_or_none(value.get("name")))


def text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _facts(level: str | None, kind: str | None) -> str:
    return ", ".join(part for part in (level, kind) if part) or "no level"


def _public_catalog_phrase(state: str) -> str:
    if state == "Ready":
        return "not in the public catalog until an admin publishes it"
    return "not usable for new realized trainings"
