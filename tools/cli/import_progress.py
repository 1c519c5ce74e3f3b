"""How an import shows its progress: a rich bar on a terminal, one plain line a row otherwise.

Both say done / total, how many were created, skipped (already in the catalog) and failed, and the
time left at the current pace; the plain lines are also what a log or a test reads.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tools.cli.terminal_output import printable
from tools.importing.sending import RowOutcome

SKIPPED = ("existing",)
CREATED = ("created", "recovered")


class Counts:
    def __init__(self, total: int) -> None:
        self.total = total
        self.done = self.created = self.skipped = self.failed = 0
        self._started = time.monotonic()

    def add(self, outcome: RowOutcome) -> None:
        self.done += 1
        if outcome.outcome in CREATED:
            self.created += 1
        elif outcome.outcome in SKIPPED:
            self.skipped += 1
        else:
            self.failed += 1

    def seconds_left(self) -> float | None:
        if not self.done:
            return None
        pace = (time.monotonic() - self._started) / self.done
        return pace * (self.total - self.done)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "unknown"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


class PlainProgress:
    """One line a row, and (past 20 rows) every tenth of the way the counts and the time left."""

    def __init__(self, total: int, out: TextIO | None = None) -> None:
        self.counts = Counts(total)
        self._out = out or sys.stdout
        self._every = total // 10 if total >= 20 else 0

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._out.flush()

    def row_done(self, outcome: RowOutcome) -> None:
        counts = self.counts
        counts.add(outcome)
        width = len(str(counts.total))
        what = outcome.outcome + (f" #{outcome.training_id}" if outcome.training_id else "")
        title = f' "{printable(outcome.title)}"' if outcome.title else ""
        error = f": {printable(outcome.error)}" if outcome.error else ""
        line = f"[{counts.done:>{width}}/{counts.total}] line {outcome.line}: {what}{title}{error}"
        self._out.write(line + "\n")
        if self._every and counts.done % self._every == 0 and counts.done < counts.total:
            self._out.write(
                f"  {counts.done} of {counts.total} done: {counts.created} created, "
                f"{counts.skipped} skipped, {counts.failed} failed; "
                f"about {_duration(counts.seconds_left())} left\n"
            )
        self._out.flush()


class BarProgress:
    """rich's progress bar, on the terminal the command writes to."""

    def __init__(self, total: int) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.counts = Counts(total)
        self._progress = Progress(
            TextColumn("Importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(
                "{task.fields[created]} created, {task.fields[skipped]} skipped, "
                "{task.fields[failed]} failed"
            ),
            TextColumn("time left"),
            TimeRemainingColumn(),
        )
        self._task = self._progress.add_task("import", total=total, created=0, skipped=0, failed=0)

    def __enter__(self) -> BarProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._progress.stop()

    def row_done(self, outcome: RowOutcome) -> None:
        counts = self.counts
        counts.add(outcome)
        self._progress.update(
            self._task,
            completed=counts.done,
            created=counts.created,
            skipped=counts.skipped,
            failed=counts.failed,
        )
        if not outcome.ended_well:
            self._progress.console.print(
                f"line {outcome.line}: {outcome.outcome}: {printable(outcome.error)}",
                markup=False,
                highlight=False,
            )


def progress_for(total: int) -> PlainProgress | BarProgress:
    return BarProgress(total) if sys.stdout.isatty() else PlainProgress(total)
