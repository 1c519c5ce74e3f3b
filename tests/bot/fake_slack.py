"""A local fake of Slack's Web API (and Socket Mode), served over real HTTP from its own thread.

The app's `AsyncWebClient` is pointed at it with SLACK_API_URL, as Bolt's own tests do. It checks
the bot token (the app token for `apps.connections.open`), records every call, keeps the modals it
opened with their hashes, and answers as Slack does: `expired_trigger_id` for a trigger older than
3 seconds or used twice, `invalid_arguments` for a view Slack would refuse (every view goes
through `block_kit.view_problems`), `hash_conflict` for a stale hash, `not_found` for a closed or
unknown view, `user_not_found`, `no_such_subteam`. It also plays the response_url endpoints and a
Socket Mode WebSocket that delivers envelopes and collects the app's acknowledgements.

For the other doors: `views.publish` keeps each user's Home tab (checked like any view),
`users.info` and `conversations.info` give the names tests set (`user_names`, `channels`), and a
Workflow Builder step's execution (`new_function_execution`) issues the short-lived token Slack
hands the app with `function_executed`; `functions.completeSuccess` / `functions.completeError`
accept it once per execution (then `function_execution_already_completed`) and are recorded.

It keeps the messages of every conversation: people's (`post_as_user`, which tests use to make
someone write) and the app's (`chat.postMessage`, in a thread with `thread_ts`, with checked blocks
and message metadata), and reads threads back with `conversations.replies`, metadata included only
when asked with `include_all_metadata`, as Slack does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.bot.block_kit import message_problems, view_problems
from tests.local_server import LocalServer

TRIGGER_LIFETIME_SECONDS = 3.0
# How long `wait_for` waits for a condition by default. Only a safety net, so that a broken app
# fails the test instead of hanging it: a test waits for the condition, never for this long, and a
# loaded 2-core machine (two suites side by side) can take seconds for a creation's whole chain.
WAIT_SECONDS = 30.0
TEAM_ID = "T0TEAM"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
APP_ID = "A0APP"


@dataclass
class ApiCall:
    method: str
    args: dict[str, Any]
    answer: dict[str, Any]

    @property
    def ok(self) -> bool:
        return bool(self.answer.get("ok"))


@dataclass
class OpenView:
    id: str
    view: dict[str, Any]
    hash: str
    user_id: str
    closed: bool = False
    history: list[dict[str, Any]] = field(default_factory=list)  # every view shown, in order
    # The fake answers in its own thread: `view`, `hash` and `history` change together under this
    # lock, so a test that saw the history grow and then reads the view (to submit it) waits for
    # the whole change instead of reading the view from before it.
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)
    # Set while a submission of this view is on its way and Slack has not applied its answer yet
    # (see `FakeSlack.submission_sent`); None when no submission is pending.
    answer_applied: threading.Event | None = field(default=None, repr=False, compare=False)
    submitted_at: float = 0.0
    submissions_pending: int = 0  # a double click sends two at once


class FakeSlack:
    def __init__(
        self,
        bot_token: str,
        app_token: str = "xapp-1-fake-app-token",
        *,
        settle_seconds: float = 0.3,
    ) -> None:
        self.bot_token = bot_token
        # The app promises not to update a submitted view sooner than this after the submission
        # (bot/creations.py SETTLE_SECONDS, or what the test built the app with).
        self.settle_seconds = settle_seconds
        self.app_token = app_token
        self.calls: list[ApiCall] = []
        self.views: dict[str, OpenView] = {}
        self.locales: dict[str, str] = {}  # user id -> Slack locale
        self.usergroups: dict[str, list[str]] = {}
        self.responses: list[dict[str, Any]] = []  # what was posted to response_urls
        self.view_problems: list[str] = []  # every refused view, with why
        self.failures: dict[str, list[str]] = {}  # method -> errors to answer next
        self.delays: dict[str, float] = {}  # method -> seconds before answering
        self.socket_acks: dict[str, dict[str, Any]] = {}
        self.messages: list[dict[str, Any]] = []  # every message, with its "channel"
        self.message_problems: list[str] = []  # every refused message, with why
        self.user_names: dict[str, str] = {}  # user id -> display name
        self.channels: dict[str, str] = {}  # channel id -> name (others: channel_not_found)
        self.homes: dict[str, list[dict[str, Any]]] = {}  # user id -> every Home tab published
        self.ephemerals: list[dict[str, Any]] = []  # what chat.postEphemeral showed, to whom
        self.executions: dict[str, dict[str, Any]] = {}  # function execution id -> its outcome
        self._function_tokens: dict[str, str] = {}  # token -> function execution id
        self._last_ts = 0.0
        self._triggers: dict[str, tuple[str, float]] = {}
        self._response_urls: set[str] = set()
        self._used_triggers: set[str] = set()
        self._ids = itertools.count(1)
        self._server = LocalServer(self._app, name="fake-slack", before_cleanup=self._close_sockets)
        self._sockets: list[web.WebSocketResponse] = []

    # Running it.

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def __enter__(self) -> FakeSlack:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()

    def _app(self) -> web.Application:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{hook}", self._response_url)
        app.router.add_get("/socket", self._socket)
        return app

    async def _close_sockets(self) -> None:
        for socket in list(self._sockets):
            await socket.close()

    # What tests set up and read.

    def new_trigger(self, user_id: str) -> str:
        trigger = f"{next(self._ids)}.{secrets.token_hex(6)}"
        self._triggers[trigger] = (user_id, time.monotonic())
        return trigger

    def new_response_url(self) -> str:
        hook = secrets.token_hex(8)
        self._response_urls.add(hook)
        return f"{self.base_url}/response/{hook}"

    def post_as_user(
        self, channel: str, user: str, text: str, thread_ts: str | None = None
    ) -> dict[str, Any]:
        """Someone writes in a conversation; the message as Slack stores it (with `channel`)."""
        message: dict[str, Any] = {
            "type": "message",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": self._new_ts(),
            "team": TEAM_ID,
        }
        if thread_ts:
            message["thread_ts"] = thread_ts
        self.messages.append(message)
        return dict(message)

    def thread(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        """A thread's messages in order: its first message and the replies."""
        return [
            m
            for m in self.messages
            if m["channel"] == channel and thread_ts in (m["ts"], m.get("thread_ts"))
        ]

    def new_function_execution(self) -> tuple[str, str]:
        """A workflow step starts: its execution id and the token Slack gives the app for it."""
        execution_id = f"Fx{next(self._ids):08d}"
        token = "xwfp-" + secrets.token_hex(12)
        self._function_tokens[token] = execution_id
        self.executions[execution_id] = {}
        return execution_id, token

    def fail_next(self, method: str, error: str) -> None:
        self.failures.setdefault(method, []).append(error)

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in list(self.calls) if call.method == method]

    def apply_answer(self, view_id: str, answer: dict[str, Any] | None) -> None:
        """What Slack does with our answer to a view_submission: update, close, or keep."""
        current = self.views[view_id]
        action = (answer or {}).get("response_action")
        if action == "update":
            self._replace(current, answer["view"])
        elif action in (None, "clear"):
            current.closed = True

    def close_view(self, view_id: str) -> None:
        """The user closed the modal."""
        self.views[view_id].closed = True

    def submission_sent(self, view_id: str) -> None:
        """A submission of this view is on its way to the app (the driver calls it).

        Real Slack applies the answer to a submission as soon as it reads it; the app waits
        `settle_seconds` after a submission before it updates the view, so that its update comes
        after the answer. Here the driver, a coroutine on a loaded machine, applies the answer and
        can be late by more than that: until `submission_done`, an update of this view waits for
        the answer to be applied, so the order is Slack's and not the scheduler's. An update that
        comes sooner than `settle_seconds` after the submission is still the app's fault, and
        is noted in `view_problems`.
        """
        opened = self.views[view_id]
        with opened.lock:
            opened.submissions_pending += 1
            if opened.answer_applied is None:
                opened.answer_applied = threading.Event()
                opened.submitted_at = time.monotonic()

    def submission_done(self, view_id: str) -> None:
        """Slack has applied the answer to the submission (and the user did what they do next)."""
        opened = self.views[view_id]
        with opened.lock:
            opened.submissions_pending -= 1
            if opened.submissions_pending > 0:
                return
            applied, opened.answer_applied = opened.answer_applied, None
        if applied is not None:
            applied.set()

    async def _after_the_pending_answer(self, view_id: str) -> None:
        opened = self.views.get(view_id)
        applied = opened.answer_applied if opened is not None else None
        if opened is None or applied is None or applied.is_set():
            return
        early = time.monotonic() - opened.submitted_at
        if early < self.settle_seconds:
            self.view_problems.append(
                f"views.update {early:.3f} s after a submission, before Slack could apply "
                f"its answer (the app promises {self.settle_seconds} s)"
            )
        if not await asyncio.to_thread(applied.wait, WAIT_SECONDS):
            self.view_problems.append("the driver never applied the answer to a submission")

    async def wait_for(self, condition: Callable[[], Any], timeout: float = WAIT_SECONDS) -> Any:
        """Poll until `condition()` is truthy; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            await asyncio.sleep(0.01)
        raise AssertionError(f"timed out after {timeout} s waiting for {condition}")

    async def send_envelope(
        self, kind: str, payload: dict[str, Any], timeout: float = WAIT_SECONDS
    ):
        """Deliver one Socket Mode envelope; the app's acknowledgement (its payload, or {})."""
        envelope_id = secrets.token_hex(8)
        message = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": 0,
            "retry_reason": "",
        }
        assert self._server.loop is not None and self._sockets, "no Socket Mode connection"
        sent = asyncio.run_coroutine_threadsafe(
            self._sockets[-1].send_str(json.dumps(message)), self._server.loop
        )
        await asyncio.wrap_future(sent)
        ack = await self.wait_for(lambda: self.socket_acks.get(envelope_id), timeout)
        return ack.get("payload") or {}

    # The Web API.

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                args.update(await request.json())
            else:
                args.update(dict(await request.post()))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ") or args.get(
            "token", ""
        )
        if method in self.delays:
            await asyncio.sleep(self.delays[method])  # the fault under test: Slack is slow
        if method == "views.update":
            await self._after_the_pending_answer(str(args.get("view_id", "")))
        answer = self._answer(method, args, token)
        self.calls.append(ApiCall(method, args, answer))
        return web.json_response(answer)

    def _answer(self, method: str, args: dict[str, Any], token: str) -> dict[str, Any]:
        wanted = self.app_token if method == "apps.connections.open" else self.bot_token
        if not token:
            return {"ok": False, "error": "not_authed"}
        if token != wanted and token not in self._function_tokens:
            return {"ok": False, "error": "invalid_auth"}
        if method.startswith("functions.") and token not in self._function_tokens:
            return {"ok": False, "error": "invalid_auth"}  # only a step's own token completes it
        if self.failures.get(method):
            return {"ok": False, "error": self.failures[method].pop(0)}
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return {"ok": False, "error": "unknown_method"}
        return handler(args)

    def _auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://acme.slack.com/",
            "team": "Acme",
            "user": "lucca-training",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": "B0BOT",
            "is_enterprise_install": False,
        }

    def _apps_connections_open(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket?ticket=t"}

    def _views_open(self, args: dict[str, Any]) -> dict[str, Any]:
        trigger = args.get("trigger_id", "")
        if trigger in self._used_triggers:
            return {"ok": False, "error": "expired_trigger_id"}
        if trigger not in self._triggers:
            return {"ok": False, "error": "invalid_trigger_id"}
        self._used_triggers.add(trigger)
        user_id, issued = self._triggers.pop(trigger)
        if time.monotonic() - issued > TRIGGER_LIFETIME_SECONDS:
            return {"ok": False, "error": "expired_trigger_id"}
        view = _as_view(args.get("view"))
        refused = self._refused(view)
        if refused:
            return refused
        opened = OpenView(f"V{next(self._ids):08d}", {}, "", user_id)
        self._replace(opened, view)
        self.views[opened.id] = opened
        return {"ok": True, "view": self._full(opened)}

    def _views_update(self, args: dict[str, Any]) -> dict[str, Any]:
        current = self.views.get(args.get("view_id", ""))
        if current is None or current.closed:
            return {"ok": False, "error": "not_found"}
        if args.get("hash") and args["hash"] != current.hash:
            return {"ok": False, "error": "hash_conflict"}
        view = _as_view(args.get("view"))
        refused = self._refused(view)
        if refused:
            return refused
        self._replace(current, view)
        return {"ok": True, "view": self._full(current)}

    def _chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        if not args.get("text") and not args.get("blocks"):
            return {"ok": False, "error": "no_text"}
        if channel.startswith(("U", "W")):
            channel = "D" + channel[1:]  # posting to a user id lands in the app's DM with them
        blocks, metadata = _json_arg(args.get("blocks")), _json_arg(args.get("metadata"))
        problems = message_problems(blocks) if blocks is not None else []
        if problems:
            self.message_problems.extend(problems)
            return {"ok": False, "error": "invalid_blocks", "errors": problems}
        if metadata is not None and not _valid_metadata(metadata):
            self.message_problems.append("metadata without event_type and event_payload")
            return {"ok": False, "error": "invalid_metadata_format"}
        thread_ts = args.get("thread_ts")
        if thread_ts and not any(
            m["channel"] == channel and m["ts"] == thread_ts for m in self.messages
        ):
            return {"ok": False, "error": "thread_not_found"}
        message: dict[str, Any] = {
            "type": "message",
            "channel": channel,
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "text": args.get("text") or "",
            "ts": self._new_ts(),
            "team": TEAM_ID,
        }
        if blocks is not None:
            message["blocks"] = blocks
        if metadata is not None:
            message["metadata"] = metadata
        if thread_ts:
            message["thread_ts"] = thread_ts
        self.messages.append(message)
        shown = {k: v for k, v in message.items() if k not in ("channel", "metadata")}
        return {"ok": True, "channel": channel, "ts": message["ts"], "message": shown}

    def _conversations_replies(self, args: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(args.get("channel", "")), str(args.get("ts", ""))
        thread = self.thread(channel, ts)
        if not thread or thread[0]["ts"] != ts:
            return {"ok": False, "error": "thread_not_found"}
        with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        limit = int(args.get("limit") or 1000)
        messages = [
            {
                k: v
                for k, v in message.items()
                if k != "channel" and (with_metadata or k != "metadata")
            }
            for message in thread[:limit]
        ]
        return {"ok": True, "messages": messages, "has_more": len(thread) > limit}

    def _chat_postEphemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        if not args.get("user"):
            return {"ok": False, "error": "user_not_in_channel"}
        if not args.get("text") and not args.get("blocks"):
            return {"ok": False, "error": "no_text"}
        channel, thread_ts = str(args.get("channel", "")), args.get("thread_ts")
        if thread_ts and not any(
            m["channel"] == channel and m["ts"] == thread_ts for m in self.messages
        ):
            return {"ok": False, "error": "thread_not_found"}
        self.ephemerals.append({"channel": channel, **args})
        return {"ok": True, "message_ts": self._new_ts()}

    def _conversations_info(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        if channel not in self.channels:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": {"id": channel, "name": self.channels[channel]}}

    def _views_publish(self, args: dict[str, Any]) -> dict[str, Any]:
        user_id = str(args.get("user_id", ""))
        if not user_id.startswith(("U", "W")):
            return {"ok": False, "error": "invalid_arguments"}
        view = _as_view(args.get("view"))
        if not isinstance(view, dict) or view.get("type") != "home":
            return {"ok": False, "error": "invalid_arguments"}
        refused = self._refused(view)
        if refused:
            return refused
        self.homes.setdefault(user_id, []).append(view)
        return {"ok": True, "view": {**view, "id": f"V{next(self._ids):08d}", "team_id": TEAM_ID}}

    def _functions_completeSuccess(self, args: dict[str, Any]) -> dict[str, Any]:
        return self._complete(args, {"outputs": _json_arg(args.get("outputs"))})

    def _functions_completeError(self, args: dict[str, Any]) -> dict[str, Any]:
        return self._complete(args, {"error": args.get("error")})

    def _complete(self, args: dict[str, Any], outcome: dict[str, Any]) -> dict[str, Any]:
        execution_id = str(args.get("function_execution_id", ""))
        if execution_id not in self.executions:
            return {"ok": False, "error": "function_execution_not_found"}
        if self.executions[execution_id]:
            return {"ok": False, "error": "function_execution_already_completed"}
        self.executions[execution_id] = outcome
        return {"ok": True}

    def _users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user_id = args.get("user", "")
        if not user_id.startswith(("U", "W")):
            return {"ok": False, "error": "user_not_found"}
        user: dict[str, Any] = {"id": user_id, "team_id": TEAM_ID, "name": user_id.lower()}
        if user_id in self.user_names:
            name = self.user_names[user_id]
            user["real_name"] = name
            user["profile"] = {"display_name": name, "real_name": name}
        if str(args.get("include_locale", "")).lower() in ("1", "true"):
            user["locale"] = self.locales.get(user_id, "en-US")
        return {"ok": True, "user": user}

    def _usergroups_users_list(self, args: dict[str, Any]) -> dict[str, Any]:
        group = args.get("usergroup", "")
        if group not in self.usergroups:
            return {"ok": False, "error": "no_such_subteam"}
        return {"ok": True, "users": list(self.usergroups[group])}

    def _new_ts(self) -> str:
        """Slack's message timestamps: unique in a channel, increasing, six decimals."""
        self._last_ts = max(time.time(), self._last_ts + 0.000001)
        return f"{self._last_ts:.6f}"

    # Views.

    def _refused(self, view: Any) -> dict[str, Any] | None:
        problems = view_problems(view)
        if not problems:
            return None
        self.view_problems.extend(problems)
        return {
            "ok": False,
            "error": "invalid_arguments",
            "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]},
        }

    def _replace(self, opened: OpenView, view: dict[str, Any]) -> None:
        problems = view_problems(view)
        self.view_problems.extend(problems)
        with opened.lock:
            opened.history.append(view)  # first: readers poll `view`, then read `history`
            opened.hash = f"{int(time.time())}.{secrets.token_hex(4)}"
            opened.view = view

    def _full(self, opened: OpenView) -> dict[str, Any]:
        return {
            **opened.view,
            "id": opened.id,
            "team_id": TEAM_ID,
            "hash": opened.hash,
            "state": {"values": {}},
            "app_id": "A0APP",
            "bot_id": "B0BOT",
            "root_view_id": opened.id,
            "previous_view_id": None,
        }

    def full_view(self, view_id: str) -> dict[str, Any]:
        opened = self.views[view_id]
        with opened.lock:
            return self._full(opened)

    # response_url and Socket Mode.

    async def _response_url(self, request: web.Request) -> web.Response:
        if request.match_info["hook"] not in self._response_urls:
            return web.Response(status=404, text="no_active_hooks")
        self.responses.append(await request.json())
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self._sockets.append(socket)
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0APP"}}
        await socket.send_str(json.dumps(hello))
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self.socket_acks[data["envelope_id"]] = data
        self._sockets.remove(socket)
        return socket


def _json_arg(value: Any) -> Any:
    """slack_sdk sends blocks and metadata as JSON, or as JSON strings inside a form."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _valid_metadata(metadata: Any) -> bool:
    return (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload"), dict)
    )


def _as_view(value: Any) -> Any:
    """slack_sdk sends the view as a JSON object, or as a JSON string inside a form."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
