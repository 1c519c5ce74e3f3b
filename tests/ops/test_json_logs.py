"""Log lines: one JSON object each, carrying the request's context, unforgeable and secret-free."""

import json
import logging

from tools.ops import request_context
from tools.ops.json_logs import REDACTED, escape_controls, secrets

logger = logging.getLogger("lucca_training.test")
audit_logger = logging.getLogger("lucca_training.audit")
# A title a user could type: a line break, then what would pass for a record of its own.
FORGED = 'Negotiation\n{"time":"2026-01-01T00:00:00.000+00:00","level":"ERROR","message":"pwned"}'


def test_a_record_is_one_json_object_with_time_level_logger_and_message(json_lines):
    logger.info("Created training #%d", 45)
    (line,) = json_lines.lines
    entry = json.loads(line)
    assert entry["level"] == "INFO" and entry["logger"] == "lucca_training.test"
    assert entry["message"] == "Created training #45"
    assert entry["time"].endswith("+00:00") and "T" in entry["time"]


def test_the_request_s_id_and_face_and_the_call_s_extras_are_fields(json_lines):
    id_token = request_context.request_id.set("req-123")
    face_token = request_context.face.set("mcp")
    try:
        logger.info("done", extra={"outcome": "created", "latency_ms": 12.5})
    finally:
        request_context.request_id.reset(id_token)
        request_context.face.reset(face_token)
    logger.info("outside any request")
    inside, outside = (json.loads(line) for line in json_lines.lines)
    assert inside["request_id"] == "req-123" and inside["face"] == "mcp"
    assert inside["outcome"] == "created" and inside["latency_ms"] == 12.5
    assert "request_id" not in outside and "face" not in outside


def test_a_title_with_a_newline_and_a_fake_record_stays_inside_its_string(json_lines):
    logger.info("Creating %s", FORGED, extra={"title": FORGED + "\u2028\x85"})
    lines = json_lines.lines
    assert len(lines) == 1, lines
    entry = json.loads(lines[0])
    assert entry["message"] == f"Creating {FORGED}" and entry["title"].startswith(FORGED)
    assert entry["level"] == "INFO"  # the forged ERROR is text in a field, not a record
    assert lines[0].isascii()  # no U+2028 or NEL that some readers split lines on


def test_the_text_formatter_escapes_line_breaks_and_control_characters(text_lines):
    logger.warning("Creating %s", FORGED + "\x1b[2J\r")
    (line,) = text_lines.lines
    assert line.startswith("WARNING lucca_training.test: Creating Negotiation\\n{")
    assert "\\x1b[2J\\r" in line and "\x1b" not in line


def test_the_text_formatter_shows_the_extras_escaped_after_the_message(text_lines):
    audit_logger.info(
        "Training creation attempt: created", extra={"title": FORGED, "training_id": 45}
    )
    (line,) = text_lines.lines
    assert line.startswith("INFO lucca_training.audit: Training creation attempt: created [")
    assert "title='Negotiation\\n{" in line and line.endswith(" training_id=45]")


def test_escape_controls_keeps_ordinary_and_accented_text():
    assert escape_controls("Français: l'Élan, 45 €") == "Français: l'Élan, 45 €"
    assert escape_controls("a\tb\u2028c") == "a\\tb\\u2028c"


def test_registered_secrets_never_reach_a_line_in_either_format(json_lines, text_lines):
    secrets.add("lucca-key-0123456789", "xoxb-slack-bot-token-abc", "short")
    try:
        raise RuntimeError("refused lucca-key-0123456789")
    except RuntimeError:
        logger.exception(
            "Authorization: lucca application=lucca-key-0123456789",
            extra={"detail": {"token": "xoxb-slack-bot-token-abc"}},
        )
    for line in json_lines.lines + text_lines.lines:
        assert "lucca-key-0123456789" not in line and "xoxb-slack-bot-token-abc" not in line
    entry = json.loads(json_lines.lines[0])
    assert entry["message"] == f"Authorization: lucca application={REDACTED}"
    assert entry["detail"] == {"token": REDACTED} and REDACTED in entry["exception"]
    logger.info("short stays")  # too short to be a key: not redacted, words stay readable
    assert json.loads(json_lines.lines[-1])["message"] == "short stays"


def test_a_sane_incoming_request_id_is_kept_and_anything_else_replaced():
    assert request_context.request_id_from("3f2a-9c1e.lb:7") == "3f2a-9c1e.lb:7"
    for hostile in (None, "", "a b", 'x"y', "x\ny", "é", "x" * 65):
        replaced = request_context.request_id_from(hostile)
        assert replaced != hostile and len(replaced) == 16 and replaced.isalnum()
