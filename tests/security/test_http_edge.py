"""The HTTP edge holds against strangers: a real `serve --sandbox`, under a lowered open-files limit
(`ulimit -n` in its own shell), sent junk, idle and slow connections and unclosed MCP sessions over
raw loopback sockets (bench/edge_client.py), while /healthz is asked every 50 ms.

Each test checks the status each stranger gets, that /healthz kept answering within 1 s, that
memory stayed bounded, and that the log stayed small: no traceback, no ERROR, and a few hundred
bytes per bad request (printed as a figure; bench/http_edge.py measures it at scale)."""

import contextlib
import json
import socket
import time

import httpx
import pytest

from bench.edge_client import (
    HealthProbe,
    closed_by_server,
    exchange,
    health_status,
    hold_idle,
    open_session,
    serving,
    wait_for,
)
from bench.edge_junk import http_junk, mcp_headers, request, slack_junk

OPEN_FILES = 1024  # the common default, and the issue's
IDLE_CONNECTIONS = 1100
HEADER_TIMEOUT = 2.0
KEEP_ALIVE = 1.0
MAX_LOG_BYTES_PER_JUNK = 300
HEALTHZ_WITHIN = 1.0


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    settings = {
        "HTTP_HEADER_TIMEOUT_SECONDS": str(HEADER_TIMEOUT),
        "HTTP_KEEP_ALIVE_SECONDS": str(KEEP_ALIVE),
    }
    with serving(OPEN_FILES, str(tmp_path_factory.mktemp("edge")), **settings) as server:
        yield server


def quiet(lines: list[str]) -> list[str]:
    """The lines that would worry an operator: errors, tracebacks."""
    return [line for line in lines if '"level":"ERROR"' in line or "Traceback" in line]


def served_500s(port: int) -> float:
    """How many 500s the server has answered so far, by its own /metrics."""
    metrics = httpx.get(f"http://127.0.0.1:{port}/metrics", trust_env=False).text
    counts = [line.rsplit(" ", 1)[1] for line in metrics.splitlines() if 'status="500"' in line]
    return sum(float(count) for count in counts)


JUNK_NAMES = [*slack_junk(), *http_junk(0)]


@pytest.mark.parametrize("name", JUNK_NAMES)
def test_junk_gets_its_status_and_a_short_log_line_never_a_500(edge, name):
    junk = {**slack_junk(), **http_junk(edge.port)}
    data, expected = junk[name]
    before = served_500s(edge.port)
    started = time.monotonic()
    assert exchange(edge.port, data) == expected
    edge.settled()
    lines = edge.log_since(started)
    assert quiet(lines) == []
    assert len(lines) <= 2 and edge.log_bytes_since(started) < 2 * MAX_LOG_BYTES_PER_JUNK, lines
    assert served_500s(edge.port) == before


def test_a_thousand_junk_requests_cost_under_300_log_bytes_each(edge):
    junk = list({**slack_junk(), **http_junk(edge.port)}.values())
    before = served_500s(edge.port)
    started = time.monotonic()
    with HealthProbe(edge.port) as probe:
        sent = 0
        for data, expected in (junk * 60)[:1000]:
            assert exchange(edge.port, data) == expected
            sent += 1
    edge.settled()
    assert probe.failures == [] and probe.worst < HEALTHZ_WITHIN
    lines = edge.log_since(started)
    per_request = sum(len(line) + 1 for line in lines) / sent
    print(f"log bytes per junk request: {per_request:.0f}")
    assert per_request < MAX_LOG_BYTES_PER_JUNK
    assert quiet(lines) == [] and served_500s(edge.port) == before


def test_a_slack_sender_that_hangs_up_mid_body_is_gone_not_an_error(edge):
    head = request("POST", "/slack/events", {"Content-Length": "1000"})
    before = served_500s(edge.port)
    started = time.monotonic()
    for _ in range(20):
        exchange(edge.port, head + b"payload=%7B", close_after=True)

    def counted() -> bool:
        metrics = httpx.get(f"{edge.base_url}/metrics", trust_env=False).text
        return 'face="slack",status="499"} 20.0' in metrics

    assert wait_for(counted, timeout=10)
    assert quiet(edge.log_since(started)) == [] and served_500s(edge.port) == before
    assert not any("/slack/events" in line for line in edge.log_since(started))  # DEBUG only


def test_more_idle_connections_than_open_files_are_closed_and_healthz_answers_throughout(edge):
    rss_before = edge.rss_mib()
    started = time.monotonic()
    with HealthProbe(edge.port) as probe:
        held = hold_idle(edge.port, IDLE_CONNECTIONS, deadline=started + 20)
        try:
            assert len(held) == IDLE_CONNECTIONS
            rss_held = edge.rss_mib()
            assert wait_for(lambda: all(closed_by_server(s) for s in held), HEADER_TIMEOUT + 8)
        finally:
            for sock in held:
                sock.close()
    assert probe.failures == [], probe.failures[:5]
    assert probe.worst < HEALTHZ_WITHIN
    print(f"/healthz worst latency with {len(held)} idle connections: {probe.worst:.3f} s")
    assert rss_held - rss_before < 30, (rss_before, rss_held)
    lines = edge.log_since(started)
    assert quiet(lines) == []
    assert sum(len(line) for line in lines) < 5_000, lines[:10]  # rate-limited warnings only


