"""`LuccaClient`: the one place that talks HTTP to Lucca Training.

It is handed a shared `httpx.AsyncClient` (one per process, built by `new_http_client`), adds the
`lucca application=` header, and turns every answer into JSON or a `LuccaError`. It retries only
when Lucca cannot have processed the request: a connection that could not be opened, or a 429 whose
`Retry-After` fits in the caller's budget. A POST that was sent and got no answer is never sent
again: it may have created the training, so it is reported as `OutcomeUnknown`.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from tools.core import events, lucca_api
from tools.core.catalog_titles import CatalogTitles
from tools.core.draft import FIELD_NAMES
from tools.core.errors import (
    ConfigurationError,
    LuccaAuthFailed,
    LuccaError,
    LuccaNotFound,
    LuccaRateLimited,
    LuccaRejected,
    LuccaUnavailable,
    OutcomeUnknown,
    UnexpectedAnswer,
)
from tools.core.pacing import RequestPacer
from tools.core.problem import Problem, read_problem

logger = logging.getLogger("lucca_training.client")

DEFAULT_TIMEOUT_SECONDS = 8.0  # above Lucca's own 5 s abort, so a slow request gets its 408
CONNECT_TIMEOUT_SECONDS = 5.0
USER_AGENT = "lucca-training-tool/0.1"
# A Lucca on loopback is the embedded sandbox: a proxy from the environment (HTTP_PROXY...) must not
# carry requests meant for this machine, and NO_PROXY cannot name every loopback address.
_LOOPBACK_WITHOUT_PROXY = {f"all://{host}": None for host in ("127.0.0.1", "localhost", "[::1]")}
CHECK_BEFORE_RETRY = (
    "Look for it in the Lucca Training catalog before trying again, "
    "so that it is not created twice."
)


def new_http_client(timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS) -> httpx.AsyncClient:
    """The process's shared HTTP client: explicit timeouts, no redirects followed."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout_seconds, connect=CONNECT_TIMEOUT_SECONDS),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        mounts=_LOOPBACK_WITHOUT_PROXY,
    )


@dataclass(frozen=True)
class RetryPolicy:
    """How long one call may wait for Lucca before giving up with a clear error."""

    max_rate_limit_wait: float = 60.0  # seconds of 429 Retry-After waited out, in total
    max_rate_limit_retries: int = 5  # and how many times: a `Retry-After: 0` must not loop forever
    connect_backoff: tuple[float, ...] = (0.25, 1.0)  # pauses between connection attempts


@dataclass(frozen=True)
class TrainingPage:
    items: list[dict[str, Any]]
    count: int | None = None
    next: str | None = None
    prev: str | None = None


Sleep = Callable[[float], Awaitable[None]]


