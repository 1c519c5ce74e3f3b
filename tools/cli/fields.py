"""The training's fields as the command line spells them: one table for reading and for errors."""

from __future__ import annotations

# field -> its flag; a boolean field also has the `--no-` form.
FLAG_FOR_FIELD = {
    "title": "--title",
    "subtitle": "--subtitle",
    "description": "--description",
    "level": "--level",
    "isCertifying": "--certifying",
    "isMandatory": "--mandatory",
    "type": "--type",
    "providerId": "--provider-id",
    "categoryId": "--category-id",
}
BOOLEAN_FIELDS = frozenset({"isCertifying", "isMandatory"})


def dest_of(field: str) -> str:
    """Where argparse stores the field's flag (`--provider-id` -> `provider_id`)."""
    return FLAG_FOR_FIELD[field].removeprefix("--").replace("-", "_")


def flag_hint(field: str) -> str | None:
    """How to give the field on the command line, for error messages."""
    flag = FLAG_FOR_FIELD.get(field)
    if flag is None:
        return None
    return f"{flag}/--no-{flag.removeprefix('--')}" if field in BOOLEAN_FIELDS else flag
