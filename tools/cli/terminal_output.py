"""How results and errors look in a terminal. One place, so every command says things alike."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Callable
from typing import TextIO

from tools.cli.fields import flag_hint
from tools.core.errors import (
    DuplicateCheckIncomplete,
    DuplicateTraining,
    FieldError,
    InvalidDraft,
    LuccaRejected,
    TrainingError,
)
from tools.core.result import CreatedTraining, DraftPreview

# Directional overrides and isolates can make a line read differently from what it holds.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """User text without control characters, so a title cannot drive the terminal."""
    return "".join(
        "\ufffd"
        if (unicodedata.category(char) == "Cc" and char not in "\n\t") or char in _BIDI_CONTROLS
        else char
        for char in text
    )


def write_safely(write: Callable[[], None]) -> None:
    """Print; if the reader has gone (`| head`), drop the rest rather than fail what was done."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def show_created(created: CreatedTraining, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    headline = {
        "created": "Created training",
        "recovered": "Created training (Lucca's answer was lost; found in the catalog)",
        "existing": "Nothing created: already in the catalog with the same content, training",
    }[created.outcome]
    out.write(f'{headline} #{created.id} "{printable(created.title)}"\n')
    out.write(f"  Catalog status: {printable(created.catalogStatus)}\n")
    facts = [f"Level: {created.level}" if created.level else "", f"Type: {created.type or '-'}"]
    out.write("  " + printable("   ".join(fact for fact in facts if fact)) + "\n")
    for label, ref in (("Provider", created.provider), ("Category", created.category)):
        if ref is not None:
            out.write(f"  {label}: {printable(ref.name or '?')} (#{ref.id})\n")


def show_preview(preview: DraftPreview, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(printable(preview.summary) + "\n")
    for field, value in preview.training.items():
        if not isinstance(value, str):
            shown = json.dumps(value)
        else:
            shown = value if len(value) <= 70 else f"{value[:67]}..."
        out.write(f"  {field}: {printable(shown)}\n")


def show_error(error: TrainingError, out: TextIO | None = None) -> None:
    out = out or sys.stderr
    field_errors = error.field_errors
    if isinstance(error, InvalidDraft):
        out.write("error: the training is not valid.\n")
    elif isinstance(error, LuccaRejected) and field_errors:
        out.write(f"error: Lucca refused the training ({error.status}).\n")
    else:
        out.write(f"error: {printable(error.message)}\n")
    for field_error in field_errors:
        out.write(f"  {_field_line(field_error)}\n")
    next_step = error.next_step
    if isinstance(error, DuplicateTraining):
        next_step = "Use a different title, or add --allow-duplicate if a second one is meant."
    elif isinstance(error, DuplicateCheckIncomplete):
        next_step = (
            "Look for the title in Lucca Training; if it is not there, add --allow-duplicate."
        )
    if next_step:
        out.write(f"{next_step}\n")


def _field_line(error: FieldError) -> str:
    flag = flag_hint(error.field)
    name = f"{error.field} ({flag})" if flag else error.field
    return printable(f"{name}: {error.message}")


def error_as_json(error: TrainingError) -> str:
    """The error for scripts (`--output json`): what happened, what to do, may they retry."""
    return json.dumps(
        {
            "error": {
                "kind": error.kind,
                "message": error.message,
                "nextStep": error.next_step,
                "status": error.status,
                "safeToRetry": error.safe_to_retry,
                "retryAfter": error.retry_after,
                "fields": [{"field": e.field, "message": e.message} for e in error.field_errors],
                "existing": [
                    {"id": training.id, "title": training.title}
                    for training in getattr(error, "existing", ())
                ],
            }
        },
        indent=2,
        ensure_ascii=False,
        allow_nan=False,
    )
