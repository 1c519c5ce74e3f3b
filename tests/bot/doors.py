"""What Slack sends through the app's other doors, in Slack's shapes: a message shortcut
(`message_action`), the global shortcut (`shortcut`), opening the Home tab (`app_home_opened`)
and pressing its button (`block_actions` from a `home` view), and a Workflow Builder step
(`function_executed`, with the step's own token, as Slack hands it to the app)."""

from __future__ import annotations

import secrets
import time
from typing import Any

from bot import ids
from tests.bot.drafting.slack_events import send_event
from tests.bot.fake_slack import APP_ID, TEAM_ID
from tests.bot.slack_driver import CHANNEL, USER, Answer, SlackDriver, _user


def _team() -> dict[str, str]:
    return {"id": TEAM_ID, "domain": "acme"}


async def message_shortcut(
    driver: SlackDriver,
    message: dict[str, Any],
    user: str = USER,
    channel: str = CHANNEL,
) -> Answer:
    """ "Create a training from this message" on `message` (as the fake Slack stores it)."""
    shown = {k: v for k, v in message.items() if k != "channel"}
    payload = {
        "type": "message_action",
        "token": "legacy-verification-token",
        "action_ts": f"{time.time():.6f}",
        "team": _team(),
        "user": _user(user),
        "channel": {"id": channel, "name": "general"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": ids.MESSAGE_SHORTCUT,
        "trigger_id": driver.fake.new_trigger(user),
        "response_url": driver.fake.new_response_url(),
        "message_ts": message["ts"],
        "message": shown,
    }
    return await driver.transport.interaction(payload)


async def global_shortcut(driver: SlackDriver, user: str = USER) -> Answer:
    payload = {
        "type": "shortcut",
        "token": "legacy-verification-token",
        "action_ts": f"{time.time():.6f}",
        "team": _team(),
        "user": _user(user),
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": ids.GLOBAL_SHORTCUT,
        "trigger_id": driver.fake.new_trigger(user),
    }
    return await driver.transport.interaction(payload)


async def open_home(driver: SlackDriver, user: str = USER, tab: str = "home") -> Answer:
    event = {
        "type": "app_home_opened",
        "user": user,
        "channel": "D" + user[1:],
        "tab": tab,
        "event_ts": f"{time.time():.6f}",
    }
    answer = await send_event(driver, event)
    assert answer.status == 200, answer
    return answer


async def press_home_create(driver: SlackDriver, user: str = USER) -> Answer:
    """Press the Create button of the Home tab the fake Slack last showed `user`."""
    home = driver.fake.homes[user][-1]
    block, button = next(
        (block, element)
        for block in home["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element.get("action_id") == ids.HOME_CREATE_ACTION
    )
    payload = {
        "type": "block_actions",
        "user": _user(user),
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "container": {"type": "view", "view_id": "VHOME"},
        "trigger_id": driver.fake.new_trigger(user),
        "team": _team(),
        "view": {**home, "id": "VHOME", "team_id": TEAM_ID, "app_id": APP_ID},
        "actions": [
            {
                "type": "button",
                "action_id": button["action_id"],
                "block_id": block.get("block_id", "home_actions"),
                "text": button["text"],
                "value": button.get("value"),
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return await driver.transport.interaction(payload)


async def run_step(driver: SlackDriver, inputs: dict[str, Any]) -> str:
    """Slack runs the workflow step with `inputs`; its execution id (see `fake.executions`)."""
    execution_id, token = driver.fake.new_function_execution()
    event = {
        "type": "function_executed",
        "function": {
            "id": "Fn0STEP",
            "callback_id": ids.WORKFLOW_FUNCTION,
            "title": "Create a Lucca training",
            "description": "Creates a training in Lucca Training",
            "type": "app",
            "app_id": APP_ID,
            "date_created": int(time.time()),
            "date_updated": int(time.time()),
        },
        "inputs": inputs,
        "function_execution_id": execution_id,
        "workflow_execution_id": "Wx" + secrets.token_hex(5).upper(),
        "event_ts": f"{time.time():.6f}",
        "bot_access_token": token,
    }
    answer = await send_event(driver, event)
    assert answer.status == 200, answer
    return execution_id
