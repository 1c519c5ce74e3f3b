"""Running the real console script as a server in a subprocess, for tests that need one."""

import os
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from tests.support import CONSOLE_SCRIPT

# Settings a developer's shell may hold that would change what a test means.
PRODUCT_VARIABLE_PREFIXES = ("LUCCA_", "MCP_", "SLACK_", "LLM_", "STATE_")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def clean_env(extra: Mapping[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(PRODUCT_VARIABLE_PREFIXES)}
    return {**env, **extra}


@dataclass
class Served:
    """A running `lucca-training` server; `stderr` holds its log once the block has ended."""

    process: subprocess.Popen
    base_url: str
    stderr: str = ""


@contextmanager
def served(
    args: list[str], env: Mapping[str, str], cwd: str, port: int, healthy_within: float = 20.0
) -> Iterator[Served]:
    """`lucca-training <args>` running until the block ends, then stopped with SIGTERM."""
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), *args, "--port", str(port)],
        env=clean_env(env),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    server = Served(process, f"http://127.0.0.1:{port}")
    try:
        wait_until_healthy(process, server.base_url, healthy_within)
        yield server
    finally:
        process.terminate()
        try:
            _, server.stderr = process.communicate(timeout=EXIT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            _, server.stderr = process.communicate()


@contextmanager
def serving(args: list[str], env: Mapping[str, str], cwd: str, port: int) -> Iterator[str]:
    """`lucca-training <args>` running until the block ends; yields its base URL once healthy."""
    with served(args, env, cwd, port) as server:
        yield server.base_url


# How long a signalled product process may take to exit: the wait ends as soon as it has, so this
# is only a safety net against a hang; a loaded 2-core machine (load average 12 here) took over
# 20 s to let a Socket Mode app and a sandbox process exit after SIGINT.
EXIT_TIMEOUT_SECONDS = 60.0
# How long a started server may take to answer /healthz. Only a safety net (the wait ends as soon
# as it answers): a cold Python start with the whole product imported takes seconds on a loaded
# 2-core machine running two suites side by side.
STARTUP_TIMEOUT_SECONDS = 60.0


def wait_until_healthy(
    process: subprocess.Popen, base_url: str, timeout: float = STARTUP_TIMEOUT_SECONDS
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, stderr = process.communicate()
            raise AssertionError(f"the server exited ({process.returncode}): {stderr}")
        try:
            # A probe timing out under load is retried, like a refused connection.
            if httpx.get(f"{base_url}/healthz", timeout=5.0, trust_env=False).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"the server did not answer /healthz within {timeout} s")


def stateless_tool_call(arguments: dict) -> dict:
    """A 2026-07-28 `tools/call` as one self-contained HTTP request (what a replica receives)."""
    meta = {
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": {},
    }
    params = {"_meta": meta, "name": "create_training", "arguments": arguments}
    return {
        "headers": {
            "Accept": "application/json, text/event-stream",
            "MCP-Protocol-Version": "2026-07-28",
            "Mcp-Method": "tools/call",
            "Mcp-Name": "create_training",
        },
        "json": {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": params},
    }
