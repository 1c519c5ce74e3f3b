"""The sandbox's own HTTP/1.1 server, spoken to at the byte level where httpx would hide it."""

import asyncio
import re
import socket
import threading
from collections.abc import AsyncIterator
from typing import Any

import h11
import httpx
import pytest

from tests.sandbox.helpers import (
    AUTH,
    CLIENT_TIMEOUT_SECONDS,
    IN_FLIGHT_DELAY_SECONDS,
    TRAININGS_PATH,
    http_client,
    send_raw,
    valid_training,
    wait_until,
)
from tools.sandbox.http_server import KEEP_ALIVE_TIMEOUT, HttpServer
from tools.sandbox.runner import SandboxServer

AUTH_LINE = "".join(f"{name}: {value}\r\n" for name, value in AUTH.items())


class RawClient:
    """A socket plus an h11 client state machine, to see exactly what the server wrote."""

    def __init__(self, base_url: str) -> None:
        url = httpx.URL(base_url)
        self.sock = socket.create_connection((url.host, url.port), timeout=CLIENT_TIMEOUT_SECONDS)
        self.h11 = h11.Connection(h11.CLIENT)

    def send(self, *events: Any) -> None:
        self.sock.sendall(b"".join(self.h11.send(event) or b"" for event in events))

    def get(self, path: str = TRAININGS_PATH, *headers: tuple[str, str]) -> None:
        all_headers = [("Host", "sandbox"), *AUTH.items(), *headers]
        self.send(h11.Request(method="GET", target=path, headers=all_headers), h11.EndOfMessage())

    def read_response(self) -> tuple[h11.Response, bytes]:
        response, body = None, b""
        while True:
            event = self.h11.next_event()
            if event is h11.NEED_DATA:
                self.h11.receive_data(self.sock.recv(65536))
            elif isinstance(event, h11.Response):
                response = event
            elif isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                assert response is not None
                if self.h11.our_state is h11.DONE and self.h11.their_state is h11.DONE:
                    self.h11.start_next_cycle()
                return response, body

    def read_until_closed(self) -> bytes:
        data = b""
        while chunk := self.sock.recv(65536):
            data += chunk
        return data

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def raw(sandbox: SandboxServer) -> Any:
    client = RawClient(sandbox.base_url)
    yield client
    client.close()


def test_keep_alive_serves_several_requests_on_one_connection(raw: RawClient) -> None:
    for _ in range(3):
        raw.get()
        response, body = raw.read_response()
        assert response.status_code == 200
        assert b'"items"' in body


def test_pipelined_requests_are_answered_in_order(raw: RawClient) -> None:
    wire = b""
    for path in (TRAININGS_PATH, f"{TRAININGS_PATH}/42", "/nowhere"):
        wire += f"GET {path} HTTP/1.1\r\nHost: x\r\n{AUTH_LINE}\r\n".encode()
    raw.sock.sendall(wire)  # all three before reading any answer

    data = b""
    while data.count(b"HTTP/1.1 ") < 3 or not data.endswith(b"}"):
        data += raw.sock.recv(65536)

    statuses = re.findall(rb"HTTP/1\.1 (\d{3}) ", data)
    assert statuses == [b"200", b"200", b"404"]


def test_connection_close_is_honoured(raw: RawClient) -> None:
    raw.get(TRAININGS_PATH, ("Connection", "close"))

    response, _ = raw.read_response()

    assert response.status_code == 200
    assert (b"connection", b"close") in response.headers
    assert raw.read_until_closed() == b""


def test_http_1_0_closes_after_the_answer(sandbox: SandboxServer) -> None:
    data = send_raw(sandbox.base_url, f"GET {TRAININGS_PATH} HTTP/1.0\r\n{AUTH_LINE}\r\n".encode())

    assert data.startswith(b"HTTP/1.1 200 ")
    assert data.endswith(b"}]}")


def test_a_malformed_request_gets_400_and_a_closed_connection(raw: RawClient) -> None:
    raw.sock.sendall(b"THIS IS NOT HTTP\r\n\r\n")

    data = raw.read_until_closed()

    assert data.startswith(b"HTTP/1.1 400 ")
    assert data.endswith(b"Bad Request")


