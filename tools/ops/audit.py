"""The audit trail: one `audit` log event per creation attempt, whatever the face and the result.

Who (the face, Slack user and team, MCP token name or OAuth user, subject and client, the shell's
user), what (the title and the provider and category ids), the result (the training id, or the
outcome and the error's message) and when. It goes through logging, so it lands wherever the
process's logs go (JSON lines on stderr for `serve`), and a log pipeline can route it by
`"event": "audit"`.
"""

from __future__ import annotations

import logging

from tools.core.events import CreationAttempt, Event

logger = logging.getLogger("lucca_training.audit")
AUDIT_EVENT = "audit"


def audit_listener(event: Event) -> None:
    """Subscribe with `tools.core.events.subscribe(audit_listener)`."""
    if not isinstance(event, CreationAttempt):
        return
    caller = event.caller
    logger.info(
        "Training creation attempt: %s",
        event.outcome,
        extra={
            "event": AUDIT_EVENT,
            "face": caller.face,
            "who": caller.who,
            "team": caller.team,
            "client": caller.client,
            "subject": caller.subject,
            "oauth_client": caller.oauth_client,
            "title": event.title,
            "provider_id": event.provider_id,
            "category_id": event.category_id,
            "outcome": event.outcome,
            "training_id": event.training_id,
            "error": event.error,
            "at": event.at.isoformat(timespec="milliseconds"),
            "latency_ms": round(event.seconds * 1000, 1),
        },
    )