@dataclass
class LuccaClient:
    http: httpx.AsyncClient
    base_url: str
    api_key: str = field(repr=False)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    sleep: Sleep = field(default=asyncio.sleep, repr=False)
    # The process's one pacer (see `tools.cli.lucca_connection`); by default nothing is paced.
    pacer: RequestPacer = field(default_factory=RequestPacer, repr=False, compare=False)
    # What the catalog holds, by title, as far as the duplicate checks need (see `service`).
    catalog_titles: CatalogTitles = field(default_factory=CatalogTitles, repr=False, compare=False)

    async def create_training(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST one training; the JSON Training Lucca answered with."""
        response = await self._send("POST", lucca_api.TRAININGS_PATH, json=dict(body))
        return self._json_object(response, created=True)

    async def list_trainings(
        self,
        *,
        search: str | None = None,
        page: int | str = 1,
        limit: int = 25,
        ids: Iterable[int] = (),
        provider_ids: Iterable[int] = (),
        category_ids: Iterable[int] = (),
    ) -> TrainingPage:
        params: list[tuple[str, str | int]] = [
            (lucca_api.PAGE_PARAM, page),
            (lucca_api.LIMIT_PARAM, limit),
        ]
        params += [(lucca_api.ROOT_FIELDS_PARAM, name) for name in lucca_api.ROOT_FIELDS]
        params += [(lucca_api.ID_FILTER_PARAM, i) for i in ids]
        params += [(lucca_api.PROVIDER_FILTER_PARAM, i) for i in provider_ids]
        params += [(lucca_api.CATEGORY_FILTER_PARAM, i) for i in category_ids]
        if search:
            params.append((lucca_api.SEARCH_PARAM, search))
        response = await self._send("GET", lucca_api.TRAININGS_PATH, params=params)
        body = self._json_object(response, created=False)
        items = body.get("items") if isinstance(body.get("items"), list) else []
        return TrainingPage(
            items=[item for item in items if isinstance(item, dict)],
            count=body.get("count") if isinstance(body.get("count"), int) else None,
            next=body.get("next") if isinstance(body.get("next"), str) else None,
            prev=body.get("prev") if isinstance(body.get("prev"), str) else None,
        )

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        url = self.base_url.rstrip("/") + path
        headers = {lucca_api.AUTH_HEADER: lucca_api.AUTH_SCHEME + self.api_key}
        waited, connect_failures, rate_limited = 0.0, 0, 0
        while True:
            await self.pacer.take_slot()
            started = time.perf_counter()
            try:
                response = await self.http.request(method, url, headers=headers, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout):
                # Nothing reached Lucca: trying again cannot create a duplicate.
                _report(method, path, None, started)
                if connect_failures >= len(self.retry.connect_backoff):
                    raise self._unreachable() from None
                await self.sleep(self.retry.connect_backoff[connect_failures])
                connect_failures += 1
                continue
            except httpx.PoolTimeout:
                raise LuccaUnavailable(
                    "Too many requests to Lucca are already in flight from this process.",
                    "Try again in a moment.",
                ) from None
            except (httpx.LocalProtocolError, httpx.UnsupportedProtocol, UnicodeEncodeError):
                # Refused by httpx before sending: a key or URL that HTTP cannot carry.
                raise ConfigurationError(
                    "The request to Lucca could not be built: LUCCA_API_KEY or LUCCA_BASE_URL "
                    "has characters HTTP does not allow. Nothing was sent.",
                    "Check both settings.",
                ) from None
            except httpx.TransportError as exc:
                _report(method, path, None, started)
                raise self._no_answer(method, exc) from None
            except httpx.HTTPError:
                # An answer came but could not be read (e.g. a broken compressed body).
                _report(method, path, None, started)
                raise self._unreadable(method) from None
            _report(method, path, response.status_code, started)
            wait = _retry_after_seconds(response) if response.status_code == 429 else None
            if (
                wait is not None
                and waited + wait <= self.retry.max_rate_limit_wait
                and rate_limited < self.retry.max_rate_limit_retries
            ):
                logger.info("Lucca's rate limit is reached; waiting %.0f s as it asks", wait)
                self.pacer.pause(wait)  # every other request of the process waits too
                events.emit(events.RateLimitWait(seconds=wait, reason="retry_after"))
                await self.sleep(wait)
                waited += wait
                rate_limited += 1
                continue
            self._raise_for_status(response, method, retry_after=wait)
            return response

    def _json_object(self, response: httpx.Response, *, created: bool) -> dict[str, Any]:
        try:
            body = response.json()
        except (ValueError, UnicodeDecodeError):
            body = None
        if isinstance(body, dict):
            return body
        if created:
            raise UnexpectedAnswer(
                f"Lucca answered {response.status_code} (created) but its answer is not the "
                "training it created, so its id is unknown.",
                "The training was most likely created: look for it in the Lucca Training "
                "catalog before trying again.",
                status=response.status_code,
            )
        raise UnexpectedAnswer(
            f"Lucca answered {response.status_code} with something that is not JSON.",
            "Check LUCCA_BASE_URL: it must be your Lucca account's address.",
            status=response.status_code,
        )

    def _raise_for_status(
        self, response: httpx.Response, method: str, *, retry_after: float | None
    ) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        problem = read_problem(response, FIELD_NAMES, secrets=[self.api_key])
        raise _error_for_status(response, method, problem, self.base_url, retry_after)

    def _unreachable(self) -> LuccaUnavailable:
        return LuccaUnavailable(
            f"Could not connect to Lucca at {self.base_url}; nothing was sent.",
            "Check LUCCA_BASE_URL and the network, then try again.",
        )

    def _unreadable(self, method: str) -> LuccaError:
        if method != "POST":
            return UnexpectedAnswer("Lucca's answer could not be read.", "Try again in a moment.")
        return OutcomeUnknown(
            "Lucca answered the creation, but its answer could not be read: the training may "
            "or may not have been created.",
            CHECK_BEFORE_RETRY,
        )

    def _no_answer(self, method: str, exc: httpx.TransportError) -> LuccaError:
        what = (
            "did not answer in time"
            if isinstance(exc, httpx.TimeoutException)
            else "closed the connection without answering"
        )
        if method != "POST":
            return LuccaUnavailable(f"Lucca {what}.", "Try again in a moment.")
        return OutcomeUnknown(
            f"Lucca {what} after the training was sent: it may or may not have been created.",
            CHECK_BEFORE_RETRY,
        )


def _report(method: str, path: str, status: int | None, started: float) -> None:
    seconds = time.perf_counter() - started
    logger.debug("%s %s -> %s in %.0f ms", method, path, status or "no answer", seconds * 1000)
    events.emit(events.LuccaCall(method=method, path=path, status=status, seconds=seconds))


def _error_for_status(
    response: httpx.Response,
    method: str,
    problem: Problem,
    base_url: str,
    retry_after: float | None,  # already read from a 429's Retry-After
) -> LuccaError:
    status = response.status_code
    said = f" Lucca said: {problem.summary}" if problem.summary and not problem.field_errors else ""
    if status in (400, 422):
        return LuccaRejected(
            f"Lucca refused the training ({status}).{said}",
            "Correct what it names and try again.",
            status=status,
            field_errors=problem.field_errors,
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
    if status == 408:
        return LuccaUnavailable(
            "Lucca gave up on the request after 5 seconds (408); nothing was created.",
            "Try again in a moment.",
            status=status,
        )
    if status == 429:
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
        f"Lucca refused the request ({status} {response.reason_phrase}).{said}",
        "Check the input and the settings, then try again.",
        status=status,
    )


MAX_RETRY_AFTER_SECONDS = 86_400.0  # a longer wait is as good as "not today"
_DELAY_SECONDS = re.compile(r"[0-9]{1,9}")


def _retry_after_seconds(response: httpx.Response) -> float | None:
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
