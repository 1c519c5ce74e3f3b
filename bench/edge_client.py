"""A stranger at `serve`'s door, for tests/security/test_http_edge.py and bench/http_edge.py
(what it sends is in edge_junk.py).

Runs `lucca-training serve --sandbox` in a subprocess under a lowered open-files limit (`ulimit -n`
in the subprocess's own shell, so this process keeps its own), reads its log as it comes, and
talks to it over raw loopback sockets: junk requests, connections that never send a request,
unsigned Slack requests, MCP sessions that are never closed. Every loop here is bounded in count
and time. Not a benchmark itself (run_all.py skips it).
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from bench.edge_junk import (
    BOT_TOKEN,
    MCP_TOKENS,
    SIGNING_SECRET,
    initialize_body,
    mcp_headers,
    request,
)

CONSOLE_SCRIPT = Path(sys.executable).with_name("lucca-training")
PRODUCT_PREFIXES = ("LUCCA_", "MCP_", "SLACK_", "LLM_", "HTTP_", "STATE_")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LogLine:
    arrived: float  # time.monotonic() in this process
    text: str


@dataclass
class Serve:
    """A running `serve`; `log` fills as it writes (JSON lines on stderr)."""

    process: subprocess.Popen
    port: int
    log: list[LogLine] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_mib(self) -> float:
        """Resident memory of the server process, from /proc (Linux)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS in /proc/PID/status")

    def settled(self, quiet_for: float = 0.3, timeout: float = 5.0) -> None:
        """Wait until the log has not grown for `quiet_for` seconds: what was caused is written."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            last = self.log[-1].arrived if self.log else 0.0
            if time.monotonic() - last >= quiet_for:
                return
            time.sleep(quiet_for / 3)

    def log_since(self, start: float) -> list[str]:
        return [line.text for line in list(self.log) if line.arrived >= start]

    def log_bytes_since(self, start: float) -> int:
        return sum(len(text.encode()) + 1 for text in self.log_since(start))


def serve_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(PRODUCT_PREFIXES)}
    tokens = ",".join(f"{name}:{token}" for name, token in MCP_TOKENS.items())
    return {
        **env,
        "MCP_AUTH_TOKENS": tokens,
        "MCP_CONFIRM": "never",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": "http://127.0.0.1:9/api/",  # nothing listens: no request leaves here
        **settings,
    }


@contextmanager
def serving(open_files: int, cwd: str, timeout: float = 60.0, **settings: str) -> Iterator[Serve]:
    """`serve --sandbox` under `ulimit -n open_files` until the block ends (then SIGTERM)."""
    port = free_port()
    command = f"ulimit -n {int(open_files)} && exec {shlex.quote(str(CONSOLE_SCRIPT))} serve "
    command += f"--sandbox --port {port}"
    process = subprocess.Popen(
        ["bash", "-c", command],
        env=serve_env(**settings),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    server = Serve(process, port)
    reader = threading.Thread(target=_read_log, args=(process, server.log), daemon=True)
    reader.start()
    try:
        _wait_until_healthy(server, timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=10)


def _read_log(process: subprocess.Popen, log: list[LogLine]) -> None:
    assert process.stderr is not None
    for line in process.stderr:
        log.append(LogLine(time.monotonic(), line.rstrip("\n")))


def _wait_until_healthy(server: Serve, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError("serve exited: " + "\n".join(line.text for line in server.log))
        with suppress(OSError):
            if health_status(server.port, timeout=1.0) == 200:
                return
        time.sleep(0.05)
    raise RuntimeError(f"serve did not answer /healthz within {timeout} s")


def exchange(port: int, data: bytes, timeout: float = 5.0, close_after: bool = False) -> int | None:
    """Send raw bytes, read the answer's status code (None: closed without one)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        if close_after:
            return None
        received = b""
        with suppress(OSError):  # a reset after the answer is still an answer
            while b"\r\n" not in received:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                received += chunk
    status_line = received.split(b"\r\n", 1)[0].split()
    return int(status_line[1]) if len(status_line) >= 2 and status_line[1].isdigit() else None


def health_status(port: int, timeout: float = 1.0) -> int | None:
    return exchange(port, request("GET", "/healthz", {}), timeout=timeout)


def open_session(
    port: int, caller: str, client_name: str = "never-closes"
) -> tuple[int | None, str | None]:
    """An `initialize` that is never followed by a DELETE: the status and the session id."""
    headers = {**mcp_headers(caller), "Content-Type": "application/json"}
    data = request("POST", "/mcp", headers, initialize_body(client_name), port)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    head = received.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1]) if head and len(head[0].split()) >= 2 else None
    session = next(
        (
            line.split(":", 1)[1].strip()
            for line in head[1:]
            if line.lower().startswith("mcp-session-id:")
        ),
        None,
    )
    return status, session


class HealthProbe:
    """A thread asking /healthz every `every` seconds (on a new connection each time) while the
    block runs: every latency, and every answer that was not a 200."""

    def __init__(self, port: int, every: float = 0.05, timeout: float = 5.0) -> None:
        self._port, self._every, self._timeout = port, every, timeout
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> HealthProbe:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=self._timeout + 5)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                status = health_status(self._port, timeout=self._timeout)
            except OSError as error:
                status, reason = None, repr(error)
            else:
                reason = f"status {status}"
            self.latencies.append(time.monotonic() - started)
            if status != 200:
                self.failures.append(reason)
            self._stop.wait(self._every)

    @property
    def worst(self) -> float:
        return max(self.latencies, default=0.0)


def hold_idle(port: int, count: int, deadline: float, send: bytes = b"") -> list[socket.socket]:
    """Open up to `count` connections that send `send` (nothing, or part of a request head) and
    then nothing more; stops early at `deadline` (monotonic). The caller closes them."""
    held = []
    while len(held) < count and time.monotonic() < deadline:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            continue
        if send:
            with suppress(OSError):
                sock.sendall(send)
        held.append(sock)
    return held


def closed_by_server(sock: socket.socket) -> bool:
    """True when the server has given up this connection (EOF, a reset, or its parting 503)."""
    sock.setblocking(False)
    try:
        sock.recv(4096)
    except BlockingIOError:
        return False  # nothing yet: still held open
    except OSError:
        pass  # reset
    return True


def wait_for(condition: Callable[[], bool], timeout: float, every: float = 0.1) -> bool:
    """Poll `condition` until it holds or `timeout` passes: True if it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()
