"""Slack's side of the conversation: what a user's clicks send to the app, and what Slack does
with the answers.

Payloads have Slack's real shapes (a slash command's form fields, `payload=` JSON for
interactions). `SignedHttp` sends them as Slack does in HTTP mode (signed with the signing secret,
to `/slack/events` over real HTTP); `SocketDispatch` hands them to `async_dispatch` as the Socket
Mode adapter does. The driver builds a submission's `state.values` from the modal the fake Slack
holds, so a test can only fill inputs that really exist, with the element types they really have.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

import httpx
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from bot import ids
from tests.bot.fake_slack import TEAM_ID, FakeSlack
from tests.support import SLACK_APP_TOKEN, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET

SIGNING_SECRET = SLACK_SIGNING_SECRET
BOT_TOKEN = SLACK_BOT_TOKEN
APP_TOKEN = SLACK_APP_TOKEN
USER = "U0ANN"
CHANNEL = "C0GENERAL"

VALID_FORM: dict[str, Any] = {
    ids.TITLE_BLOCK: "Negotiation basics",
    ids.SUBTITLE_BLOCK: "Prepare, open, close",
    ids.DESCRIPTION_BLOCK: "Three half-days of practice.",
    ids.LEVEL_BLOCK: "Beginner",
    ids.CERTIFYING_BLOCK: ids.NO,
    ids.MANDATORY_BLOCK: ids.YES,
}


@dataclass
class Answer:
    status: int
    body: dict[str, Any] | None
    text: str = ""


class Transport(Protocol):
    async def command(self, fields: dict[str, str], headers: dict[str, str]) -> Answer: ...
    async def interaction(self, payload: dict[str, Any]) -> Answer: ...


def signature_headers(body: bytes, secret: str = SIGNING_SECRET, timestamp: int | None = None):
    """Slack's request signing: HMAC-SHA256 over `v0:{timestamp}:{body}`."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256)
    return {
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
        "Content-Type": "application/x-www-form-urlencoded",
    }


class SignedHttp:
    def __init__(self, http: httpx.AsyncClient, url: str, secret: str = SIGNING_SECRET) -> None:
        self.http, self.url, self.secret = http, url, secret

    async def post(self, body: bytes, headers: Mapping[str, str] = {}) -> Answer:
        signed = {**signature_headers(body, self.secret), **headers}
        response = await self.http.post(self.url, content=body, headers=signed)
        return _answer(response.status_code, response.text)

    async def command(self, fields: dict[str, str], headers: dict[str, str]) -> Answer:
        return await self.post(urlencode(fields).encode(), headers)

    async def interaction(self, payload: dict[str, Any]) -> Answer:
        return await self.post(urlencode({"payload": json.dumps(payload)}).encode())


class SocketDispatch:
    """As `slack_bolt.adapter.socket_mode` does: no signature, the payload as a dict."""

    def __init__(self, app: AsyncApp) -> None:
        self.app = app

    async def _dispatch(self, body: dict[str, Any], headers: dict[str, str]) -> Answer:
        request = AsyncBoltRequest(mode="socket_mode", body=body, headers=headers)
        response = await self.app.async_dispatch(request)
        return _answer(response.status, response.body)

    async def command(self, fields: dict[str, str], headers: dict[str, str]) -> Answer:
        # The adapter turns an envelope's retry_attempt into this header, "0" on a first attempt.
        retry = headers.get("X-Slack-Retry-Num", "0")
        return await self._dispatch(dict(fields), {"x-slack-retry-num": retry})

    async def interaction(self, payload: dict[str, Any]) -> Answer:
        return await self._dispatch(payload, {"x-slack-retry-num": "0"})


def _answer(status: int, text: str) -> Answer:
    try:
        body = json.loads(text) if text else None
    except ValueError:
        body = None
    return Answer(status, body if isinstance(body, dict) else None, text)


