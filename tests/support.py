"""Test data and small helpers shared by the test packages."""

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx

from tools.core.client import LuccaClient, RetryPolicy
from tools.core.draft import TrainingDraft, validate_draft

ROOT = Path(__file__).parents[1]

# Canary secrets: every secret the suite hands the product carries a mark, and an autouse guard
# (tests/conftest.py) fails any test whose log records, captured output or subprocess output show
# one. Never put a mark in anything that is not a secret. "do-not-leak" is the older mark, kept so
# that secrets written before the canaries (e.g. in tests/drafting) are watched too.
CANARY_MARKS = ("CANARY", "do-not-leak")
SANDBOX_KEY = "sandbox-CANARY-lucca-key-do-not-leak"  # the Lucca API key
SLACK_BOT_TOKEN = "xoxb-CANARY-bot-token-do-not-leak"
SLACK_APP_TOKEN = "xapp-1-CANARY-app-token-do-not-leak"
SLACK_SIGNING_SECRET = "CANARY-signing-secret-do-not-leak"
MCP_TOKEN = "mcp-CANARY-token-0123456789abcdef"
LLM_API_KEY = "sk-CANARY-model-key-do-not-leak"
CANARY_SECRETS = (
    SANDBOX_KEY,
    SLACK_BOT_TOKEN,
    SLACK_APP_TOKEN,
    SLACK_SIGNING_SECRET,
    MCP_TOKEN,
    LLM_API_KEY,
)
# The core client's timeout in tests that do not test timeouts (those build a client with a short
# one, against a `delay` fault far past it): only a safety net, since a loopback request can take
# over a second on a loaded 2-core machine, and a POST that timed out there would become an
# "unknown outcome" the test never asked for.
LUCCA_WAIT_SECONDS = 10.0
EXAMPLE_PATH = ROOT / "examples" / "training.json"
EXAMPLE = json.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
CONSOLE_SCRIPT = Path(sys.executable).with_name("lucca-training")

# The spec's writable fields, in its order: what every face's input must offer, and nothing else.
WRITABLE_FIELDS = [
    "title",
    "subtitle",
    "description",
    "level",
    "isCertifying",
    "isMandatory",
    "type",
    "providerId",
    "categoryId",
]

VALID_DRAFT = {
    "title": "Negotiation basics",
    "subtitle": "Prepare, open, close",
    "description": "Three half-days of practice.",
    "level": "Beginner",
    "isCertifying": False,
    "isMandatory": True,
}


def posts(sandbox) -> list[dict]:
    """The POSTs the sandbox received, from its own request log."""
    return [entry for entry in sandbox.requests_log() if entry["method"] == "POST"]


def canary_leaks(text: str) -> list[str]:
    """Each place a canary mark shows in `text`, with a little context: empty when none does."""
    found = []
    for mark in CANARY_MARKS:
        start = text.find(mark)
        while start != -1 and len(found) < 5:
            found.append(text[max(0, start - 60) : start + len(mark) + 60])
            start = text.find(mark, start + 1)
    return found


def sandbox_client(http: httpx.AsyncClient, sandbox, sleeps: list[float]) -> LuccaClient:
    """The core's client on `sandbox`, as tests use it: quick connection retries, and a sleep that
    records each wait in `sleeps` and returns at once."""

    async def record_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    return LuccaClient(
        http,
        sandbox.base_url,
        SANDBOX_KEY,
        retry=RetryPolicy(max_rate_limit_wait=30.0, connect_backoff=(0.01, 0.02)),
        sleep=record_sleep,
    )


def draft_of(data: Mapping[str, Any]) -> TrainingDraft:
    """A face's mapping as the core takes it (faces go through `intake.accept_draft`)."""
    return validate_draft(data)


def model_visible(tools: list) -> list:
    """The listed tools an assistant's model sees: a host hides the MCP Apps view's app-only
    ones (`_meta.ui.visibility: ["app"]`)."""
    return [
        tool for tool in tools if ((tool.meta or {}).get("ui") or {}).get("visibility") != ["app"]
    ]


async def take_turn(pacer) -> float:  # type: ignore[no-untyped-def]
    """One request's turn from a `RequestPacer`, with nothing sent in it: the seconds waited."""
    async with pacer.turn() as waited:
        return waited
