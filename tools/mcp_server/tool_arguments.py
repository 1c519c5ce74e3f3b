"""Reading a `create_training` call's arguments as the client sent them.

The SDK would drop unknown arguments silently before the tool saw them; the core must see them to
refuse them by name, so the raw `arguments` of the request are read here and given to the core.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mcp.server.mcpserver import Context

from tools.core.draft import TrainingDraft, validate_draft
from tools.core.errors import FieldError, InvalidDraft
from tools.mcp_server.tool_definition import DRY_RUN


def call_arguments(ctx: Context) -> Mapping[str, Any]:
    params = ctx.request_context.params or {}
    arguments = params.get("arguments")
    return arguments if isinstance(arguments, Mapping) else {}


def read_request(arguments: Mapping[str, Any]) -> tuple[TrainingDraft, bool]:
    """The validated draft and the dry-run flag; `InvalidDraft` naming every bad field."""
    fields = {name: value for name, value in arguments.items() if name != DRY_RUN}
    dry_run = arguments.get(DRY_RUN, False)
    dry_run_error = None
    if not isinstance(dry_run, bool):
        dry_run_error = FieldError(DRY_RUN, "must be true or false")
    try:
        draft = validate_draft(fields)
    except InvalidDraft as invalid:
        extra = (dry_run_error,) if dry_run_error else ()
        raise InvalidDraft((*invalid.field_errors, *extra)) from None
    if dry_run_error:
        raise InvalidDraft([dry_run_error])
    return draft, dry_run
