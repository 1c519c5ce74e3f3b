"""The catalog's trainings as faces show them: typed, read as leniently as a created one.

A search answers short `TrainingSummary`s (a subtitle cut to a line, no description), so that an
assistant can look through many at little cost; one training read by id is a `TrainingRecord`,
with every field Lucca gave. Items without a usable id are left out: nothing could refer to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from tools.core.result import Reference, lucca_id, reference_of, state_of, text_or_none

SUBTITLE_SHOWN = 160  # characters of a subtitle a summary keeps


class TrainingSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    title: str
    subtitle: str = Field(description=f"at most {SUBTITLE_SHOWN} characters; '…' when cut")
    level: str | None = None
    type: str | None = None
    state: str = Field(description="Ready, or Archived: no longer to be used")
    provider: Reference | None = None
    category: Reference | None = None


class TrainingRecord(TrainingSummary):
    subtitle: str = Field(description="in full")
    description: str = ""
    isCertifying: bool | None = None
    isMandatory: bool | None = None


def summaries_of(items: Iterable[dict[str, Any]]) -> list[TrainingSummary]:
    return [
        TrainingSummary(**{**fields, "subtitle": _shortened(fields["subtitle"])})
        for fields in map(_common_fields, items)
        if fields is not None
    ]


def record_of(item: dict[str, Any]) -> TrainingRecord | None:
    fields = _common_fields(item)
    if fields is None:
        return None
    return TrainingRecord(
        **fields,
        description=text_or_none(item.get("description")) or "",
        isCertifying=_flag(item.get("isCertifying")),
        isMandatory=_flag(item.get("isMandatory")),
    )


def _common_fields(item: dict[str, Any]) -> dict[str, Any] | None:
    training_id = lucca_id(item.get("id"))
    if training_id is None:
        return None
    return {
        "id": training_id,
        "title": text_or_none(item.get("title")) or f"#{training_id}",
        "subtitle": text_or_none(item.get("subtitle")) or "",
        "level": text_or_none(item.get("level")),
        "type": text_or_none(item.get("type")),
        "state": state_of(item.get("state")),
        "provider": reference_of(item.get("provider")),
        "category": reference_of(item.get("category")),
    }


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUBTITLE_SHOWN else text[: SUBTITLE_SHOWN - 1].rstrip() + "…"


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None
