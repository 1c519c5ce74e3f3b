"""Running the sandbox: background server lifecycle, foreground mode, API keys."""

import asyncio
import re

import httpx
import pytest

from tests.sandbox.helpers import API_KEY, AUTH, CLIENT_TIMEOUT_SECONDS, TRAININGS_PATH
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer, new_api_key, serve_forever


def test_start_and_stop_repeatedly_gives_a_fresh_working_sandbox_each_time() -> None:
    for _ in range(10):
        server = SandboxServer(SandboxConfig(api_key=API_KEY)).start()
        try:
            assert httpx.get(f"{server.base_url}/_sandbox/requests").json() == []
        finally:
            server.stop()


def test_base_url_is_loopback_without_trailing_slash() -> None:
    with SandboxServer(SandboxConfig(api_key=API_KEY)) as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
        assert server.config.api_key == API_KEY


def test_stop_is_idempotent_and_frees_the_port() -> None:
    server = SandboxServer(SandboxConfig(api_key=API_KEY)).start()
    port = httpx.URL(server.base_url).port

    server.stop()
    server.stop()

    with pytest.raises(httpx.ConnectError):
        httpx.get(server.base_url, trust_env=False)
    with SandboxServer(SandboxConfig(api_key=API_KEY), port=port) as again:
        assert again.base_url.endswith(f":{port}")


def test_stop_before_start_does_nothing() -> None:
    SandboxServer(SandboxConfig(api_key=API_KEY)).stop()


def test_a_taken_port_fails_start_loudly(sandbox: SandboxServer) -> None:
    port = httpx.URL(sandbox.base_url).port

    with pytest.raises(OSError):
        SandboxServer(SandboxConfig(api_key=API_KEY), port=port).start()


def test_conveniences_need_a_started_server() -> None:
    with pytest.raises(RuntimeError):
        SandboxServer(SandboxConfig(api_key=API_KEY)).requests_log()


async def test_serve_forever_serves_until_cancelled() -> None:
    ready: list[str] = []
    task = asyncio.create_task(
        serve_forever(SandboxConfig(api_key=API_KEY), "127.0.0.1", 0, ready.append)
    )
    async with asyncio.timeout(CLIENT_TIMEOUT_SECONDS):  # a safety net, not a measure
        while not ready and not task.done():
            await asyncio.sleep(0.005)
    if task.done():
        task.result()  # raises why it could not start, rather than waiting forever

    async with httpx.AsyncClient(base_url=ready[0], headers=AUTH, trust_env=False) as c:
        assert (await c.get(TRAININGS_PATH)).status_code == 200
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    async with httpx.AsyncClient(base_url=ready[0], trust_env=False) as c:
        with pytest.raises(httpx.ConnectError):
            await c.get(TRAININGS_PATH)


def test_new_api_keys_are_random_url_safe_and_prefixed() -> None:
    keys = {new_api_key() for _ in range(50)}

    assert len(keys) == 50
    for key in keys:
        assert re.fullmatch(r"sandbox-[A-Za-z0-9_-]{32,}", key)