class SlackDriver:
    def __init__(self, fake: FakeSlack, transport: Transport) -> None:
        self.fake = fake
        self.transport = transport

    def command_fields(self, user: str, text: str, channel: str) -> dict[str, str]:
        return {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "acme",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": ids.COMMAND,
            "text": text,
            "api_app_id": "A0APP",
            "is_enterprise_install": "false",
            "response_url": self.fake.new_response_url(),
            "trigger_id": self.fake.new_trigger(user),
        }

    async def command(
        self, user: str = USER, text: str = "", channel: str = CHANNEL, retry: int | None = None
    ) -> Answer:
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        fields = self.command_fields(user, text, channel)
        return await self.transport.command(fields, headers if retry else {})

    async def open_form(self, user: str = USER, text: str = "", channel: str = CHANNEL) -> str:
        """Type the command and wait for the modal; its view id."""
        before = len(self.fake.calls_to("views.open"))
        answer = await self.command(user, text, channel)
        assert answer.status == 200, answer
        call = await self.fake.wait_for(lambda: self.fake.calls_to("views.open")[before:])
        assert call[0].ok, call[0].answer
        return call[0].answer["view"]["id"]

    async def suggest(self, view_id: str, action_id: str, typed: str, user: str = USER) -> Answer:
        block_id = _block_of_action(self.fake.views[view_id].view, action_id)
        payload = {
            "type": "block_suggestion",
            "user": _user(user),
            "container": {"type": "view", "view_id": view_id},
            "api_app_id": "A0APP",
            "token": "legacy-verification-token",
            "action_id": action_id,
            "block_id": block_id,
            "value": typed,
            "team": {"id": TEAM_ID, "domain": "acme"},
            "view": self.fake.full_view(view_id),
        }
        return await self.transport.interaction(payload)

    async def submit(
        self, view_id: str, values: Mapping[str, Any], user: str = USER, close: bool = False
    ) -> Answer:
        """Press the modal's submit button with `values` (block id -> what the user entered);
        with `close`, the user closes the modal as soon as Slack shows the answer (before the app
        could update it: see `FakeSlack.submission_sent`)."""
        shown = self.fake.full_view(view_id)  # as it is once any change in progress is done
        view = {**shown, "state": {"values": state_of(shown, values)}}
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": "acme"},
            "user": _user(user),
            "api_app_id": "A0APP",
            "token": "legacy-verification-token",
            "trigger_id": self.fake.new_trigger(user),
            "view": view,
            "response_urls": [],
            "is_enterprise_install": False,
            "enterprise": None,
        }
        self.fake.submission_sent(view_id)
        try:
            answer = await self.transport.interaction(payload)
            if answer.status == 200:
                self._check_errors_target_inputs(shown, answer.body)
                self.fake.apply_answer(view_id, answer.body)
            if close:
                self.fake.close_view(view_id)
        finally:
            self.fake.submission_done(view_id)
        return answer

    def _check_errors_target_inputs(self, view: dict[str, Any], body: dict | None) -> None:
        if not body or body.get("response_action") != "errors":
            return
        inputs = {b["block_id"] for b in view["blocks"] if b["type"] == "input"}
        unknown = set(body["errors"]) - inputs
        assert not unknown, f"errors on blocks that are not inputs: {unknown}"


def state_of(view: dict[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """`view.state.values` for these inputs, shaped by each element's type, as Slack sends it."""
    inputs = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    unknown = set(values) - set(inputs)
    assert not unknown, f"no such input in the modal: {unknown}"
    state: dict[str, Any] = {}
    for block_id, element in inputs.items():
        given = values.get(block_id)
        kind, action = element["type"], element["action_id"]
        if kind == "plain_text_input":
            entry = {"type": kind, "value": given}
        elif kind == "external_select":
            entry = {"type": kind, "selected_option": _external_option(given)}
        elif kind == "checkboxes":  # `given`: the values ticked
            ticked = [_static_option(element, value) for value in given or ()]
            entry = {"type": kind, "selected_options": ticked}
        else:
            entry = {"type": kind, "selected_option": _static_option(element, given)}
        state[block_id] = {action: entry}
    return state


def _static_option(element: dict[str, Any], value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    for option in element["options"]:
        if option["value"] == value:
            return option
    # Not an option of the element: only a forged request could send it; tests use it on purpose.
    return {"text": {"type": "plain_text", "text": str(value)}, "value": str(value)}


def _external_option(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        value, text = value
    else:
        text = f"#{value}"
    return {"text": {"type": "plain_text", "text": text, "emoji": True}, "value": str(value)}


def _block_of_action(view: dict[str, Any], action_id: str) -> str:
    for block in view["blocks"]:
        if block.get("element", {}).get("action_id") == action_id:
            return block["block_id"]
    raise AssertionError(f"no element {action_id} in the modal")


def _user(user_id: str) -> dict[str, str]:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": TEAM_ID}


def inputs_of(view: dict[str, Any]) -> dict[str, Any]:
    """What each input of a view shows: initial value, or initial option's value (or text)."""
    shown: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        if "initial_value" in element:
            shown[block["block_id"]] = element["initial_value"]
        elif "initial_option" in element:
            shown[block["block_id"]] = element["initial_option"]["value"]
    return shown


def texts_of(view: dict[str, Any]) -> str:
    """Every text a view shows, joined: for asserting what the user reads."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for key, value in node.items():
                if key != "private_metadata":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(view.get("blocks", []))
    walk(view.get("title"))
    return "\n".join(found)
