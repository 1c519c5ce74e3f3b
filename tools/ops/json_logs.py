"""Log lines an operator's tools can read, and that user text cannot forge or fill with secrets.

`JsonFormatter`: one JSON object per line (time, level, logger, message, then the request id and
face of the current request, then whatever the call passed in `extra`, e.g. outcome, latency_ms).
`json.dumps` escapes every line break and control character, and `ensure_ascii` every character
some readers split lines on (U+2028...), so a title holding a newline and a fake record stays
inside its string. `TextFormatter` (the CLI's) escapes them in the message for the same reason.

Both formatters replace every registered secret (the Lucca key, Slack and MCP tokens) with
`[redacted]`, wherever it shows up: a message, an exception, an extra field. The code never logs
them on purpose; this is the net for a library or a bug that would. Then they cut the message and
every field to a bound (see log_fields), so that no caller can make a line of megabytes.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from typing import Any

from tools.ops import log_fields, request_context

REDACTED = "[redacted]"
MIN_SECRET_LENGTH = 8  # shorter values would redact ordinary words; real keys are far longer
_STANDARD_ATTRIBUTES = frozenset(
    {*logging.makeLogRecord({}).__dict__, "message", "asctime", "taskName"}
)

_CONTEXT = (("request_id", request_context.request_id), ("face", request_context.face))


class _Secrets:
    """The process's secret values, registered by the entry point once its settings are read."""

    def __init__(self) -> None:
        self._values: tuple[str, ...] = ()
        self._lock = threading.Lock()

    def add(self, *values: str | None) -> None:
        fresh = {v for v in values if v and len(v) >= MIN_SECRET_LENGTH}
        with self._lock:  # longest first: a key that contains another is redacted whole
            self._values = tuple(sorted({*self._values, *fresh}, key=len, reverse=True))

    def clear(self) -> None:
        with self._lock:
            self._values = ()

    def redact(self, text: str) -> str:
        for value in self._values:
            if value in text:
                text = text.replace(value, REDACTED)
        return text


secrets = _Secrets()


def _redacted(value: Any) -> Any:
    if isinstance(value, str):
        return secrets.redact(value)
    if isinstance(value, dict):
        return {str(k): _redacted(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redacted(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return secrets.redact(str(value))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, var in _CONTEXT:
            value = var.get()
            if value is not None:
                entry[name] = value
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value
        entry = {key: _bounded(key, value) for key, value in _redacted(entry).items()}
        if record.exc_info:
            entry["exception"] = secrets.redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=True, separators=(",", ":"))


def _bounded(key: str, value: Any) -> Any:
    """Redacted first, then cut (see log_fields): the message has a longer bound than fields."""
    if key == "message":
        return log_fields.cut(value, log_fields.MAX_MESSAGE_CHARS)
    return log_fields.bounded(value)


def escape_controls(text: str) -> str:
    """`a\\nb` for a newline, `\\x1b` for an escape...: one log record stays one line."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class TextFormatter(logging.Formatter):
    """The CLI's human-readable lines, with the message's control characters escaped.

    The call's `extra` fields (an audit event's who, what and result) follow the message as
    `key=value`, escaped alike.
    """

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.makeLogRecord(record.__dict__)
        message = log_fields.cut(secrets.redact(record.getMessage()), log_fields.MAX_MESSAGE_CHARS)
        fields = [
            f"{key}={value!r}" if isinstance(value, str) else f"{key}={value}"
            for key, value in (
                (key, log_fields.bounded(_redacted(value)))
                for key, value in record.__dict__.items()
                if key not in _STANDARD_ATTRIBUTES and not key.startswith("_") and value is not None
            )
        ]
        if fields:
            message += " [" + " ".join(fields) + "]"
        safe.msg, safe.args = escape_controls(message), None
        return secrets.redact(super().format(safe))
