"""The training form as a Block Kit modal, empty or filled with what the user typed.

Inputs mirror the draft: title, subtitle, description (two boxes, see `form_values`), level, type,
certifying, mandatory, provider and category (a picker fed by the options load URL, plus a box for
an id). Each states its limit in its hint. When the form comes back after a failure, `notices` go
on top and `field_notes` above the inputs they concern.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot import ids
from bot.form_values import SLACK_INPUT_MAX_LENGTH, FormValues, Picked
from bot.strings import Texts
from tools.core.draft import LEVELS, SUBTITLE_MAX_LENGTH, TITLE_MAX_LENGTH, TRAINING_TYPES

SECTION_TEXT_MAX_LENGTH = 3000


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def mrkdwn_section(text: str, block_id: str | None = None) -> dict[str, Any]:
    if len(text) > SECTION_TEXT_MAX_LENGTH:
        text = text[: SECTION_TEXT_MAX_LENGTH - 1] + "…"
    block: dict[str, Any] = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    if block_id:
        block["block_id"] = block_id
    return block


def form_view(
    texts: Texts,
    values: FormValues | None = None,
    *,
    private_metadata: str,
    notices: Sequence[str] = (),
    field_notes: Mapping[str, Sequence[str]] | None = None,
    extra_blocks: Mapping[str, Sequence[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """`extra_blocks`: blocks to show after the input with that block id (drafting's button)."""
    values = values or FormValues()
    notes = field_notes or {}
    extras = extra_blocks or {}
    blocks = [
        mrkdwn_section(notice, f"{ids.NOTICE_BLOCK}_{index}")
        for index, notice in enumerate(notices)
    ]
    for block in _inputs(texts, values):
        for index, note in enumerate(notes.get(block["block_id"], ())):
            blocks.append(_note(note, f"{block['block_id']}_note_{index}"))
        blocks.append(block)
        blocks.extend(extras.get(block["block_id"], ()))
    return {
        "type": "modal",
        "callback_id": ids.FORM_CALLBACK,
        "title": plain(texts.modal_title),
        "submit": plain(texts.submit),
        "close": plain(texts.cancel),
        "private_metadata": private_metadata,
        "blocks": blocks,
    }


def _inputs(texts: Texts, values: FormValues) -> list[dict[str, Any]]:
    first, more = values.description_boxes()
    yes_no = [(ids.YES, texts.yes, None), (ids.NO, texts.no, None)]
    levels = [(level, *texts.level_names[level]) for level in LEVELS]
    kinds = [(kind, texts.type_names[kind], None) for kind in TRAINING_TYPES]
    inputs = [
        _text_input(
            ids.TITLE_BLOCK, ids.TITLE_ACTION, texts.title_label, texts.title_hint,
            values.title, max_length=TITLE_MAX_LENGTH,
        ),
        _text_input(
            ids.SUBTITLE_BLOCK, ids.SUBTITLE_ACTION, texts.subtitle_label, texts.subtitle_hint,
            values.subtitle, max_length=SUBTITLE_MAX_LENGTH, multiline=True,
        ),
        _text_input(
            ids.DESCRIPTION_BLOCK, ids.DESCRIPTION_ACTION, texts.description_label,
            texts.description_hint, first, max_length=SLACK_INPUT_MAX_LENGTH, multiline=True,
        ),
        _text_input(
            ids.DESCRIPTION_MORE_BLOCK, ids.DESCRIPTION_MORE_ACTION,
            texts.description_more_label, texts.description_more_hint, more,
            max_length=SLACK_INPUT_MAX_LENGTH, multiline=True, optional=True,
        ),
        _radio(
            ids.LEVEL_BLOCK, ids.LEVEL_ACTION, texts.level_label, texts.level_hint, levels,
            values.level,
        ),
        _static_select(
            ids.TYPE_BLOCK, ids.TYPE_ACTION, texts.type_label, texts.type_hint,
            texts.type_placeholder, kinds, values.type,
        ),
        _radio(
            ids.CERTIFYING_BLOCK, ids.CERTIFYING_ACTION, texts.certifying_label,
            texts.certifying_hint, yes_no, _yes_no(values.certifying),
        ),
        _radio(
            ids.MANDATORY_BLOCK, ids.MANDATORY_ACTION, texts.mandatory_label,
            texts.mandatory_hint, yes_no, _yes_no(values.mandatory),
        ),
        _external_select(
            ids.PROVIDER_BLOCK, ids.PROVIDER_ACTION, texts.provider_label, texts.provider_hint,
            texts.provider_placeholder, values.provider,
        ),
        _text_input(
            ids.PROVIDER_ID_BLOCK, ids.PROVIDER_ID_ACTION, texts.provider_id_label,
            texts.provider_id_hint, values.provider_id, max_length=12, optional=True,
        ),
        _external_select(
            ids.CATEGORY_BLOCK, ids.CATEGORY_ACTION, texts.category_label, texts.category_hint,
            texts.category_placeholder, values.category,
        ),
        _text_input(
            ids.CATEGORY_ID_BLOCK, ids.CATEGORY_ID_ACTION, texts.category_id_label,
            texts.category_id_hint, values.category_id, max_length=12, optional=True,
        ),
    ]  # fmt: skip
    if values.allow_duplicate is not None:
        inputs.insert(1, _allow_duplicate(texts, values.allow_duplicate))
    if values.share_in_thread is not None:
        inputs.append(_share_in_thread(texts, values.share_in_thread))
    return inputs


def _input_block(
    block_id: str, label: str, hint: str | None, element: dict[str, Any], *, optional: bool
) -> dict[str, Any]:
    block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label),
        "optional": optional,
        "element": element,
    }
    if hint:
        block["hint"] = plain(hint)
    return block


