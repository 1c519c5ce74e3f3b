"""Reading a `create_training` call's arguments as the client sent them.

The SDK would drop unknown arguments silently before the tool saw them; the core must see them to
refuse them by name, so the raw `arguments` of the request are read here and given to the core.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mcp.server.mcpserver import Context

from tools.core.draft import TrainingDraft, validate_draft
from tools.core.errors import FieldError, InvalidDraft
from tools.core.events import Caller
from tools.core.intake import accept_draft
from tools.mcp_server.tool_definition import ALLOW_DUPLICATE, DRY_RUN

FLAGS = (DRY_RUN, ALLOW_DUPLICATE)


def call_arguments(ctx: Context) -> Mapping[str, Any]:
    params = ctx.request_context.params or {}
    arguments = params.get("arguments")
    return arguments if isinstance(arguments, Mapping) else {}


@dataclass(frozen=True)
class ToolRequest:
    draft: TrainingDraft
    dry_run: bool = False
    allow_duplicate: bool = False


def read_request(arguments: Mapping[str, Any], reported_as: Caller | None = None) -> ToolRequest:
    """The validated draft and the call's flags; `InvalidDraft` naming every bad field.

    The tool body passes its caller, so a refused call is reported (`intake.accept_draft`) once;
    the confirmation resolver, which only looks before the body runs, passes none."""
    fields = {name: value for name, value in arguments.items() if name not in FLAGS}
    flags = {name: arguments.get(name, False) for name in FLAGS}
    flag_errors = [
        FieldError(name, "must be true or false", "not_boolean")
        for name, value in flags.items()
        if not isinstance(value, bool)
    ]
    bad_flags = InvalidDraft(flag_errors) if flag_errors else None
    if reported_as is not None:
        draft = accept_draft(fields, reported_as, extra_errors=bad_flags)
    else:
        try:
            draft = validate_draft(fields)
        except InvalidDraft as invalid:
            raise InvalidDraft((*invalid.field_errors, *flag_errors)) from None
        if bad_flags is not None:
            raise bad_flags
    return ToolRequest(draft, flags[DRY_RUN], flags[ALLOW_DUPLICATE])
