"""How results and errors look in a terminal. One place, so every command says things alike."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import TextIO

from tools.core.errors import FieldError, InvalidDraft, LuccaRejected, TrainingError
from tools.core.result import CreatedTraining, DraftPreview

# How each field is given on the command line, to point at the flag to fix.
FLAG_FOR_FIELD = {
    "title": "--title",
    "subtitle": "--subtitle",
    "description": "--description",
    "level": "--level",
    "isCertifying": "--certifying/--no-certifying",
    "isMandatory": "--mandatory/--no-mandatory",
    "type": "--type",
    "providerId": "--provider-id",
    "categoryId": "--category-id",
}


def printable(text: str) -> str:
    """User text without control characters, so a title cannot drive the terminal."""
    return "".join(
        "\ufffd" if unicodedata.category(char) == "Cc" and char not in "\n\t" else char
        for char in text
    )


def show_created(created: CreatedTraining, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(f'Created training #{created.id} "{printable(created.title)}"\n')
    out.write(f"  Catalog status: {created.catalogStatus}\n")
    facts = [f"Level: {created.level}" if created.level else "", f"Type: {created.type or '-'}"]
    out.write("  " + "   ".join(fact for fact in facts if fact) + "\n")
    for label, ref in (("Provider", created.provider), ("Category", created.category)):
        if ref is not None:
            out.write(f"  {label}: {printable(ref.name or '?')} (#{ref.id})\n")


def show_preview(preview: DraftPreview, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(printable(preview.summary) + "\n")
    for field, value in preview.training.items():
        shown = value if not isinstance(value, str) or len(value) <= 70 else f"{value[:67]}..."
        out.write(f"  {field}: {printable(str(shown))}\n")


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
    if error.next_step:
        out.write(f"{error.next_step}\n")


def _field_line(error: FieldError) -> str:
    flag = FLAG_FOR_FIELD.get(error.field)
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
            }
        },
        indent=2,
        ensure_ascii=False,
    )