def test_a_client_leaving_mid_body_harms_nothing(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    leaving = RawClient(sandbox.base_url)
    headers = f"Content-Type: application/json\r\nContent-Length: 500\r\n{AUTH_LINE}"
    leaving.sock.sendall(f"POST {TRAININGS_PATH} HTTP/1.1\r\nHost: x\r\n{headers}\r\n".encode())
    leaving.sock.sendall(b'{"title": "half')
    leaving.close()

    log = wait_until(sandbox.requests_log, "the request to be logged")
    assert log == [{"method": "POST", "path": TRAININGS_PATH, "status": None}]
    assert client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()["count"] == 4


def test_expect_100_continue_is_answered(raw: RawClient) -> None:
    body = httpx.Request("POST", "/", json=valid_training()).content
    headers = (
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"Expect: 100-continue\r\n{AUTH_LINE}"
    )
    raw.sock.sendall(f"POST {TRAININGS_PATH} HTTP/1.1\r\nHost: x\r\n{headers}\r\n".encode())

    assert raw.sock.recv(65536).startswith(b"HTTP/1.1 100 ")
    raw.sock.sendall(body)
    assert raw.sock.recv(65536).startswith(b"HTTP/1.1 201 ")


def test_head_is_not_allowed_and_has_no_body(client: httpx.Client) -> None:
    response = client.head(TRAININGS_PATH)

    assert response.status_code == 405
    assert response.content == b""


def test_stop_lets_an_in_flight_request_finish(sandbox: SandboxServer) -> None:
    sandbox.add_faults({"delay": IN_FLIGHT_DELAY_SECONDS})
    results: list[int | Exception] = []

    def slow_get() -> None:
        with http_client(sandbox.base_url, headers=AUTH) as c:
            try:
                results.append(c.get(TRAININGS_PATH).status_code)
            except httpx.HTTPError as err:
                results.append(err)

    thread = threading.Thread(target=slow_get)
    thread.start()
    log = wait_until(sandbox.requests_log, "the request to be logged")
    # Logged with no status yet: it sits in its delay, which dwarfs the time until stop() begins,
    # so the stop really happens while the request is in flight.
    assert log == [{"method": "GET", "path": TRAININGS_PATH, "status": None}]
    sandbox.stop()
    thread.join()

    assert results == [200]


async def test_stop_closes_idle_keep_alive_connections_at_once() -> None:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body"})

    server = HttpServer(app)
    await server.start()
    clients = [httpx.AsyncClient(base_url=server.base_url, trust_env=False) for _ in range(5)]
    for c in clients:
        assert (await c.get("/")).status_code == 204  # each keeps its connection open, idle

    # Idle connections are closed at once rather than given the in-flight grace period. No clock
    # is read: the grace is an hour, so a stop that waited for idle connections would wait that
    # hour and trip the safety net, which no load comes near.
    async with asyncio.timeout(CLIENT_TIMEOUT_SECONDS):
        await server.stop(grace_seconds=3600)
    for c in clients:
        await c.aclose()


# The server alone, with tiny ASGI apps, for what the sandbox app never does.


@pytest.fixture
async def serve() -> AsyncIterator[Any]:
    servers: list[HttpServer] = []

    async def start(app: Any, **options: Any) -> str:
        server = HttpServer(app, **options)
        await server.start()
        servers.append(server)
        return server.base_url

    yield start
    for server in servers:
        await server.stop()


async def test_the_scope_is_asgi_3(serve: Any) -> None:
    scopes: list[dict[str, Any]] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        scopes.append(scope)
        body = (await receive())["body"]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    base_url = await serve(app)
    async with httpx.AsyncClient(base_url=base_url, trust_env=False) as c:
        response = await c.post("/caf%C3%A9/x?a=1&b=%20", content=b"echo", headers={"X-Thing": "v"})

    assert response.text == "echo"
    scope = scopes[0]
    assert scope["type"] == "http"
    assert scope["asgi"]["version"] == "3.0"
    assert scope["http_version"] == "1.1"
    assert scope["method"] == "POST"
    assert scope["scheme"] == "http"
    assert scope["path"] == "/café/x"
    assert scope["raw_path"] == b"/caf%C3%A9/x"
    assert scope["query_string"] == b"a=1&b=%20"
    assert (b"x-thing", b"v") in scope["headers"]
    assert scope["client"][0] == "127.0.0.1"
    assert scope["server"][1] == httpx.URL(base_url).port
    assert "sandbox.drop" in scope["extensions"]


async def test_an_app_error_is_a_500_and_the_server_goes_on(serve: Any) -> None:
    async def broken(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["path"] == "/boom":
            raise RuntimeError("bug")
        if scope["path"] == "/silent":
            return
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body"})

    base_url = await serve(broken)
    async with httpx.AsyncClient(base_url=base_url, trust_env=False) as c:
        assert (await c.get("/boom")).status_code == 500
        assert (await c.get("/silent")).status_code == 500
        assert (await c.get("/fine")).status_code == 204


async def test_an_idle_connection_is_closed_after_the_timeout(serve: Any) -> None:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body"})

    base_url = await serve(app, idle_timeout=0.1)
    url = httpx.URL(base_url)
    reader, writer = await asyncio.open_connection(url.host, url.port)
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 204 ")

    # Closed, not kept for the default keep-alive: the bound sits well under that default and far
    # above the 0.1 s asked for, so only a server ignoring idle_timeout can fail it.
    assert await asyncio.wait_for(reader.read(), timeout=KEEP_ALIVE_TIMEOUT / 2) == b""
    writer.close()
