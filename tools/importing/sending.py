"""The valid rows through the core, in waves, each row's outcome in the order of the file.

A wave's rows call `Trainings.create` together, so the core's duplicate lookups for them go as one
batch (the whole catalog read in a few pages, not one search per title): an import of 300 costs
about 300 POSTs and a dozen reads. The core paces every request to the tenant's budget, answers
`existing` for a row already in the catalog with the same content (so a second run creates only
what is missing), and settles a lost answer. What is left here is the outcome of each row.

A turn the pacer refused (queue full) or a 429 that outlasted the core's retries sent nothing, so
the row waits what Lucca asked and tries again; a stop asked meanwhile leaves it unsent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from tools.core.errors import DuplicateTraining, LuccaRateLimited, TrainingError
from tools.core.events import Caller
from tools.core.trainings import Trainings
from tools.importing.checking import CheckedRow
from tools.importing.stopping import ImportStopped, RowProgress, StopSignal, sending_row

WAVE_SIZE = 100  # rows sent together: their lookups are one read of the catalog's pages
RATE_LIMITED_TRIES = 5
DEFAULT_RATE_LIMITED_WAIT = 10.0

# The outcomes a row can have in the report.
SENT_WELL = ("created", "existing", "recovered")
OUTCOMES = (*SENT_WELL, "duplicate", "invalid", "failed", "not_sent")


@dataclass(frozen=True)
class RowOutcome:
    line: int
    title: str | None
    outcome: str  # one of OUTCOMES
    training_id: int | None = None
    catalog_status: str | None = None
    error: str = ""
    checked: CheckedRow | None = None

    @property
    def ended_well(self) -> bool:
        return self.outcome in SENT_WELL


OnOutcome = Callable[[RowOutcome], None]


class RowSender:
    def __init__(
        self,
        trainings: Trainings,
        caller: Caller,
        stop: StopSignal,
        on_outcome: OnOutcome = lambda outcome: None,
        *,
        wave_size: int = WAVE_SIZE,
    ) -> None:
        self._trainings = trainings
        self._caller = caller
        self._stop = stop
        self._on_outcome = on_outcome
        self._wave_size = wave_size

    async def send(self, rows: list[CheckedRow]) -> list[RowOutcome]:
        outcomes: list[RowOutcome] = []
        for start in range(0, len(rows), self._wave_size):
            wave = rows[start : start + self._wave_size]
            if self._stop.requested:
                outcomes += [self._told(_not_sent(row)) for row in wave]
                continue
            outcomes += await asyncio.gather(*(self._send_row(row) for row in wave))
        return outcomes

    async def _send_row(self, row: CheckedRow) -> RowOutcome:
        # A task of its own (gather makes one), so the row's context is its own too.
        progress = RowProgress()
        sending_row.set(progress)
        return self._told(await self._outcome_of(row, progress))

    async def _outcome_of(self, row: CheckedRow, progress: RowProgress) -> RowOutcome:
        assert row.draft is not None
        for _ in range(RATE_LIMITED_TRIES):
            try:
                created = await self._trainings.create(row.draft, caller=self._caller)
            except ImportStopped:
                if progress.posted:
                    return _outcome(
                        row,
                        "failed",
                        "stopped while checking whether Lucca created "
                        "it: the next run finds it in the catalog if it was",
                    )
                return _not_sent(row)
            except LuccaRateLimited as limited:
                try:
                    await self._stop.wait(limited.retry_after or DEFAULT_RATE_LIMITED_WAIT)
                except ImportStopped:
                    return _not_sent(row)
                continue
            except DuplicateTraining as duplicate:
                return _outcome(row, "duplicate", duplicate.message)
            except TrainingError as error:
                return _outcome(row, "failed", f"{error.message} {error.next_step}".strip())
            return RowOutcome(
                row.line, created.title, created.outcome, created.id, created.catalogStatus,
                checked=row,
            )  # fmt: skip
        return _outcome(row, "failed", "Lucca's rate limit kept refusing it; nothing was sent.")

    def _told(self, outcome: RowOutcome) -> RowOutcome:
        self._on_outcome(outcome)
        return outcome


def _outcome(row: CheckedRow, outcome: str, error: str) -> RowOutcome:
    return RowOutcome(row.line, row.title, outcome, error=error, checked=row)


def _not_sent(row: CheckedRow) -> RowOutcome:
    return _outcome(row, "not_sent", "the import was stopped before it was sent")


def unsent_outcome(row: CheckedRow, reason: str) -> RowOutcome:
    """A row that is not sent at all: invalid, a repeat within the file, or held back."""
    if row.errors:
        return RowOutcome(row.line, row.title, "invalid", error=row.problem, checked=row)
    if row.repeats_line is not None:
        return RowOutcome(row.line, row.title, "duplicate", error=row.problem, checked=row)
    return RowOutcome(row.line, row.title, "not_sent", error=reason, checked=row)
