"""A stranger at `serve`'s door, for tests/security/test_http_edge.py and bench/http_edge.py.

Runs `lucca-training serve --sandbox` in a subprocess under a lowered open-files limit (`ulimit -n`
in the subprocess's own shell, so this process keeps its own), reads its log as it comes, and
talks to it over raw loopback sockets: junk requests, connections that never send a request,
unsigned Slack requests, MCP sessions that are never closed. Every loop here is bounded in count
and time. Not a benchmark itself (run_all.py skips it).
"""

from __future__ import annotations

import hashlib
import hmac
import json
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

CONSOLE_SCRIPT = Path(sys.executable).with_name("lucca-training")
SIGNING_SECRET = "edge-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-edge-0123456789-abcdefghijkl"
MCP_TOKENS = {"team-a": "edge-token-a-0123456789abcdef", "team-b": "edge-token-b-0123456789abc"}
PRODUCT_PREFIXES = ("LUCCA_", "MCP_", "SLACK_", "LLM_", "HTTP_", "STATE_")
HANDSHAKE_VERSION = "2025-06-18"


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
def serving(open_files: int, cwd: str, timeout: float = 30.0, **settings: str) -> Iterator[Serve]:
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


def request(
    method: str, path: str, headers: dict[str, str], body: bytes = b"", port: int = 0
) -> bytes:
    """A request as raw bytes (Content-Length from the body unless `headers` say otherwise)."""
    host = f"127.0.0.1:{port}" if port else "127.0.0.1"
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if (body or method == "POST") and "Content-Length" not in headers:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def health_status(port: int, timeout: float = 1.0) -> int | None:
    return exchange(port, request("GET", "/healthz", {}), timeout=timeout)


def slack_signed(body: bytes, timestamp: str | None = None) -> dict[str, str]:
    stamp = timestamp or str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
    return {
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
        "Content-Type": "application/x-www-form-urlencoded",
    }


def slack_junk() -> dict[str, tuple[bytes, int | None]]:
    """Junk for /slack/events, by name: the raw request and the status it must get."""
    form = b"command=%2Ftraining-create&user_id=U1&team_id=T1"
    not_json = b"payload=%7Bnot-json"
    old = str(int(time.time()) - 600)
    unsigned = {"Content-Type": "application/x-www-form-urlencoded"}
    signature = slack_signed(form)["X-Slack-Signature"]
    return {
        "a timestamp that is not digits": (
            request(
                "POST",
                "/slack/events",
                {**slack_signed(form), "X-Slack-Request-Timestamp": "abc"},
                form,
            ),
            401,
        ),
        "a timestamp with a sign": (
            request(
                "POST",
                "/slack/events",
                {**slack_signed(form), "X-Slack-Request-Timestamp": "+1"},
                form,
            ),
            401,
        ),
        "a timestamp out of the window": (
            request("POST", "/slack/events", slack_signed(form, old), form),
            401,
        ),
        "a signature that is not ASCII": (
            request(
                "POST",
                "/slack/events",
                {**slack_signed(form), "X-Slack-Signature": "v0=\xff"},
                form,
            ),
            401,
        ),
        "no signature": (request("POST", "/slack/events", unsigned, form), 401),
        "an unsigned payload that is not JSON": (
            request("POST", "/slack/events", unsigned, not_json),
            401,
        ),
        "a signed payload that is not JSON": (
            request("POST", "/slack/events", slack_signed(not_json), not_json),
            400,
        ),
        "a signed body that is not UTF-8": (
            request("POST", "/slack/events", slack_signed(b"payload=\xff"), b"payload=\xff"),
            400,
        ),
        "a signature of another body": (
            request(
                "POST",
                "/slack/events",
                {**slack_signed(b"x"), "X-Slack-Signature": signature},
                form + b"&x=1",
            ),
            401,
        ),
        "a body announced as 50 MB": (
            request("POST", "/slack/events", {**unsigned, "Content-Length": "50000000"}),
            413,
        ),
    }


def http_junk(port: int) -> dict[str, tuple[bytes, int | None]]:
    """Junk for any path of `serve`, by name: raw bytes and the status they must get."""
    return {
        "garbage instead of a request line": (b"\x16\x03\x01\x02\x00GARBAGE\r\n\r\n", 400),
        "a request line without a version": (b"GET /healthz\r\n\r\n", 400),
        "a header line without a colon": (b"GET /healthz HTTP/1.1\r\nHost x\r\n\r\n", 400),
        "an unknown path of 4 KB": (request("GET", "/" + "p" * 4000, {}), 404),
        "a POST to /healthz": (request("POST", "/healthz", {}), 404),  # falls through to /mcp's app
        "MCP without a token": (request("POST", "/mcp", {"Accept": "application/json"}, b"{"), 401),
        "MCP with broken JSON": (
            request(
                "POST",
                "/mcp",
                {**mcp_headers("team-a"), "Content-Type": "application/json"},
                b"{",
                port,
            ),
            400,
        ),
        "MCP with JSON nested 100,000 deep": (
            request(
                "POST",
                "/mcp",
                {**mcp_headers("team-a"), "Content-Type": "application/json"},
                b"[" * 100_000,
                port,
            ),
            400,
        ),
        "a body that never matches its length": (
            request("POST", "/slack/events", {"Content-Length": "abc"}),
            400,
        ),
    }


def mcp_headers(caller: str) -> dict[str, str]:
    return {
        "Accept": "application/json, text/event-stream",
        "Authorization": f"Bearer {MCP_TOKENS[caller]}",
    }


def initialize_body(client_name: str = "never-closes") -> bytes:
    params = {
        "protocolVersion": HANDSHAKE_VERSION,
        "capabilities": {},
        "clientInfo": {"name": client_name, "version": "1"},
    }
    return json.dumps(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params}
    ).encode()


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
