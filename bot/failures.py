"""A failed creation, said for a Slack user: one place maps the core's error tree to texts.

The form comes back with `notice` on top and Lucca's field errors above their inputs. The wording
is ours (in the user's language), since the core's next steps speak to whoever runs the app
("check LUCCA_API_KEY"); what Lucca itself said is quoted, escaped, where it helps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bot.form_values import FIELD_BLOCKS, FormValues, block_of_field
from bot.strings import Texts, mrkdwn_escape
from tools.core.errors import FieldError, LuccaRejected, TrainingError

NOTE_MAX_LENGTH = 1000


@dataclass(frozen=True)
class FailureReport:
    notice: str  # the reason, on top of the form
    field_notes: dict[str, list[str]] = field(default_factory=dict)  # block id -> notes


def failure_report(texts: Texts, error: BaseException, values: FormValues) -> FailureReport:
    title = mrkdwn_escape(values.title or "")
    if not isinstance(error, TrainingError):
        return FailureReport(texts.failure["internal"].format(title=title))
    kind = error.kind if error.kind in texts.failure else "unexpected_answer"
    existing = ", ".join(
        f"*#{training.id}* {mrkdwn_escape(training.title)}"
        for training in getattr(error, "existing", ())
    )
    notice = texts.failure[kind].format(
        title=title, retry=_retry(texts, error.retry_after), existing=existing
    )
    notes: dict[str, list[str]] = {}
    unplaced: list[FieldError] = []
    for problem in error.field_errors:
        if problem.field in FIELD_BLOCKS:
            note = texts.lucca_field_note.format(message=mrkdwn_escape(_short(problem.message)))
            notes.setdefault(block_of_field(problem.field, values), []).append(note)
        else:
            unplaced.append(problem)
    said = [f"{problem.field}: {problem.message}" for problem in unplaced]
    if isinstance(error, LuccaRejected) and error.lucca_said:
        said.append(error.lucca_said)
    if said:
        quoted = mrkdwn_escape(_short(" ".join(part for part in said if part)))
        notice += "\n" + texts.lucca_said.format(said=quoted)
    return FailureReport(notice, notes)


def _retry(texts: Texts, seconds: float | None) -> str:
    if seconds is None:
        return texts.retry_in_a_minute
    return texts.retry_in_seconds.format(seconds=max(1, math.ceil(seconds)))


def _short(text: str) -> str:
    return text if len(text) <= NOTE_MAX_LENGTH else text[: NOTE_MAX_LENGTH - 1] + "…"
