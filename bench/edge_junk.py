"""What a stranger sends `serve`, as raw bytes: for bench/edge_client.py's users (the security
tests and bench/http_edge.py). Each junk request comes with the status it must get.

The credentials here are the ones edge_client starts `serve` with; nothing else knows them.
Not a benchmark itself (run_all.py skips it).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

SIGNING_SECRET = "edge-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-edge-0123456789-abcdefghijkl"
MCP_TOKENS = {"team-a": "edge-token-a-0123456789abcdef", "team-b": "edge-token-b-0123456789abc"}
HANDSHAKE_VERSION = "2025-06-18"


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
