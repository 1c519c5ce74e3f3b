"""The audit trail: one `audit` event per creation attempt with who, what, the result and when."""

import json
from datetime import UTC, datetime

import pytest

from tools.core import events
from tools.core.events import Caller, CreationAttempt, LuccaCall, RateLimitWait
from tools.ops.audit import audit_listener

WHEN = datetime(2026, 11, 26, 9, 30, 0, 123000, tzinfo=UTC)


@pytest.fixture
def audited():
    unsubscribe = events.subscribe(audit_listener)
    yield
    unsubscribe()


def audit_entries(lines: list[str]) -> list[dict]:
    return [entry for entry in map(json.loads, lines) if entry.get("event") == "audit"]


def test_a_slack_creation_is_audited_with_who_what_result_and_when(audited, json_lines):
    events.emit(
        CreationAttempt(
            caller=Caller(face="slack", who="U0ALICE", team="T0TEAM"),
            title="Business French",
            provider_id=12,
            category_id=2,
            outcome="created",
            training_id=45,
            error=None,
            seconds=0.2345,
            at=WHEN,
        )
    )
    (entry,) = audit_entries(json_lines.lines)
    assert entry["logger"] == "lucca_training.audit" and entry["level"] == "INFO"
    assert {k: entry[k] for k in ("face", "who", "team", "client")} == {
        "face": "slack",
        "who": "U0ALICE",
        "team": "T0TEAM",
        "client": None,
    }
    assert entry["title"] == "Business French"
    assert (entry["provider_id"], entry["category_id"]) == (12, 2)
    assert (entry["outcome"], entry["training_id"], entry["error"]) == ("created", 45, None)
    assert entry["at"] == "2026-11-26T09:30:00.123+00:00" and entry["latency_ms"] == 234.5


def test_a_failed_mcp_attempt_is_audited_with_its_error(audited, json_lines):
    caller = Caller(face="mcp", who="claude-team", client="claude-ai 1.2")
    events.emit(
        CreationAttempt(caller, None, None, None, "invalid_input", None, "title: required", 0.001)
    )
    (entry,) = audit_entries(json_lines.lines)
    assert (entry["face"], entry["who"], entry["client"]) == ("mcp", "claude-team", "claude-ai 1.2")
    assert entry["title"] is None and entry["training_id"] is None
    assert (entry["outcome"], entry["error"]) == ("invalid_input", "title: required")


def test_other_events_are_not_audited(audited, json_lines):
    events.emit(LuccaCall("POST", "/talent-training/api/v1/trainings", 201, 0.01))
    events.emit(RateLimitWait(2.0, "retry_after"))
    assert audit_entries(json_lines.lines) == []
