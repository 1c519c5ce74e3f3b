"""`LuccaClient`: the one place that talks HTTP to Lucca Training.

It is handed a shared `httpx.AsyncClient` (one per process, built by `new_http_client`), adds the
`lucca application=` header, and turns every answer into JSON or a `LuccaError` (the statuses in
`lucca_statuses`). It retries only what cannot do anything twice: a connection that could not be
opened, a GET that got no answer, a 429 whose `Retry-After` fits in the caller's budget. A POST
that was sent and got no answer is never sent again: it may have created the training, so it is
reported as `OutcomeUnknown`, for the core to settle through the catalog.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from tools.core import events, lucca_api
from tools.core.draft import FIELD_NAMES
from tools.core.errors import (
    CHECK_BEFORE_RETRY,
    ConfigurationError,
    LuccaError,
    LuccaUnavailable,
    OutcomeUnknown,
    UnexpectedAnswer,
)
from tools.core.lucca_statuses import error_for_status, retry_after_seconds
from tools.core.pacing import RequestPacer
from tools.core.problem import read_problem

logger = logging.getLogger("lucca_training.client")

DEFAULT_TIMEOUT_SECONDS = 8.0  # above Lucca's own 5 s abort, so a slow request gets its 408
CONNECT_TIMEOUT_SECONDS = 5.0
USER_AGENT = "lucca-training-tool/0.1"
# A Lucca on loopback is the embedded sandbox: a proxy from the environment (HTTP_PROXY...) must not
# carry requests meant for this machine, and NO_PROXY cannot name every loopback address.
_LOOPBACK_WITHOUT_PROXY = {f"all://{host}": None for host in ("127.0.0.1", "localhost", "[::1]")}


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
    # The process's one pacer (see `tools.wiring.lucca_connection`); by default nothing is paced.
    pacer: RequestPacer = field(default_factory=RequestPacer, repr=False, compare=False)

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

    # The layers, outermost first (as httpx's own `send` -> ... -> `_send_single_request`):
    # `_send` turns a status into an error, `_send_handling_retries` retries what cannot have done
    # anything twice, `_send_once` takes a pacer slot and makes one exchange.

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = await self._send_handling_retries(method, path, **kwargs)
        status = response.status_code
        if not 200 <= status < 300:
            problem = read_problem(response, FIELD_NAMES, secrets=[self.api_key])
            raise error_for_status(response, method, problem, self.base_url)
        return response

    async def _send_handling_retries(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Retried: a connection that could not be opened (nothing reached Lucca), a GET that got
        no answer or a 408 (a GET changes nothing), and a 429 whose `Retry-After` fits the budget.
        A POST that was sent and got no answer is never sent again: it may have created the
        training."""
        backoff = self.retry.connect_backoff
        failures, rate_limit_waits = 0, []
        while True:
            try:
                response = await self._send_once(method, path, **kwargs)
            except _NotSent:
                if failures >= len(backoff):
                    raise self._unreachable() from None
            except _NoAnswer as lost:
                if method != "GET" or failures >= len(backoff):
                    raise self._no_answer(method, lost.timed_out) from None
            else:
                if response.status_code == 429:
                    wait = self._rate_limit_wait(response, rate_limit_waits)
                    if wait is None:
                        return response
                    rate_limit_waits.append(wait)
                    await self.sleep(wait)
                    continue
                if not (response.status_code == 408 and method == "GET"):
                    return response
                if failures >= len(backoff):
                    return response
            await self.sleep(backoff[failures])
            failures += 1

    def _rate_limit_wait(self, response: httpx.Response, waited: list[float]) -> float | None:
        """How long to wait out a 429 before trying again; None when it is not to be retried."""
        wait = retry_after_seconds(response)
        if (
            wait is None
            or sum(waited) + wait > self.retry.max_rate_limit_wait
            or len(waited) >= self.retry.max_rate_limit_retries
        ):
            return None
        logger.info("Lucca's rate limit is reached; waiting %.0f s as it asks", wait)
        self.pacer.pause(wait)  # every other request of the process waits too
        events.emit(events.RateLimitWait(seconds=wait, reason="retry_after"))
        return wait

    async def _send_once(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One pacer slot, one exchange; every transport error is mapped here and only here."""
        url = self.base_url.rstrip("/") + path
        headers = {lucca_api.AUTH_HEADER: lucca_api.AUTH_SCHEME + self.api_key}
        async with self.pacer.turn():
            return await self._exchange(method, path, url, headers, **kwargs)

    async def _exchange(
        self, method: str, path: str, url: str, headers: dict[str, str], **kwargs: Any
    ) -> httpx.Response:
        started = time.perf_counter()
        try:
            response = await self.http.request(method, url, headers=headers, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout):
            _report(method, path, None, started)
            raise _NotSent from None
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
            raise _NoAnswer(isinstance(exc, httpx.TimeoutException)) from None
        except httpx.HTTPError:
            # An answer came but could not be read (e.g. a broken compressed body).
            _report(method, path, None, started)
            raise self._unreadable(method) from None
        _report(method, path, response.status_code, started)
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

    def _no_answer(self, method: str, timed_out: bool) -> LuccaError:
        what = "did not answer in time" if timed_out else "closed the connection without answering"
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


class _NotSent(Exception):
    """The connection could not be opened: nothing reached Lucca."""


class _NoAnswer(Exception):
    """Sent (or being sent), and no answer came: a timeout or a dropped connection."""

    def __init__(self, timed_out: bool) -> None:
        super().__init__()
        self.timed_out = timed_out