def _text_input(
    block_id: str,
    action_id: str,
    label: str,
    hint: str,
    initial: str | None,
    *,
    max_length: int,
    multiline: bool = False,
    optional: bool = False,
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": action_id,
        "multiline": multiline,
        "max_length": max_length,
    }
    if initial:
        element["initial_value"] = initial
    return _input_block(block_id, label, hint, element, optional=optional)


def _option(value: str, text: str, description: str | None = None) -> dict[str, Any]:
    option: dict[str, Any] = {"text": plain(text), "value": value}
    if description:
        option["description"] = plain(description)
    return option


def _radio(
    block_id: str,
    action_id: str,
    label: str,
    hint: str | None,
    choices: list[tuple[str, str, str | None]],
    chosen: str | None,
) -> dict[str, Any]:
    element = _with_options({"type": "radio_buttons", "action_id": action_id}, choices, chosen)
    return _input_block(block_id, label, hint, element, optional=False)


def _static_select(
    block_id: str,
    action_id: str,
    label: str,
    hint: str,
    placeholder: str,
    choices: list[tuple[str, str, str | None]],
    chosen: str | None,
) -> dict[str, Any]:
    element = _with_options(
        {"type": "static_select", "action_id": action_id, "placeholder": plain(placeholder)},
        choices,
        chosen,
    )
    return _input_block(block_id, label, hint, element, optional=True)


def _with_options(
    element: dict[str, Any], choices: list[tuple[str, str, str | None]], chosen: str | None
) -> dict[str, Any]:
    """The element with its options, and the chosen one pre-selected when it is among them."""
    options = [_option(*choice) for choice in choices]
    element["options"] = options
    initial = next((option for option in options if option["value"] == chosen), None)
    if initial is not None:
        element["initial_option"] = initial
    return element


def _external_select(
    block_id: str,
    action_id: str,
    label: str,
    hint: str,
    placeholder: str,
    chosen: Picked | None,
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "external_select",
        "action_id": action_id,
        "placeholder": plain(placeholder),
        "min_query_length": 0,
    }
    if chosen is not None:
        element["initial_option"] = _option(chosen.value, chosen.text[:75])
    return _input_block(block_id, label, hint, element, optional=True)


def _allow_duplicate(texts: Texts, ticked: bool) -> dict[str, Any]:
    return _checkbox(
        ids.ALLOW_DUPLICATE_BLOCK,
        ids.ALLOW_DUPLICATE_ACTION,
        texts.allow_duplicate_option,
        texts.allow_duplicate_label,
        None,
        ticked,
    )


def _share_in_thread(texts: Texts, ticked: bool) -> dict[str, Any]:
    return _checkbox(
        ids.SHARE_IN_THREAD_BLOCK,
        ids.SHARE_IN_THREAD_ACTION,
        texts.thread_share_option,
        texts.thread_share_label,
        texts.thread_share_hint,
        ticked,
    )


def _checkbox(
    block_id: str, action_id: str, option: str, label: str, hint: str | None, ticked: bool
) -> dict[str, Any]:
    """An optional input holding one checkbox, ticked or not."""
    element: dict[str, Any] = {
        "type": "checkboxes",
        "action_id": action_id,
        "options": [_option(ids.YES, option)],
    }
    if ticked:
        element["initial_options"] = element["options"]
    return _input_block(block_id, label, hint, element, optional=True)


def _note(text: str, block_id: str) -> dict[str, Any]:
    return {"type": "context", "block_id": block_id, "elements": [{"type": "mrkdwn", "text": text}]}


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else (ids.YES if value else ids.NO)
