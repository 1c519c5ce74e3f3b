"""What the user typed in the form, read from a view's state, and turned into a draft for the core.

`FormValues` keeps the inputs as typed (so a failed creation can give them all back), and
`check_form` turns them into the mapping `accept_draft` takes, with every problem placed on the
block the user must fix. The core stays the judge: this module only reads Slack's shapes, refuses
what cannot be a number, and words the core's verdict in the user's language.

The description is two boxes because a Slack text input stops at 3000 characters while Lucca takes
6000: the second box continues the first exactly (joined with no separator), and the core checks
the length of the joined text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot import ids
from bot.strings import Texts, mrkdwn_escape
from tools.core.draft import TrainingDraft, utf16_length
from tools.core.errors import FieldError, InvalidDraft
from tools.core.events import Caller
from tools.core.intake import accept_draft

SLACK_INPUT_MAX_LENGTH = 3000  # plain_text_input's max_length ceiling
FIELD_BLOCKS = {
    "title": ids.TITLE_BLOCK,
    "subtitle": ids.SUBTITLE_BLOCK,
    "description": ids.DESCRIPTION_BLOCK,
    "level": ids.LEVEL_BLOCK,
    "type": ids.TYPE_BLOCK,
    "isCertifying": ids.CERTIFYING_BLOCK,
    "isMandatory": ids.MANDATORY_BLOCK,
    "providerId": ids.PROVIDER_BLOCK,
    "categoryId": ids.CATEGORY_BLOCK,
}


@dataclass(frozen=True)
class Picked:
    """An option chosen in an external select: its value (the id) and the text it showed."""

    value: str
    text: str


@dataclass(frozen=True)
class FormValues:
    title: str | None = None
    subtitle: str | None = None
    description: str | None = None  # the first box, as typed
    description_more: str | None = None  # the second box, as typed
    level: str | None = None
    type: str | None = None
    certifying: bool | None = None
    mandatory: bool | None = None
    provider: Picked | None = None
    provider_id: str | None = None
    category: Picked | None = None
    category_id: str | None = None
    # None: not offered; False: offered (the title exists), not ticked; True: a duplicate is wanted
    allow_duplicate: bool | None = None
    # None: not offered (not opened from a message); else whether the thread may see the result
    share_in_thread: bool | None = None

    @classmethod
    def from_state(cls, state_values: Mapping[str, Any]) -> FormValues:
        """Read `view.state.values`; a block that is missing or of another shape reads as empty."""
        return cls(
            title=_text(state_values, ids.TITLE_BLOCK, ids.TITLE_ACTION),
            subtitle=_text(state_values, ids.SUBTITLE_BLOCK, ids.SUBTITLE_ACTION),
            description=_text(state_values, ids.DESCRIPTION_BLOCK, ids.DESCRIPTION_ACTION),
            description_more=_text(
                state_values, ids.DESCRIPTION_MORE_BLOCK, ids.DESCRIPTION_MORE_ACTION
            ),
            level=_choice_value(state_values, ids.LEVEL_BLOCK, ids.LEVEL_ACTION),
            type=_choice_value(state_values, ids.TYPE_BLOCK, ids.TYPE_ACTION),
            certifying=_yes_no(state_values, ids.CERTIFYING_BLOCK, ids.CERTIFYING_ACTION),
            mandatory=_yes_no(state_values, ids.MANDATORY_BLOCK, ids.MANDATORY_ACTION),
            provider=_picked(state_values, ids.PROVIDER_BLOCK, ids.PROVIDER_ACTION),
            provider_id=_text(state_values, ids.PROVIDER_ID_BLOCK, ids.PROVIDER_ID_ACTION),
            category=_picked(state_values, ids.CATEGORY_BLOCK, ids.CATEGORY_ACTION),
            category_id=_text(state_values, ids.CATEGORY_ID_BLOCK, ids.CATEGORY_ID_ACTION),
            allow_duplicate=_ticked(
                state_values, ids.ALLOW_DUPLICATE_BLOCK, ids.ALLOW_DUPLICATE_ACTION
            ),
            share_in_thread=_ticked(
                state_values, ids.SHARE_IN_THREAD_BLOCK, ids.SHARE_IN_THREAD_ACTION
            ),
        )

    @property
    def joined_description(self) -> str | None:
        if self.description is None and self.description_more is None:
            return None
        return (self.description or "") + (self.description_more or "")

    def description_boxes(self) -> tuple[str | None, str | None]:
        """The description to put back in the two boxes: the joined text split at 3000.

        Split at 3000 UTF-16 units and never inside a character, so each box stays within
        Slack's limit however Slack counts; should a split not fit (a 6000-unit text with an emoji
        across the boundary), the boxes go back exactly as they were typed, which fitted.
        """
        joined = self.joined_description
        if joined is None:
            return None, None
        first, rest = split_within(joined)
        if utf16_length(rest) > SLACK_INPUT_MAX_LENGTH:
            return self.description, self.description_more
        return first or None, rest or None


def split_within(text: str, limit: int = SLACK_INPUT_MAX_LENGTH) -> tuple[str, str]:
    """The longest start of `text` within `limit` UTF-16 units, and the rest.

    Python strings hold whole characters, so cutting between two of them never separates the
    halves of a surrogate pair: an emoji that does not fit goes whole to the second part.
    """
    units = 0
    for index, character in enumerate(text):
        size = 2 if ord(character) > 0xFFFF else 1
        if units + size > limit:
            return text[:index], text[index:]
        units += size
    return text, ""


@dataclass(frozen=True)
class CheckedForm:
    draft: TrainingDraft | None
    errors: dict[str, str] = field(default_factory=dict)  # block id -> message


def check_form(values: FormValues, texts: Texts, caller: Caller) -> CheckedForm:
    """A valid draft, or every problem on its block (the core's verdict, in the user's words)."""
    draft, problems = _draft_of(values, texts)
    extra = InvalidDraft(FieldError(name, text) for name, text in problems.items())
    errors = {block_of_field(name, values): text for name, text in problems.items()}
    try:
        valid = accept_draft(draft, caller, extra_errors=extra if problems else None)
    except InvalidDraft as invalid:
        for problem in invalid.field_errors:
            errors.setdefault(
                block_of_field(problem.field, values), field_error_text(problem, texts)
            )
        return CheckedForm(None, errors)
    return CheckedForm(valid)


def block_of_field(field_name: str, values: FormValues) -> str:
    """Where a problem with a draft field shows: the box the value came from."""
    if field_name == "providerId" and values.provider_id:
        return ids.PROVIDER_ID_BLOCK
    if field_name == "categoryId" and values.category_id:
        return ids.CATEGORY_ID_BLOCK
    if field_name == "description" and values.description_more:
        return ids.DESCRIPTION_MORE_BLOCK
    return FIELD_BLOCKS.get(field_name, ids.TITLE_BLOCK)


def field_error_text(problem: FieldError, texts: Texts) -> str:
    """The core's verdict on one field, in the user's language (from its code and figures)."""
    if problem.code == "required":
        return texts.required
    if problem.code == "blank":
        return texts.blank
    if problem.code == "too_long":
        return texts.too_long.format(limit=problem.limit, got=problem.got)
    if problem.code == "too_long_as_lucca_counts":
        return texts.too_long_as_lucca_counts.format(limit=problem.limit, got=problem.got)
    message = problem.message
    return mrkdwn_escape(message[:1].upper() + message[1:].rstrip(".") + ".")


def _draft_of(values: FormValues, texts: Texts) -> tuple[dict[str, Any], dict[str, str]]:
    """The mapping for the core, and the problems (by field) found before the core can see it."""
    errors: dict[str, str] = {}
    draft: dict[str, Any] = {
        "title": values.title,
        "subtitle": values.subtitle,
        "description": values.joined_description,
        "level": values.level,
        "isCertifying": values.certifying,
        "isMandatory": values.mandatory,
    }
    if values.type is not None:
        draft["type"] = values.type
    references = (
        ("providerId", values.provider, values.provider_id, texts.provider_conflict),
        ("categoryId", values.category, values.category_id, texts.category_conflict),
    )
    for field_name, picked, typed, conflict in references:
        try:
            chosen = _reference_id(picked, typed, conflict, texts)
        except _NotAnId as problem:
            errors[field_name] = str(problem)
            continue
        if chosen is not None:
            draft[field_name] = chosen
    return draft, errors


class _NotAnId(ValueError):
    """The picker or the id box holds something that cannot be the id (the message says why)."""


def _reference_id(
    picked: Picked | None, typed: str | None, conflict: str, texts: Texts
) -> int | None:
    """The provider or category id from the picker and/or the id box (both agreeing)."""
    picked_id = _as_id(picked.value) if picked is not None else None
    if picked is not None and picked_id is None:
        raise _NotAnId(texts.not_a_number)
    if typed is None or not typed.strip():
        return picked_id
    typed_id = _as_id(typed)
    if typed_id is None:
        raise _NotAnId(texts.not_a_number)
    if picked_id is not None and picked_id != typed_id:
        raise _NotAnId(conflict.format(picked=picked_id))
    return typed_id


def _as_id(text: str) -> int | None:
    """`"12"`, `" 12 "`, `"#12"` -> 12; anything else (`"12a"`, `"١٢"`, `""`) -> None."""
    digits = text.strip().removeprefix("#")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 12:
        return None
    return int(digits)


# Reading Slack's state: {block_id: {action_id: {"type": ..., "value" | "selected_option": ...}}}.


def _element(state: Mapping[str, Any], block: str, action: str) -> Mapping[str, Any]:
    element = (state.get(block) or {}).get(action) if isinstance(state.get(block), dict) else None
    return element if isinstance(element, dict) else {}


def _text(state: Mapping[str, Any], block: str, action: str) -> str | None:
    value = _element(state, block, action).get("value")
    return value if isinstance(value, str) and value != "" else None


def _option(state: Mapping[str, Any], block: str, action: str) -> Mapping[str, Any]:
    option = _element(state, block, action).get("selected_option")
    return option if isinstance(option, dict) else {}


def _choice_value(state: Mapping[str, Any], block: str, action: str) -> str | None:
    value = _option(state, block, action).get("value")
    return value if isinstance(value, str) else None


def _yes_no(state: Mapping[str, Any], block: str, action: str) -> bool | None:
    return {ids.YES: True, ids.NO: False}.get(_choice_value(state, block, action) or "")


def _ticked(state: Mapping[str, Any], block: str, action: str) -> bool | None:
    """A lone checkbox: None when the block is not in the form, else whether it is ticked."""
    element = (state.get(block) or {}).get(action)
    if not isinstance(element, Mapping):
        return None
    selected = element.get("selected_options")
    return isinstance(selected, list) and any(
        isinstance(option, Mapping) and option.get("value") == ids.YES for option in selected
    )


def _picked(state: Mapping[str, Any], block: str, action: str) -> Picked | None:
    option = _option(state, block, action)
    value, text = option.get("value"), option.get("text")
    shown = text.get("text") if isinstance(text, dict) else None
    if not isinstance(value, str):
        return None
    return Picked(value, shown if isinstance(shown, str) else value)
