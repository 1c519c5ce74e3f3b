"""No caller can make a log line long: fields and messages are cut to a bound and marked as cut."""

import json
import logging

from tools.core import events
from tools.core.events import Caller, CreationAttempt
from tools.ops import json_logs
from tools.ops.audit import audit_listener
from tools.ops.log_fields import MAX_FIELD_CHARS, MAX_MESSAGE_CHARS, bounded, cut

HUGE = "é" * 900_000


def test_text_within_the_bound_is_kept_whole_and_longer_text_is_cut_and_marked():
    assert cut("x" * MAX_FIELD_CHARS) == "x" * MAX_FIELD_CHARS
    shown = cut("x" * (MAX_FIELD_CHARS + 5))
    assert shown == "x" * MAX_FIELD_CHARS + "…[cut 5 chars]"
    assert bounded({"a": ["y" * 300], "n": 3}) == {"a": ["y" * 256 + "…[cut 44 chars]"], "n": 3}


def test_an_audit_event_with_a_900_kb_client_name_stays_a_short_line(json_lines):
    unsubscribe = events.subscribe(audit_listener)
    try:
        caller = Caller(face="mcp", who=HUGE, team=HUGE, client=HUGE)
        events.emit(CreationAttempt(caller, HUGE, None, None, "invalid_input", None, HUGE, 0.1))
    finally:
        unsubscribe()
    (line,) = json_lines.lines
    assert len(line) < 5 * 6 * 300 + 1000  # five cut fields (é is \\u00e9: 6 bytes), the rest
    entry = json.loads(line)
    for field in ("who", "team", "client", "title", "error"):
        assert entry[field].startswith("é" * MAX_FIELD_CHARS)
        assert entry[field].endswith(f"…[cut {900_000 - MAX_FIELD_CHARS} chars]")


def test_a_long_message_is_cut_and_a_secret_is_redacted_before_the_cut(json_lines, text_lines):
    secret = "s3cret-value-" + "k" * 40
    json_logs.secrets.add(secret)
    try:
        padding = "p" * (MAX_FIELD_CHARS - 10)
        logging.getLogger("lucca_training.test").warning(
            "%s", "m" * 5000, extra={"who": padding + secret}
        )
    finally:
        json_logs.secrets.clear()
    entry = json.loads(json_lines.lines[0])
    assert entry["message"] == "m" * MAX_MESSAGE_CHARS + f"…[cut {5000 - MAX_MESSAGE_CHARS} chars]"
    assert entry["who"].startswith(padding + "[redacted]") and secret[:20] not in entry["who"]
    assert len(text_lines.lines[0]) < MAX_MESSAGE_CHARS + MAX_FIELD_CHARS + 200
    assert secret[:20] not in text_lines.lines[0]
