"""Lucca's HTTP statuses as the core's errors, and `Retry-After` read as RFC 9110 writes it.

Statuses follow Lucca's "errors" and "limits" pages: 401 a bad key, 403 a key without the right,
429 the tenant's budget, 408 a request Lucca aborted after 5 s. Where an answer may come after the
training was stored (408, 500, 502, 504 to a POST), the outcome is unknown, for the core to settle
through the catalog; it is never called "not created".
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime

import httpx

from tools.core.errors import (
    CHECK_BEFORE_RETRY,
    LuccaAuthFailed,
    LuccaError,
    LuccaNotFound,
    LuccaRateLimited,
    LuccaRejected,
    LuccaUnavailable,
    OutcomeUnknown,
    UnexpectedAnswer,
)
from tools.core.problem import Problem


def error_for_status(
    response: httpx.Response, method: str, problem: Problem, base_url: str
) -> LuccaError:
    status = response.status_code
    said = problem.summary if not problem.field_errors else None
    if status in (400, 422):
        return LuccaRejected(
            f"Lucca refused the training ({status}).",
            "Correct what it names and try again.",
            status=status,
            field_errors=problem.field_errors,
            lucca_said=said,
        )
    if status == 401:
        return LuccaAuthFailed(
            "Lucca refused the API key (401 Unauthorized).",
            "Check LUCCA_API_KEY: it may be mistyped, revoked, or from another Lucca account.",
            status=status,
        )
    if status == 403:
        return LuccaAuthFailed(
            "The API key is valid but not allowed to create trainings (403 Forbidden).",
            "Ask a Lucca administrator to give the key's API application access to Lucca Training.",
            status=status,
        )
    if status == 404:
        return LuccaNotFound(
            f"Lucca Training's API was not found at {base_url} (404).",
            "Check LUCCA_BASE_URL: it must be your account's address, like "
            "https://acme.ilucca.net, with Lucca Training enabled.",
            status=status,
        )
    if status == 408 and method == "POST":
        # Lucca aborts a request running over 5 s, which may have begun: settled like a 500.
        return OutcomeUnknown(
            "Lucca gave up on the creation after 5 seconds (408): the training may or may not "
            "have been created.",
            CHECK_BEFORE_RETRY,
            status=status,
        )
    if status == 408:
        return LuccaUnavailable(
            "Lucca gave up on the request after 5 seconds (408).",
            "Try again in a moment.",
            status=status,
        )
    if status == 429:
        retry_after = retry_after_seconds(response)
        return LuccaRateLimited(
            "Lucca's rate limit is reached (50 requests a minute for the whole account, "
            "shared by all its integrations).",
            f"Try again in {retry_after:.0f} seconds."
            if retry_after is not None
            else "Try again in a minute.",
            retry_after=retry_after,
        )
    if status in (500, 502, 504) and method == "POST":
        # A gateway error or a crash may come after the training was stored.
        who = "Lucca" if status == 500 else "Lucca's gateway"
        return OutcomeUnknown(
            f"{who} answered {status}: the training may or may not have been created.",
            CHECK_BEFORE_RETRY,
            status=status,
        )
    if status >= 500:
        return LuccaUnavailable(
            f"Lucca is unavailable ({status}); the training was not created.",
            "Try again in a few minutes.",
            status=status,
        )
    if 300 <= status < 400:
        return UnexpectedAnswer(
            f"Lucca answered with a redirect ({status}) instead of handling the request.",
            "Check LUCCA_BASE_URL: use your account's https address, like https://acme.ilucca.net.",
            status=status,
        )
    return LuccaRejected(
        f"Lucca refused the request ({status} {response.reason_phrase}).",
        "Check the input and the settings, then try again.",
        status=status,
        lucca_said=said,
    )


MAX_RETRY_AFTER_SECONDS = 86_400.0  # a longer wait is as good as "not today"
_DELAY_SECONDS = re.compile(r"[0-9]{1,9}")


def retry_after_seconds(response: httpx.Response) -> float | None:
    """`Retry-After` as seconds from now: delay-seconds or an HTTP date (RFC 9110), capped."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if _DELAY_SECONDS.fullmatch(value):
        return min(float(value), MAX_RETRY_AFTER_SECONDS)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - datetime.now(UTC)).total_seconds()), MAX_RETRY_AFTER_SECONDS)
