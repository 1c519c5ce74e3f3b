"""The sandbox as a plain ASGI app: control API, faults, auth, rate limit, then the Lucca routes.

For a Lucca request the order is: refuse headers over Lucca's limit (431, before anything else,
as a front server would); take the next injected fault (the head of the queue, unless it
waits for another method; faults.py says what each fault does and when); resolve the route
(unknown paths and wrong methods are answered by routing, before authentication, as in ASP.NET
Core); check the API key; count it against the rate limit; run the handler. Every such request
is logged with what it answered. Nothing received (the Authorization header above all) is ever
echoed or logged.

Everything after the fault is taken runs under Lucca's server-side deadline: past it the request
is aborted and answered 408, whether or not it had been processed. So a delay fault longer than the
deadline rehearses both 408s a client can get to a POST: "before" (nothing stored, safe to retry)
and "after" (stored: the outcome must be settled through the catalog).
"""

import asyncio
import hmac
import logging
import time

from tools.sandbox.asgi_io import (
    ClientGone,
    Receive,
    Request,
    Scope,
    Send,
    drop_connection,
    send_response,
)
from tools.sandbox.config import SandboxConfig
from tools.sandbox.control_api import CONTROL_PREFIX, ControlApi
from tools.sandbox.faults import DelayFault, DropFault, Fault, StatusFault
from tools.sandbox.lucca_facts import AUTH_HEADER, AUTH_SCHEME
from tools.sandbox.rate_limit import Clock, SlidingWindowLimiter
from tools.sandbox.responses import Response, json_response, legacy_error, problem
from tools.sandbox.router import MethodNotAllowed, Router
from tools.sandbox.state import LoggedRequest, SandboxState
from tools.sandbox.store import TrainingStore
from tools.sandbox.trainings_api import TrainingsApi

logger = logging.getLogger(__name__)


class SandboxApp:
    """One emulated Lucca tenant. Call close() when done to release the database."""

    def __init__(self, config: SandboxConfig, clock: Clock = time.monotonic) -> None:
        limiter = SlidingWindowLimiter(config.rate_limit, config.window_seconds, clock)
        self.state = SandboxState(TrainingStore(config.db_path), limiter, config.modes)
        self._expected_auth = (AUTH_SCHEME + config.api_key).encode("utf-8")
        self._server_timeout = config.server_timeout_seconds
        self._max_header_bytes = config.max_header_bytes
        self._lucca_routes = Router()
        TrainingsApi(self.state, config.max_body_bytes).register(self._lucca_routes)
        self._control_routes = Router()
        ControlApi(self.state).register(self._control_routes)

    def close(self) -> None:
        self.state.store.close()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        try:
            if request.path == CONTROL_PREFIX or request.path.startswith(CONTROL_PREFIX + "/"):
                await send_response(send, await self._control_answer(request))
            else:
                await self._serve_lucca(request, send)
        except ClientGone:
            return  # nobody left to answer

    async def _control_answer(self, request: Request) -> Response:
        resolved = self._control_routes.resolve(request.method, request.path)
        if resolved is None:
            return json_response(404, {"error": "no such control endpoint"})
        if isinstance(resolved, MethodNotAllowed):
            allow = ", ".join(resolved.allowed)
            return json_response(405, {"error": f"allowed: {allow}"}, (("allow", allow),))
        request.params = resolved.params
        return await resolved.handler(request)

    async def _serve_lucca(self, request: Request, send: Send) -> None:
        entry = self.state.log.begin(request.method, request.path)
        try:
            if _header_bytes(request) > self._max_header_bytes:
                detail = f"The request headers exceed {self._max_header_bytes} bytes."
                entry.status = 431
                await send_response(send, problem(431, detail=detail))
                return
            fault = self.state.faults.pop(request.method)
            if _is_drop(fault, "before"):
                await drop_connection(send)  # the entry keeps its null status: no answer
                return
            try:
                async with asyncio.timeout(self._server_timeout):
                    response = await self._answer_under(fault, request, entry)
            except TimeoutError:
                detail = f"The request was aborted after {self._server_timeout:g} seconds."
                response = problem(408, detail=detail)
            if _is_drop(fault, "after"):
                await drop_connection(send)
                return
            entry.status = response.status  # before sending: the client may read the log next
            await send_response(send, response)
        finally:
            # Method, path and status only: never headers, query or body, which may hold secrets.
            logger.info("%s %s -> %s", entry.method, entry.path, entry.status or "no answer")

    async def _answer_under(
        self, fault: Fault | None, request: Request, entry: LoggedRequest
    ) -> Response:
        """The answer to `request` as `fault` (a status or a delay, if any) shapes it."""
        if isinstance(fault, StatusFault) and not fault.after_processing:
            return _fault_response(fault)
        if isinstance(fault, DelayFault) and not fault.after_processing:
            await asyncio.sleep(fault.seconds)
        response = await self._lucca_answer(request)
        if isinstance(fault, DelayFault) and fault.after_processing:
            entry.status = response.status  # processed: the log says so even if unread
            await asyncio.sleep(fault.seconds)
        if isinstance(fault, StatusFault):  # after processing: its answer is replaced
            return _fault_response(fault)
        return response

    async def _lucca_answer(self, request: Request) -> Response:
        resolved = self._lucca_routes.resolve(request.method, request.path)
        if resolved is None:
            return legacy_error(404, "No resource matches the requested path.")
        if isinstance(resolved, MethodNotAllowed):
            return problem(405, headers=(("allow", ", ".join(resolved.allowed)),))
        if not self._authorized(request):
            return legacy_error(401, "Unauthorized: the API key is missing or invalid.")
        retry_after = self.state.limiter.try_admit()
        if retry_after is not None:
            detail = f"Rate limit exceeded. Retry in {retry_after} seconds."
            return problem(429, detail=detail, headers=(("retry-after", str(retry_after)),))
        request.params = resolved.params
        try:
            return await resolved.handler(request)
        except ClientGone:
            raise
        except Exception:
            # A bug in the sandbox: answer like a failing backend, not with a raw stack.
            logger.exception("sandbox handler failed for %s %s", request.method, request.path)
            return legacy_error(500, "An unexpected error occurred.")

    def _authorized(self, request: Request) -> bool:
        values = request.header_values(AUTH_HEADER)
        if len(values) != 1:
            return False
        # compare_digest: no timing hint about how much of the key was right.
        return hmac.compare_digest(values[0].encode("latin-1"), self._expected_auth)


def _header_bytes(request: Request) -> int:
    """The size of the request's header lines as sent ("Name: value" and CRLF each)."""
    return sum(len(name) + len(value) + 4 for name, value in request.scope["headers"])


def _is_drop(fault: Fault | None, when: str) -> bool:
    return isinstance(fault, DropFault) and fault.when == when


def _fault_response(fault: StatusFault) -> Response:
    return Response(fault.status, fault.body.encode("utf-8"), fault.headers)


async def _lifespan(receive: Receive, send: Send) -> None:
    """Lets the app run under any ASGI server, not only ours (nothing to set up or tear down)."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def create_app(config: SandboxConfig, clock: Clock = time.monotonic) -> SandboxApp:
    return SandboxApp(config, clock)
