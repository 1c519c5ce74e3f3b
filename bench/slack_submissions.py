"""Slack's 3-second rule under load: 50 form submissions at once while Lucca takes 4 s per creation.

The Slack app runs in its own process (uvicorn serving `/slack/events`, as `lucca-training serve`
does), talking to the sandbox (a separate `lucca-training sandbox` process, rate limit off so
that only the app is measured, every POST delayed by the fault `{"delay": 4}`) and to a local fake
Slack Web API. This script plays Slack: it opens the modals, then sends the submissions as signed
view_submission requests over real HTTP (kept-alive connections, one per submission), all at
once, and times each acknowledgement from the first byte sent to the last byte of the answer.
Target: the slowest under 300 ms (Slack allows 3000), every submission acknowledged, and exactly
one training created per submission. Each submission is written to the store's journal before its
acknowledgement: the run is made with the journal on a SQLite file and on PostgreSQL (a server of
its own from Debian's binaries, or `--state-url`), and in memory (no store) for comparison.

    python bench/slack_submissions.py [--submissions 50] [--delay 4] [--state-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlencode, urlsplit

import httpx

from bench.common import figure, start_sandbox, stop, verdict
from bot import ids
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import VALID_FORM, SignedHttp, SlackDriver, signature_headers, state_of

TARGET_MS = 300.0
KEY = "bench-key"
BOT_TOKEN = "xoxb-bench-bot-token"
SIGNING_SECRET = "bench-signing-secret"
USER = "U0BENCH"
NO_STORE = "memory"  # the journal in the process's memory, as without a store


def start_app(sandbox_url: str, slack_api_url: str, state_url: str) -> tuple[subprocess.Popen, str]:
    """This script again, in `--serve` mode: the Slack app alone in its process."""
    command = [sys.executable, __file__, "--serve", sandbox_url, slack_api_url, state_url]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    port = process.stdout.readline().strip()
    if not port.isdigit():
        raise SystemExit("the Slack app did not start")
    return process, f"http://127.0.0.1:{port}/slack/events"


async def serve_app(sandbox_url: str, slack_api_url: str, state_url: str) -> None:
    from contextlib import AsyncExitStack

    import uvicorn

    from bot.app import build_slack_app
    from bot.http_mode import slack_events_asgi
    from bot.settings import SlackSettings
    from tools.core.client import LuccaClient, new_http_client
    from tools.core.trainings import Trainings
    from tools.state.store import open_store

    settings = SlackSettings(
        _env_file=None,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack_api_url,
        slack_allowed_users=(USER,),
        slack_allowed_usergroups=(),
    )
    async with AsyncExitStack() as stack:
        http = await stack.enter_async_context(new_http_client())
        store = None
        if state_url != NO_STORE:
            store = await stack.enter_async_context(open_store(state_url))
        trainings = Trainings(LuccaClient(http, sandbox_url, KEY))
        face = build_slack_app(settings, trainings, store=store)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        print(sock.getsockname()[1], flush=True)
        config = uvicorn.Config(
            slack_events_asgi(face), log_level="warning", lifespan="on", access_log=False
        )
        await uvicorn.Server(config).serve(sockets=[sock])


def submission_body(fake: FakeSlack, view_id: str, number: int) -> bytes:
    """A signed-ready view_submission, built before the clock starts."""
    values = {**VALID_FORM, ids.TITLE_BLOCK: f"Benchmark training {number}"}
    view = {**fake.full_view(view_id)}
    view["state"] = {"values": state_of(fake.views[view_id].view, values)}
    payload = {
        "type": "view_submission",
        "team": {"id": "T0TEAM", "domain": "acme"},
        "user": {"id": USER, "username": "bench", "name": "bench", "team_id": "T0TEAM"},
        "api_app_id": "A0APP",
        "trigger_id": fake.new_trigger(USER),
        "view": view,
        "response_urls": [],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


async def measure(events_url: str, sandbox_url: str, fake: FakeSlack, count: int, delay: float):
    async with httpx.AsyncClient(timeout=30.0) as http:
        driver = SlackDriver(fake, SignedHttp(http, events_url, SIGNING_SECRET))
        view_ids = [await driver.open_form(user=USER) for _ in range(count)]  # also warms up
        requests = [
            signed_request(events_url, submission_body(fake, view_id, n))
            for n, view_id in enumerate(view_ids)
        ]
        faults = [{"method": "POST", "delay": delay}] * count
        (await http.post(f"{sandbox_url}/_sandbox/faults", json=faults)).raise_for_status()
        connections = [await open_connection(events_url) for _ in range(count)]
        started = time.perf_counter()
        answers = await asyncio.gather(
            *(
                exchange(connection, request)
                for connection, request in zip(connections, requests, strict=True)
            )
        )
        for view_id, (_, _, answer) in zip(view_ids, answers, strict=True):
            fake.apply_answer(view_id, answer)
        shown = await wait_for_results(fake, view_ids, timeout=delay + 30)
        finished = time.perf_counter() - started
        for _, writer in connections:
            writer.close()
        log = (await http.get(f"{sandbox_url}/_sandbox/requests")).json()
    created = sum(1 for entry in log if entry["method"] == "POST" and entry["status"] == 201)
    return answers, created, shown, finished


# Playing Slack with a minimal HTTP/1.1 client: requests are built and connections opened before
# the clock starts, so the figures are the app's acknowledgements, not this script's own work
# (httpx spends about as much CPU sending a request as the app does answering it).

Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


def signed_request(url: str, body: bytes) -> bytes:
    parts = urlsplit(url)
    headers = {
        "Host": parts.netloc,
        "Content-Length": str(len(body)),
        **signature_headers(body, SIGNING_SECRET),
    }
    head = f"POST {parts.path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return (head + "\r\n").encode() + body


async def open_connection(url: str) -> Connection:
    parts = urlsplit(url)
    return await asyncio.open_connection(parts.hostname, parts.port)


async def exchange(connection: Connection, request: bytes) -> tuple[float, int, dict]:
    """Send one request; the time until its whole answer is read, its status and JSON body."""
    reader, writer = connection
    started = time.perf_counter()
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    fields = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    length = int({k.lower(): v for k, v in fields.items()}.get("content-length", "0"))
    body = await reader.readexactly(length)
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, int(lines[0].split(" ")[1]), json.loads(body) if body else {}


async def wait_for_results(fake: FakeSlack, view_ids: list[str], timeout: float) -> int:
    def results() -> int:
        return sum(fake.views[v].view.get("callback_id") == ids.RESULT_CALLBACK for v in view_ids)

    deadline = time.monotonic() + timeout
    while results() < len(view_ids) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return results()


def nearest_rank(sorted_values: list[float], percent: float) -> float:
    return sorted_values[max(0, math.ceil(percent / 100 * len(sorted_values)) - 1)]


def one_run(args: argparse.Namespace, state_url: str) -> dict:
    sandbox, sandbox_url = start_sandbox(KEY)
    try:
        with FakeSlack(BOT_TOKEN) as fake:
            app, events_url = start_app(sandbox_url, fake.api_url, state_url)
            try:
                answers, created, shown, finished = asyncio.run(
                    measure(events_url, sandbox_url, fake, args.submissions, args.delay)
                )
            finally:
                app.terminate()
                app.wait(timeout=30)
            problems = len(fake.view_problems)
    finally:
        stop(sandbox)
    latencies = sorted(elapsed for elapsed, _, _ in answers)
    acknowledged = sum(
        1
        for _, status, body in answers
        if status == 200 and body.get("response_action") == "update"
    )
    return {
        "latencies": latencies,
        "acknowledged": acknowledged,
        "created": created,
        "shown": shown,
        "finished": finished,
        "problems": problems,
    }


def report(args: argparse.Namespace, label: str, run: dict) -> bool:
    """Print one run's lines and figures; whether it met its targets."""
    latencies, count = run["latencies"], args.submissions
    slowest = latencies[-1]
    print(f"  journal {label}:")
    print(f"    ack latency median {statistics.median(latencies):8.1f} ms")
    print(f"    ack latency p99    {nearest_rank(latencies, 99):8.1f} ms")
    print(f"    ack latency max    {slowest:8.1f} ms   (target < {TARGET_MS:.0f} ms; Slack: 3000)")
    print(f"    acknowledged       {run['acknowledged']:8d} of {count}")
    print(f"    trainings created  {run['created']:8d}   (expected {count})")
    print(f"    results shown      {run['shown']:8d}   after {run['finished']:.1f} s")
    print(f"    views refused      {run['problems']:8d}")
    name = "Slack" if label == "in memory" else f"Slack, journal on {label}"
    everyone, target = f"= {count}", f"< {TARGET_MS:g} ms"
    figure(f"{name}: ack median", statistics.median(latencies), "ms", digits=1)
    figure(f"{name}: ack max", slowest, "ms", target=target, passed=slowest < TARGET_MS, digits=1)
    ok = run["acknowledged"] == count
    figure(
        f"{name}: acknowledged", run["acknowledged"], "count", target=everyone, passed=ok, digits=0
    )
    ok = run["created"] == count
    figure(
        f"{name}: trainings created", run["created"], "count", target=everyone, passed=ok, digits=0
    )
    figure(f"{name}: results shown after", run["finished"], "s", digits=1)
    return (
        slowest < TARGET_MS
        and run["acknowledged"] == count
        and run["created"] == count
        and run["problems"] == 0
    )


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--serve":
        asyncio.run(serve_app(sys.argv[2], sys.argv[3], sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=50)
    parser.add_argument("--delay", type=float, default=4.0, help="seconds Lucca takes per POST")
    parser.add_argument("--state-url", default="", help="a PostgreSQL URL (default: its own)")
    parser.add_argument("--no-postgres", action="store_true", help="memory and SQLite only")
    args = parser.parse_args()
    print(
        f"Slack submissions: {args.submissions} at once, Lucca answering each creation "
        f"after {args.delay:g} s"
    )
    passed = True
    with tempfile.TemporaryDirectory() as folder:
        stores = {"in memory": NO_STORE, "SQLite": f"sqlite:///{folder}/state.sqlite3"}
        server = None
        if args.state_url:
            stores["PostgreSQL"] = args.state_url
        elif not args.no_postgres:
            from tests.postgres import PostgresServer, postgres_bin

            if postgres_bin() is None:
                raise SystemExit("PostgreSQL is needed (apt-get install -y postgresql)")
            server = PostgresServer(postgres_bin())
            server.start()
            stores["PostgreSQL"] = server.new_database()
        try:
            for label, url in stores.items():
                passed = report(args, label, one_run(args, url)) and passed
        finally:
            if server is not None:
                server.remove()
    verdict(passed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
