"""What Slack sends when people talk to the app or press drafting's buttons, in Slack's shapes.

Events go in an `event_callback` envelope (JSON, signed in HTTP mode, as a dict in Socket Mode);
button presses are `block_actions` with the real container of a modal or of a message. Messages a
person writes are first stored in the fake Slack, so that reading the thread back finds them.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Mapping
from typing import Any

from tests.bot.fake_slack import APP_ID, BOT_USER_ID, TEAM_ID
from tests.bot.slack_driver import (
    USER,
    Answer,
    SignedHttp,
    SlackDriver,
    SocketDispatch,
    _user,
    state_of,
)


def dm_channel(user: str = USER) -> str:
    return "D" + user[1:]


async def send_event(driver: SlackDriver, event: Mapping[str, Any], retry: int = 0) -> Answer:
    envelope = {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "event": dict(event),
        "type": "event_callback",
        "event_id": "Ev" + secrets.token_hex(5).upper(),
        "event_time": int(time.time()),
        "authorizations": [
            {"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True, "enterprise_id": None}
        ],
        "is_ext_shared_channel": False,
    }
    transport = driver.transport
    retry_headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    if isinstance(transport, SignedHttp):
        headers = {"Content-Type": "application/json", **(retry_headers if retry else {})}
        return await transport.post(json.dumps(envelope).encode(), headers)
    assert isinstance(transport, SocketDispatch)
    return await transport._dispatch(envelope, {"x-slack-retry-num": str(retry)})


async def say_in_dm(
    driver: SlackDriver, text: str, thread_ts: str | None = None, user: str = USER
) -> dict[str, Any]:
    """A person writes to the app in their DM (in a thread when `thread_ts`); the message."""
    message = driver.fake.post_as_user(dm_channel(user), user, text, thread_ts)
    event = {**message, "channel_type": "im", "event_ts": message["ts"]}
    answer = await send_event(driver, event)
    assert answer.status == 200, answer
    return message


async def mention(
    driver: SlackDriver, channel: str, text: str, thread_ts: str | None = None, user: str = USER
) -> dict[str, Any]:
    """A person mentions the app in a channel (`<@U0BOT> ...`); the message."""
    message = driver.fake.post_as_user(channel, user, f"<@{BOT_USER_ID}> {text}", thread_ts)
    event = {**message, "type": "app_mention", "event_ts": message["ts"]}
    answer = await send_event(driver, event)
    assert answer.status == 200, answer
    return message


async def press_in_modal(
    driver: SlackDriver,
    view_id: str,
    action_id: str,
    values: Mapping[str, Any],
    user: str = USER,
    view_hash: str | None = None,
) -> Answer:
    """Press a button in the modal, with `values` typed in its inputs (as `submit` takes them)."""
    current = driver.fake.views[view_id]
    full = driver.fake.full_view(view_id)
    view = {**full, "state": {"values": state_of(current.view, values)}}
    if view_hash is not None:
        view["hash"] = view_hash
    block_id, element = _element(current.view, action_id)
    payload = {
        "type": "block_actions",
        "user": _user(user),
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "container": {"type": "view", "view_id": view_id},
        "trigger_id": driver.fake.new_trigger(user),
        "team": {"id": TEAM_ID, "domain": "acme"},
        "is_enterprise_install": False,
        "view": view,
        "actions": [_action(block_id, element)],
    }
    return await driver.transport.interaction(payload)


async def press_in_message(
    driver: SlackDriver, message: Mapping[str, Any], action_id: str, user: str = USER
) -> Answer:
    """Press a button of a message the app posted (found in the fake Slack)."""
    block_id, element = _element(message, action_id)
    channel = message["channel"]
    container = {
        "type": "message",
        "message_ts": message["ts"],
        "channel_id": channel,
        "is_ephemeral": False,
    }
    if message.get("thread_ts"):
        container["thread_ts"] = message["thread_ts"]
    shown = {k: v for k, v in message.items() if k not in ("channel", "metadata")}
    payload = {
        "type": "block_actions",
        "user": _user(user),
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": driver.fake.new_trigger(user),
        "team": {"id": TEAM_ID, "domain": "acme"},
        "channel": {"id": channel, "name": "directmessage"},
        "message": shown,
        "response_url": driver.fake.new_response_url(),
        "actions": [_action(block_id, element)],
    }
    return await driver.transport.interaction(payload)


def _element(holder: Mapping[str, Any], action_id: str) -> tuple[str, dict[str, Any]]:
    for block in holder.get("blocks") or []:
        for element in block.get("elements") or []:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return block.get("block_id", "b"), element
    raise AssertionError(f"no button {action_id}")


def _action(block_id: str, element: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "action_id": element["action_id"],
        "block_id": block_id,
        "text": element["text"],
        "value": element.get("value", ""),
        "type": "button",
        "action_ts": f"{time.time():.6f}",
    }
