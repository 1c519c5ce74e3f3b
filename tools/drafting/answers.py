"""The model's answer, read as the JSON the prompts ask for and checked against the core.

A `ProposedDraft` holds what the model proposed, as it proposed it, with every problem the core
finds in it (`problems`, from `validate_draft`) and the texts over Lucca's limits (`overlong`,
counted as Lucca counts). It is something to show a person for review, never something to send.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tools.core.draft import LEVELS, TEXT_LIMITS, utf16_length, validate_draft
from tools.core.errors import FieldError, InvalidDraft
from tools.drafting.errors import UnreadableAnswer

LEVEL_KEY = "suggestedLevel"
# The keys of a draft in the model's answer (the prompts' JSON examples must use exactly these).
DRAFT_KEYS = (*TEXT_LIMITS, LEVEL_KEY)


@dataclass(frozen=True)
class Overlong:
    field: str
    length: int  # as Lucca counts (UTF-16 units)
    limit: int


@dataclass(frozen=True)
class ProposedDraft:
    title: str
    subtitle: str
    description: str
    level: str | None  # the suggested level, when the model gave a valid one
    problems: tuple[FieldError, ...] = ()

    @property
    def overlong(self) -> tuple[Overlong, ...]:
        found = []
        for name, limit in TEXT_LIMITS.items():
            length = utf16_length(getattr(self, name))
            if length > limit:
                found.append(Overlong(name, length, limit))
        return tuple(found)

    def to_payload(self) -> dict[str, str]:
        """The draft as the model's JSON keys (what `check_draft` reads back)."""
        payload = {name: getattr(self, name) for name in TEXT_LIMITS}
        if self.level:
            payload[LEVEL_KEY] = self.level
        return payload


def read_json_object(content: str) -> dict[str, Any]:
    """The JSON object in the model's text, also when wrapped in a code fence or a sentence."""
    text = content.strip()
    candidates = [text]
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        candidates.append(text[start : end + 1])
    for candidate in candidates:
        try:
            data = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(data, dict):
            return data
    raise UnreadableAnswer("the model did not answer with the JSON object it was asked for")


def check_draft(data: Mapping[str, Any]) -> ProposedDraft:
    """A draft from the model's JSON keys, with what the core finds wrong in it."""
    texts = {name: _text(data.get(name)) for name in TEXT_LIMITS}
    level = data.get(LEVEL_KEY)
    level = level if isinstance(level, str) and level in LEVELS else None
    # Only the texts are the model's to write; the rest is filled in so the core judges them alone.
    candidate = {
        **texts,
        "level": level or LEVELS[0],
        "isCertifying": False,
        "isMandatory": False,
    }
    try:
        validate_draft(candidate)
        problems: tuple[FieldError, ...] = ()
    except InvalidDraft as invalid:
        problems = tuple(e for e in invalid.field_errors if e.field in TEXT_LIMITS)
    return ProposedDraft(level=level, problems=problems, **texts)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