def test_a_slowloris_that_keeps_sending_header_bytes_is_cut_at_the_deadline(edge):
    held = hold_idle(
        edge.port, 20, deadline=time.monotonic() + 10, send=b"GET /healthz HTTP/1.1\r\n"
    )
    started = time.monotonic()
    try:
        open_ones = list(held)
        while open_ones and time.monotonic() - started < HEADER_TIMEOUT + 5:
            for sock in open_ones:
                with contextlib.suppress(OSError):
                    sock.sendall(b"X")  # a byte of a header, every 0.2 s: never a whole head
            time.sleep(0.2)
            open_ones = [sock for sock in open_ones if not closed_by_server(sock)]
        took = time.monotonic() - started
    finally:
        for sock in held:
            sock.close()
    assert open_ones == []
    assert HEADER_TIMEOUT - 0.5 < took < HEADER_TIMEOUT + 3


def test_a_body_that_never_ends_is_cut_at_the_deadline_too(edge):
    head = request("POST", "/slack/events", {"Content-Length": "1000"})
    with socket.create_connection(("127.0.0.1", edge.port), timeout=10) as sock:
        sock.sendall(head + b"payload=")
        started = time.monotonic()
        assert sock.recv(4096) == b""  # closed, no answer: the sender is gone as far as we know
        assert time.monotonic() - started < HEADER_TIMEOUT + 3


def test_an_idle_keep_alive_connection_is_closed(edge):
    with socket.create_connection(("127.0.0.1", edge.port), timeout=10) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answer = b""
        while not answer.endswith(b'{"status":"ok"}'):
            answer += sock.recv(4096)
        assert answer.startswith(b"HTTP/1.1 200")
        started = time.monotonic()
        assert sock.recv(4096) == b""
        assert time.monotonic() - started < KEEP_ALIVE + 2


def busy_connection(port: int) -> socket.socket:
    """A connection whose request is in flight: its head was read and the app awaits its body
    (the server's "100 Continue" says so), which never comes."""
    head = request("POST", "/slack/events", {"Content-Length": "1000", "Expect": "100-continue"})
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(head)
    assert sock.recv(4096).startswith(b"HTTP/1.1 100")
    return sock


def test_when_every_connection_is_busy_a_newcomer_gets_a_503_at_once(tmp_path):
    settings = {"HTTP_MAX_CONNECTIONS": "16", "HTTP_HEADER_TIMEOUT_SECONDS": "10"}
    with serving(OPEN_FILES, str(tmp_path), **settings) as server:
        busy = [busy_connection(server.port) for _ in range(16)]
        try:
            started = time.monotonic()
            assert health_status(server.port, timeout=5) == 503
            assert time.monotonic() - started < HEALTHZ_WITHIN
            assert health_status(server.port, timeout=5) == 503
        finally:
            for sock in busy:
                sock.close()
        assert wait_for(lambda: health_status(server.port) == 200, timeout=10)
        server.settled()
        lines = server.log_since(0)
    assert len([line for line in lines if "all busy" in line]) == 1  # once, however many
    assert quiet(lines) == []


def test_sessions_that_are_never_closed_are_capped_per_caller_and_in_all(tmp_path):
    settings = {"MCP_MAX_SESSIONS": "50", "MCP_MAX_SESSIONS_PER_CALLER": "30"}
    with serving(OPEN_FILES, str(tmp_path), **settings) as server:
        rss_before = server.rss_mib()
        team_a = [open_session(server.port, "team-a")[0] for _ in range(40)]
        team_b = [open_session(server.port, "team-b")[0] for _ in range(30)]
        rss_after = server.rss_mib()
        assert health_status(server.port) == 200
    assert team_a == [200] * 30 + [429] * 10
    assert team_b == [200] * 20 + [503] * 10  # 50 in all
    assert rss_after - rss_before < 20


def test_a_client_that_names_itself_with_900_kb_makes_a_short_audit_line(tmp_path):
    with serving(OPEN_FILES, str(tmp_path)) as server:
        started = time.monotonic()
        status, session = open_session(server.port, "team-a", client_name="n" * 900_000)
        assert status == 200 and session
        headers = {
            **mcp_headers("team-a"),
            "Mcp-Session-Id": session,
            "Mcp-Protocol-Version": "2025-06-18",
        }
        url = f"{server.base_url}/mcp"
        with httpx.Client(trust_env=False, timeout=30) as http:
            note = {"jsonrpc": "2.0", "method": "notifications/initialized"}
            assert http.post(url, json=note, headers=headers).status_code == 202
            call = {
                "jsonrpc": "2.0",
                "id": 2,
                "method": "tools/call",
                "params": {"name": "create_training", "arguments": {"title": "t" * 5000}},
            }
            assert http.post(url, json=call, headers=headers).status_code == 200

        def audited() -> list[dict]:
            lines = [json.loads(line) for line in server.log_since(started) if line.startswith("{")]
            return [entry for entry in lines if entry.get("event") == "audit"]

        assert wait_for(lambda: bool(audited()), timeout=10)
        lines = server.log_since(started)
    (entry,) = audited()
    assert entry["client"].startswith("n" * 200) and "[cut " in entry["client"]
    assert entry["title"].startswith("t" * 200)
    assert max(len(line) for line in lines) < 3_000


def test_a_keep_alive_connection_may_idle_past_the_header_deadline_but_not_past_its_own(tmp_path):
    settings = {"HTTP_HEADER_TIMEOUT_SECONDS": "1", "HTTP_KEEP_ALIVE_SECONDS": "4"}
    ask = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with (
        serving(OPEN_FILES, str(tmp_path), **settings) as server,
        socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock,
    ):
        for _ in range(2):
            sock.sendall(ask)
            answer = b""
            while not answer.endswith(b'{"status":"ok"}'):
                answer += sock.recv(4096)
            answered = time.monotonic()
            # silent for longer than the head's deadline: still open (the next turn asks again)
            assert not wait_for(lambda: closed_by_server(sock), timeout=2)
            sock.settimeout(10)
        assert wait_for(lambda: closed_by_server(sock), timeout=4)
        assert 3.5 < time.monotonic() - answered < 6.5
