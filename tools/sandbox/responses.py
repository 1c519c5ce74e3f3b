"""The answers the sandbox gives, in the three shapes a Lucca client meets.

- JSON resources (`application/json; charset=utf-8`, as ASP.NET writes them);
- RFC 7807 problem details, the way ASP.NET Core's `ValidationProblemDetails` looks (type URL
  from RFC 9110, title, status, errors, traceId);
- the legacy `{"Status": ..., "Message": ...}` body older Lucca APIs still answer with.
"""

import json
import secrets
from dataclasses import dataclass
from typing import Any

from tools.sandbox.lucca_facts import PROBLEM_MEDIA_TYPE, VALIDATION_TITLE

JSON_TYPE = "application/json; charset=utf-8"
PROBLEM_TYPE = f"{PROBLEM_MEDIA_TYPE}; charset=utf-8"

_PROBLEM_TYPES = {
    400: ("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad Request"),
    404: ("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found"),
    405: ("https://tools.ietf.org/html/rfc9110#section-15.5.6", "Method Not Allowed"),
    408: ("https://tools.ietf.org/html/rfc9110#section-15.5.9", "Request Timeout"),
    413: ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Content Too Large"),
    415: ("https://tools.ietf.org/html/rfc9110#section-15.5.16", "Unsupported Media Type"),
    429: ("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests"),
    431: ("https://tools.ietf.org/html/rfc6585#section-5", "Request Header Fields Too Large"),
}


@dataclass(frozen=True)
class Response:
    """A complete answer; the app sends it in one piece since every body here is small."""

    status: int
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()


def json_response(status: int, payload: Any, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    return Response(status, _encode(payload), (("content-type", JSON_TYPE), *headers))


def problem(
    status: int,
    *,
    errors: dict[str, list[str]] | None = None,
    detail: str | None = None,
    headers: tuple[tuple[str, str], ...] = (),
) -> Response:
    """A problem+json answer; with `errors` it is a validation problem, as ASP.NET titles it."""
    type_url, title = _PROBLEM_TYPES[status]
    payload: dict[str, Any] = {
        "type": type_url,
        "title": VALIDATION_TITLE if errors else title,
        "status": status,
    }
    if detail is not None:
        payload["detail"] = detail
    if errors:
        payload["errors"] = errors
    payload["traceId"] = new_trace_id()
    return Response(status, _encode(payload), (("content-type", PROBLEM_TYPE), *headers))


def validation_problem(errors: dict[str, list[str]]) -> Response:
    return problem(400, errors=errors)


def legacy_error(status: int, message: str) -> Response:
    """The older Lucca error body; clients must cope with both shapes."""
    payload = {"Status": status, "Message": message}
    return Response(status, _encode(payload), (("content-type", JSON_TYPE),))


def new_trace_id() -> str:
    """A W3C traceparent, which is what ASP.NET puts in `traceId` behind an activity."""
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-00"


def _encode(payload: Any) -> bytes:
    # ASCII escapes like System.Text.Json's default encoder: clients must decode them properly.
    return json.dumps(payload, separators=(",", ":")).encode("ascii")
