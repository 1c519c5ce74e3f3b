"""Bounds on what a caller can make us write into a log line.

A client that names itself with 900 KB, a path of 8 KB, a Slack team id that is a novel: each would
make every log line it touches that long, and log shippers split such lines into pieces that no
longer parse. So every text field of a log record (the `extra` of a call: an audit event's who,
team, client, title, error; a request's method and path) is cut to `MAX_FIELD_CHARS`, and the
message to `MAX_MESSAGE_CHARS`, with a mark that says how much was cut. The bounds keep every
legitimate value whole: Lucca titles stop at 250 characters, Slack and token ids are far shorter.

Cut after redacting, never before: half a secret would no longer be recognised as one.
"""

from __future__ import annotations

from typing import Any

MAX_FIELD_CHARS = 256
MAX_MESSAGE_CHARS = 1000
CUT_MARK = "…[cut {} chars]"


def cut(text: str, limit: int = MAX_FIELD_CHARS) -> str:
    """`text` when it fits in `limit` characters, else its start and a mark of what was cut."""
    if len(text) <= limit:
        return text
    return text[:limit] + CUT_MARK.format(len(text) - limit)


def bounded(value: Any, limit: int = MAX_FIELD_CHARS) -> Any:
    """Every string in `value` (a field's value: text, a list, a mapping) cut to `limit`."""
    if isinstance(value, str):
        return cut(value, limit)
    if isinstance(value, dict):
        return {cut(str(k), limit): bounded(v, limit) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [bounded(v, limit) for v in value]
    return value
