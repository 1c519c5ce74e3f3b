"""Checks every view the app sends, as Slack would: slack_sdk's models, then the documented limits.

`view_problems(view)` lists what Slack would refuse (`invalid_arguments`) or silently drop; an
empty list means the view is good. slack_sdk validates a few limits (modal title, private_metadata,
number of blocks) and drops what it does not know; the limits it does not check come from the
design notes (§3) and Slack's Block Kit reference.
"""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from tools.core.draft import utf16_length

LIMITS = {
    "blocks": 100,
    "private_metadata": 3000,
    "modal_title": 24,
    "view_button_text": 24,
    "plain_text_input_max_length": 3000,
    "static_options": 100,
    "choice_options": 10,  # radio buttons and checkboxes
    "option_text": 75,
    "option_value": 150,
    "option_description": 75,
    "section_text": 3000,
    "label": 2000,
    "hint": 2000,
    "placeholder": 150,
    "context_elements": 10,
    "id": 255,
    "message_blocks": 50,
    "actions_elements": 25,
    "button_text": 75,
    "button_value": 2000,
}


def view_problems(view: Any) -> list[str]:
    if not isinstance(view, dict):
        return [f"a view must be an object, got {type(view).__name__}"]
    problems = _sdk_problems(view)
    problems += _limit_problems(view)
    return problems


def _sdk_problems(view: dict[str, Any]) -> list[str]:
    try:
        model = View(**view)
        model.validate_json()
    except (SlackObjectFormationError, TypeError, ValueError, KeyError) as exc:
        return [f"slack_sdk refuses the view: {exc}"]
    if any(block is None for block in model.blocks or []):
        return ["slack_sdk does not know one of the block types"]
    if _normalized(model.to_dict()) != _normalized(view):
        return ["slack_sdk's model of the view differs from it (an unknown or misspelt key?)"]
    return []


def _normalized(data: Any) -> Any:
    return json.loads(json.dumps(data, sort_keys=True))


def _limit_problems(view: dict[str, Any]) -> list[str]:
    problems: list[str] = []

    def check(condition: bool, message: str) -> None:
        if not condition:
            problems.append(message)

    blocks = view.get("blocks") or []
    check(len(blocks) <= LIMITS["blocks"], f"{len(blocks)} blocks")
    check(len(view.get("private_metadata", "")) <= LIMITS["private_metadata"], "private_metadata")
    check(_text_length(view.get("title")) <= LIMITS["modal_title"], "modal title too long")
    for button in ("submit", "close"):
        if button in view:
            check(_text_length(view[button]) <= LIMITS["view_button_text"], f"{button} too long")
    block_ids = [block.get("block_id") for block in blocks if block.get("block_id")]
    check(len(block_ids) == len(set(block_ids)), "two blocks share a block_id")
    action_ids: list[str] = []
    for block in blocks:
        _check_block(block, check, action_ids)
    check(len(action_ids) == len(set(action_ids)), "two elements share an action_id")
    return problems


def _check_block(block: dict[str, Any], check, action_ids: list[str]) -> None:
    kind = block.get("type")
    where = f"block {block.get('block_id') or kind}"
    check(len(block.get("block_id", "")) <= LIMITS["id"], f"{where}: block_id too long")
    if kind == "section":
        check(_text_length(block.get("text")) <= LIMITS["section_text"], f"{where}: text")
    elif kind == "context":
        elements = block.get("elements") or []
        check(len(elements) <= LIMITS["context_elements"], f"{where}: too many elements")
        for element in elements:
            check(_text_length(element) <= LIMITS["section_text"], f"{where}: context text")
    elif kind == "input":
        check(_text_length(block.get("label")) <= LIMITS["label"], f"{where}: label")
        if "hint" in block:
            check(_text_length(block["hint"]) <= LIMITS["hint"], f"{where}: hint")
        element = block.get("element") or {}
        action_ids.append(element.get("action_id", ""))
        check(bool(element.get("action_id")), f"{where}: element without action_id")
        check(len(element.get("action_id", "")) <= LIMITS["id"], f"{where}: action_id too long")
        _check_element(element, where, check)
    elif kind == "actions":
        elements = block.get("elements") or []
        check(len(elements) <= LIMITS["actions_elements"], f"{where}: too many elements")
        for element in elements:
            action_ids.append(element.get("action_id", ""))
            check(bool(element.get("action_id")), f"{where}: element without action_id")
            if element.get("type") == "button":
                check(_text_length(element.get("text")) <= LIMITS["button_text"], f"{where}: text")
                value = element.get("value", "")
                check(len(value) <= LIMITS["button_value"], f"{where}: button value")


def message_problems(blocks: Any) -> list[str]:
    """What Slack would refuse in a message's blocks (`invalid_blocks`)."""
    if not isinstance(blocks, list):
        return ["blocks must be a list"]
    problems: list[str] = []

    def check(condition: bool, message: str) -> None:
        if not condition:
            problems.append(message)

    check(len(blocks) <= LIMITS["message_blocks"], f"{len(blocks)} blocks in a message")
    for block in blocks:
        try:
            parsed = Block.parse(block)
        except (SlackObjectFormationError, TypeError, ValueError, KeyError) as exc:
            problems.append(f"slack_sdk refuses a block: {exc}")
            continue
        if parsed is None or _normalized(parsed.to_dict()) != _normalized(block):
            problems.append(f"slack_sdk's model of a {block.get('type')} block differs from it")
    action_ids: list[str] = []
    for block in blocks:
        _check_block(block, check, action_ids)
    check(len(action_ids) == len(set(action_ids)), "two elements share an action_id")
    return problems


def _check_element(element: dict[str, Any], where: str, check) -> None:
    kind = element.get("type")
    if "placeholder" in element:
        placeholder = _text_length(element["placeholder"])
        check(placeholder <= LIMITS["placeholder"], f"{where}: placeholder")
    if kind == "plain_text_input":
        limit = element.get("max_length", LIMITS["plain_text_input_max_length"])
        check(1 <= limit <= LIMITS["plain_text_input_max_length"], f"{where}: max_length {limit}")
        initial = element.get("initial_value", "")
        check(
            utf16_length(initial) <= limit,
            f"{where}: initial_value of {utf16_length(initial)} units over max_length {limit}",
        )
    options = element.get("options")
    if options is not None:
        cap = LIMITS["choice_options"] if kind in ("radio_buttons", "checkboxes") else 100
        check(len(options) <= cap, f"{where}: {len(options)} options")
        for option in options:
            check_option(option, where, check)
        if "initial_option" in element:
            check(element["initial_option"] in options, f"{where}: initial_option not an option")
    elif "initial_option" in element:
        check_option(element["initial_option"], where, check)


def check_option(option: dict[str, Any], where: str, check) -> None:
    check(_text_length(option.get("text")) <= LIMITS["option_text"], f"{where}: option text")
    check(len(option.get("value", "")) <= LIMITS["option_value"], f"{where}: option value")
    if "description" in option:
        check(
            _text_length(option["description"]) <= LIMITS["option_description"],
            f"{where}: option description",
        )


def options_problems(options: Any) -> list[str]:
    """What Slack would refuse in an options load answer."""
    problems: list[str] = []

    def check(condition: bool, message: str) -> None:
        if not condition:
            problems.append(message)

    if not isinstance(options, list):
        return ["options must be a list"]
    check(len(options) <= LIMITS["static_options"], f"{len(options)} options")
    for option in options:
        check_option(option, "options", check)
    return problems


def _text_length(text_object: Any) -> int:
    if not isinstance(text_object, dict):
        return 0
    return len(text_object.get("text", ""))
