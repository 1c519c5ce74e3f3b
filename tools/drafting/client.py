"""`ModelClient`: one chat-completions call to an OpenAI-compatible endpoint.

It is handed the process's shared `httpx.AsyncClient` (never one per request) and an
`LlmConnection`; each call has the connection's timeout. Every failure becomes a `DraftingError`
with a short reason; the key goes only into the Authorization header, and neither the key nor a
body (ours or the model's) is ever put in a message or a log line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from tools.drafting.errors import ModelRefused, ModelTimedOut, ModelUnavailable, UnreadableAnswer
from tools.drafting.settings import LlmConnection

logger = logging.getLogger("lucca_training.drafting")

Message = Mapping[str, str]  # {"role": "system" | "user" | "assistant", "content": ...}
# Low: a draft should follow the notes, not wander.
TEMPERATURE = 0.3


class ModelClient:
    def __init__(self, http: httpx.AsyncClient, connection: LlmConnection) -> None:
        self._http = http
        self._connection = connection

    def __repr__(self) -> str:
        return f"ModelClient(model={self._connection.model!r}, url={self._connection.base_url!r})"

    @property
    def timeout_seconds(self) -> float:
        return self._connection.timeout_seconds

    async def chat(self, messages: Sequence[Message]) -> str:
        """The text of the model's first choice."""
        connection = self._connection
        body = {
            "model": connection.model,
            "messages": [dict(message) for message in messages],
            "temperature": TEMPERATURE,
        }
        started = time.perf_counter()
        try:
            response = await self._http.post(
                connection.completions_url,
                json=body,
                headers={"Authorization": f"Bearer {connection.api_key}"},
                timeout=httpx.Timeout(connection.timeout_seconds),
            )
        except httpx.TimeoutException:
            logger.warning("The model did not answer within %s s", connection.timeout_seconds)
            raise ModelTimedOut(
                f"the model did not answer within {connection.timeout_seconds:g} seconds"
            ) from None
        except httpx.HTTPError as exc:
            logger.warning("Could not reach the model (%s)", type(exc).__name__)
            raise ModelUnavailable("the model could not be reached") from None
        logger.info(
            "Model answered %s in %.2f s", response.status_code, time.perf_counter() - started
        )
        _raise_for_status(response.status_code)
        return _content_of(response)


def _raise_for_status(status: int) -> None:
    if 200 <= status < 300:
        return
    if status in (401, 403):
        raise ModelRefused(f"the model service refused the key (HTTP {status})")
    if status == 429 or status >= 500:
        raise ModelUnavailable(f"the model service is busy or failing (HTTP {status})")
    if 300 <= status < 400:
        raise ModelRefused(f"the model service redirected the request (HTTP {status})")
    raise ModelRefused(f"the model service refused the request (HTTP {status}; check LLM_MODEL)")


def _content_of(response: httpx.Response) -> str:
    try:
        data: Any = response.json()
    except ValueError:
        raise UnreadableAnswer("the model service's answer is not JSON") from None
    choices = data.get("choices") if isinstance(data, dict) else None
    first = choices[0] if isinstance(choices, list) and choices else None
    message = first.get("message") if isinstance(first, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str) or not content.strip():
        raise UnreadableAnswer("the model's answer has no text")
    return content
