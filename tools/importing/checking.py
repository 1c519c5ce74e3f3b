"""Every row checked before anything is sent: a `TrainingDraft`, or the row's errors.

Each row goes through `intake.accept_draft` exactly as a form or a tool call does (so the limits
and their messages are the core's, and a refused row is reported to the audit like any refused
input), with the row's own problems (an unreadable line, a name that resolves to nothing) as its
extra errors. A valid row whose title an earlier valid row already has (ignoring case and
surrounding spaces, as the core compares titles) is a repeat within the file: it is not sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tools.core.catalog import References
from tools.core.draft import TrainingDraft
from tools.core.errors import FieldError, InvalidDraft
from tools.core.events import Caller
from tools.core.folding import title_key
from tools.core.intake import accept_draft
from tools.importing.columns import ColumnPlan, RowValues, row_values
from tools.importing.names import resolve_name
from tools.importing.readers import SourceRow

LINE = "line"  # the field of an error about the whole line (one that could not be read)


@dataclass(frozen=True)
class CheckedRow:
    line: int
    title: str | None
    draft: TrainingDraft | None = None
    errors: tuple[FieldError, ...] = ()
    repeats_line: int | None = None  # an earlier line with the same title
    same_as_repeated: bool = False  # ... and the same content

    @property
    def sendable(self) -> bool:
        return self.draft is not None and self.repeats_line is None

    @property
    def problem(self) -> str:
        """What is wrong with the row, in one line for people; empty when nothing is."""
        if self.errors:
            return "; ".join(str(error) for error in self.errors)
        if self.repeats_line is None:
            return ""
        if self.same_as_repeated:
            return f"the same training as line {self.repeats_line} (sent once, from there)"
        return f"line {self.repeats_line} has the same title with other content"


@dataclass(frozen=True)
class PreparedRow:
    source: SourceRow
    values: RowValues


def prepare_rows(rows: list[SourceRow], plan: ColumnPlan) -> list[PreparedRow]:
    return [PreparedRow(row, row_values(row.cells, plan)) for row in rows]


def needs_references(rows: list[PreparedRow]) -> bool:
    """Whether any row names a provider or a category (only then is the catalog read)."""
    return any(row.values.names for row in rows)


def check_rows(
    rows: list[PreparedRow], references: References | None, caller: Caller
) -> list[CheckedRow]:
    checked: list[CheckedRow] = []
    first_of_title: dict[str, CheckedRow] = {}
    for row in rows:
        result = _check_one(row, references, caller)
        if result.draft is not None:
            key = title_key(result.draft.title)
            earlier = first_of_title.setdefault(key, result)
            if earlier is not result:
                same = earlier.draft is not None and _same(earlier.draft, result.draft)
                result = CheckedRow(result.line, result.title, result.draft, (), earlier.line, same)
        checked.append(result)
    return checked


def _check_one(row: PreparedRow, references: References | None, caller: Caller) -> CheckedRow:
    if row.source.error is not None:  # nothing was read: no field to check
        return CheckedRow(row.source.line, None, errors=(FieldError(LINE, row.source.error),))
    fields: dict[str, Any] = dict(row.values.fields)
    extra: list[FieldError] = []
    for field, typed in row.values.names.items():
        if references is None:  # only when no row has a name: never here
            raise RuntimeError("names to resolve without the catalog's references")
        resolved = resolve_name(field, typed, references)
        if isinstance(resolved, FieldError):
            extra.append(resolved)
        else:
            fields[field] = resolved
    title = fields.get("title") if isinstance(fields.get("title"), str) else None
    try:
        draft = accept_draft(fields, caller, extra_errors=InvalidDraft(extra) if extra else None)
    except InvalidDraft as invalid:
        return CheckedRow(row.source.line, title, errors=invalid.field_errors)
    return CheckedRow(row.source.line, draft.title, draft)


def _same(one: TrainingDraft, other: TrainingDraft) -> bool:
    return one.to_lucca_body() == other.to_lucca_body()
