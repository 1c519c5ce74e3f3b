"""A local fake of an OpenAI-compatible chat-completions server, over real HTTP from its own thread.

It serves `POST /v1/chat/completions`, checks the bearer key (401 otherwise) and the request's
shape (a model, a list of messages with roles and text), records every request, and answers what
the test scripted, in order: a JSON object as the model's text, raw text, an HTTP status, or an
answer that comes too late. A request nobody scripted is answered 500 and noted in `problems`.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.local_server import LocalServer

API_PATH = "/v1"
FAKE_KEY = "sk-test-llm-key-do-not-leak"
FAKE_MODEL = "fake-drafter-1"


@dataclass
class Scripted:
    content: str | None = None  # the model's text
    status: int = 200
    delay: float = 0.0  # seconds before answering
    until: threading.Event | None = None  # answer once the test sets it
    body: str | None = None  # a raw body instead of a chat completion


@dataclass
class FakeLlm:
    key: str = FAKE_KEY
    requests: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._script: deque[Scripted] = deque()
        self._server = LocalServer(self._app, name="fake-llm")

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PATH}"

    # What tests script and read.

    def answer(
        self, data: dict[str, Any], *, delay: float = 0.0, until: threading.Event | None = None
    ) -> None:
        """The model answers with this object as JSON text, `delay` seconds late (a model too
        slow, the behaviour under test), or once `until` is set (for a test that must act first)."""
        content = json.dumps(data, ensure_ascii=False)
        self._script.append(Scripted(content, delay=delay, until=until))

    def answer_text(self, text: str) -> None:
        self._script.append(Scripted(text))

    def answer_status(self, status: int, body: str = '{"error": {"message": "boom"}}') -> None:
        self._script.append(Scripted(status=status, body=body))

    def answer_body(self, body: str) -> None:
        self._script.append(Scripted(body=body))

    @property
    def pending(self) -> int:
        return len(self._script)

    def messages(self, index: int = -1) -> list[dict[str, str]]:
        return self.requests[index]["messages"]

    # Running it.

    def __enter__(self) -> FakeLlm:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(f"{API_PATH}/chat/completions", self._completions)
        return app

    async def _completions(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {self.key}":
            return _error(401, "invalid_api_key")
        try:
            body = await request.json()
        except ValueError:
            return _error(400, "the body is not JSON")
        problem = _shape_problem(body)
        if problem:
            self.problems.append(problem)
            return _error(400, problem)
        self.requests.append(body)
        if not self._script:
            self.problems.append("a request nobody scripted an answer for")
            return _error(500, "no scripted answer")
        scripted = self._script.popleft()
        if scripted.until is not None and not await asyncio.to_thread(scripted.until.wait, 30):
            self.problems.append("a held answer nobody released")
        if scripted.delay:
            await asyncio.sleep(scripted.delay)  # the slowness under test
        if scripted.body is not None:
            return web.Response(
                status=scripted.status, text=scripted.body, content_type="application/json"
            )
        return web.json_response(_completion(body["model"], scripted.content or ""))


def _shape_problem(body: Any) -> str | None:
    if not isinstance(body, dict) or not isinstance(body.get("model"), str):
        return "no model named"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "no messages"
    for message in messages:
        if not isinstance(message, dict) or message.get("role") not in (
            "system",
            "user",
            "assistant",
        ):
            return "a message without a known role"
        if not isinstance(message.get("content"), str):
            return "a message without text"
    return None


def _completion(model: str, content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": {"message": message}}, status=status)
