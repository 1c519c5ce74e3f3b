"""Reading Lucca's error answers: RFC 7807 problem+json and the older `{"Status", "Message"}`.

Only short, plain texts are kept: an HTML error page or a stack trace is never shown to anyone.
Field keys come in ASP.NET's forms (`Title`, `$.level`, `ProviderId`) and are mapped back to the
tool's own field names so each face can put the message next to the right input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import httpx

from tools.core.errors import FieldError

MAX_TEXT_LENGTH = 300


@dataclass(frozen=True)
class Problem:
    title: str | None = None
    detail: str | None = None
    field_errors: tuple[FieldError, ...] = field(default=())

    @property
    def summary(self) -> str | None:
        parts = [part for part in (self.title, self.detail) if part]
        return " ".join(parts) if parts else None


def read_problem(
    response: httpx.Response, known_fields: Iterable[str], secrets: Iterable[str] = ()
) -> Problem:
    """What Lucca said went wrong, or an empty `Problem` when the body is not one of its shapes."""
    body = _json_object(response)
    if body is None:
        return Problem()
    scrub = _scrubber(secrets)
    lowered = {str(key).lower(): value for key, value in body.items()}
    title = _short_text(lowered.get("title"), scrub)
    detail = _short_text(lowered.get("detail") or lowered.get("message"), scrub)
    errors = lowered.get("errors")
    by_name = {name.lower(): name for name in known_fields}
    field_errors = tuple(
        FieldError(_field_name(scrub(str(key)), by_name), text, code="lucca")
        for key, messages in (errors.items() if isinstance(errors, dict) else ())
        for text in _texts(messages, scrub)
    )
    return Problem(title=title, detail=detail, field_errors=field_errors)


def _json_object(response: httpx.Response) -> dict | None:
    content_type = response.headers.get("content-type", "").lower()
    if "json" not in content_type:
        return None
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


def _field_name(key: str, by_name: dict[str, str]) -> str:
    """`Title` -> `title`, `$.level` -> `level`, `$.providerId` -> `providerId`; `$` -> `body`."""
    bare = str(key).removeprefix("$").lstrip(".").split(".")[0].split("[")[0]
    if not bare:
        return "body"
    return by_name.get(bare.lower(), bare[:1].lower() + bare[1:60])


def _texts(messages: object, scrub) -> list[str]:
    items = messages if isinstance(messages, list) else [messages]
    return [text for text in (_short_text(item, scrub) for item in items) if text]


def _short_text(value: object, scrub) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = scrub(" ".join(value.split()))
    return text if len(text) <= MAX_TEXT_LENGTH else f"{text[: MAX_TEXT_LENGTH - 3]}..."


def _scrubber(secrets: Iterable[str]):
    hidden = [secret for secret in secrets if secret]

    def scrub(text: str) -> str:
        for secret in hidden:
            text = text.replace(secret, "[redacted]")
        return text

    return scrub
