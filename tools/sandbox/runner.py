"""Running the sandbox: in a background thread (tests, `--sandbox`) or in the foreground (CLI).

The background server owns its own thread and event loop, so synchronous and asynchronous callers
alike reach it over a real loopback socket, exactly as they would reach Lucca.
"""

import asyncio
import contextlib
import functools
import secrets
import ssl
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

import httpx

from tools.sandbox.app import SandboxApp
from tools.sandbox.config import SandboxConfig
from tools.sandbox.control_api import CONTROL_PREFIX
from tools.sandbox.http_server import HttpServer
from tools.sandbox.rate_limit import Clock


def new_api_key() -> str:
    """A fresh key for a sandbox, recognisable as such wherever it ends up."""
    return "sandbox-" + secrets.token_urlsafe(24)


async def serve_forever(
    config: SandboxConfig, host: str, port: int, on_ready: Callable[[str], None]
) -> None:
    """Serve until cancelled; `on_ready(base_url)` is called once the socket listens."""
    app = SandboxApp(config)
    server = HttpServer(app, host, port)
    try:
        await server.start()
        on_ready(server.base_url)
        await asyncio.Event().wait()
    finally:
        await server.stop()
        app.close()


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Never used on plain HTTP, but shared: a fresh httpx client spends ~50 ms loading CAs."""
    return ssl.create_default_context()


class SandboxServer:
    """A sandbox on a real loopback socket, served from a background thread with its own loop.

    `clock` replaces the rate limiter's monotonic clock, for tests that travel in time.
    """

    def __init__(
        self,
        config: SandboxConfig,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        clock: Clock = time.monotonic,
    ) -> None:
        self.config = config
        self.base_url = ""
        self._host = host
        self._port = port
        self._clock = clock
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_event: asyncio.Event | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._control: httpx.Client | None = None

    def start(self) -> "SandboxServer":
        """Start serving; returns once the socket listens (raises if it cannot, e.g. port taken)."""
        if self._thread is not None:
            raise RuntimeError("this SandboxServer was already started")
        self._thread = threading.Thread(target=self._run, name="lucca-sandbox", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._startup_error is not None:
            self._thread.join()
            raise self._startup_error
        return self

    def stop(self) -> None:
        """Stop serving and release the socket and database; calling it again does nothing."""
        if self._control is not None:
            self._control.close()
            self._control = None
        loop, stop_event, thread = self._loop, self._stop_event, self._thread
        if loop is None or stop_event is None or thread is None or not thread.is_alive():
            return
        with contextlib.suppress(RuntimeError):  # the loop may have ended on its own
            loop.call_soon_threadsafe(stop_event.set)
        thread.join()

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # Conveniences: they go through the real control API, like any other client would.

    def requests_log(self) -> list[dict[str, Any]]:
        response = self._control_client().get(f"{CONTROL_PREFIX}/requests")
        response.raise_for_status()
        return list(response.json())

    def add_faults(self, *faults: dict[str, Any]) -> None:
        response = self._control_client().post(f"{CONTROL_PREFIX}/faults", json=list(faults))
        if response.status_code != 200:
            raise ValueError(response.json().get("error", response.text))

    def clear_faults(self) -> None:
        self._control_client().delete(f"{CONTROL_PREFIX}/faults").raise_for_status()

    def reset(self) -> None:
        self._control_client().post(f"{CONTROL_PREFIX}/reset").raise_for_status()

    def modes(self) -> dict[str, bool]:
        response = self._control_client().get(f"{CONTROL_PREFIX}/modes")
        response.raise_for_status()
        return dict(response.json())

    def set_modes(self, **changes: bool) -> dict[str, bool]:
        """Turn rehearsal switches on or off (modes.py), e.g. `set_modes(ignore_search=True)`."""
        response = self._control_client().patch(f"{CONTROL_PREFIX}/modes", json=changes)
        if response.status_code != 200:
            raise ValueError(response.json().get("error", response.text))
        return dict(response.json())

    def seed_trainings(self, trainings: list[dict[str, Any]]) -> list[int]:
        """Store many trainings at once (see catalog_seed.filler_trainings); their ids, in order."""
        response = self._control_client().post(f"{CONTROL_PREFIX}/trainings", json=trainings)
        if response.status_code != 200:
            raise ValueError(response.json().get("error", response.text))
        return list(response.json()["ids"])

    def _control_client(self) -> httpx.Client:
        if not self.base_url:
            raise RuntimeError("start() the sandbox first")
        if self._control is None:
            # trust_env=False: a proxy from the environment must never sit between us and loopback.
            self._control = httpx.Client(
                base_url=self.base_url, trust_env=False, timeout=10.0, verify=_tls_context()
            )
        return self._control

    def _run(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop_event = asyncio.Event()
        try:
            app = SandboxApp(self.config, self._clock)
        except BaseException as err:
            self._startup_error = err
            self._ready.set()
            return
        server = HttpServer(app, self._host, self._port)
        try:
            await server.start()
            self.base_url = server.base_url
        except BaseException as err:
            self._startup_error = err
            app.close()
            self._ready.set()
            return
        self._ready.set()
        try:
            await self._stop_event.wait()
        finally:
            await server.stop()
            app.close()
