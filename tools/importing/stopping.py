"""Stopping an import between sends: Ctrl-C lets the creations already sent finish, no more.

A row waits for its turn in the core's pacer (the tenant's 50 requests a minute) before its lookup
and before its POST. The import gives the pacer `StopSignal.pacer_sleep` as its way to wait: once
a stop is asked, a row still waiting whose POST has not gone is told `ImportStopped` at once, and
nothing of it was sent. A row whose POST went (its answer lost, say) is never interrupted: the
core's settling of it goes on to the end. Which row a wait belongs to is known from the row's
context (`sending_row`), and that its POST went from the core's own `LuccaCall` event.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from dataclasses import dataclass

from tools.core import events, lucca_api


class ImportStopped(Exception):
    """The import was asked to stop before this row's creation was sent."""


@dataclass
class RowProgress:
    posted: bool = False  # the row's POST went to Lucca (whatever came back)


sending_row: contextvars.ContextVar[RowProgress | None] = contextvars.ContextVar(
    "sending_row", default=None
)


class StopSignal:
    def __init__(self) -> None:
        self._stop = asyncio.Event()

    @property
    def requested(self) -> bool:
        return self._stop.is_set()

    def request(self) -> None:
        self._stop.set()

    async def pacer_sleep(self, seconds: float) -> None:
        row = sending_row.get()
        if row is None or row.posted:
            await asyncio.sleep(seconds)
            return
        await self.wait(seconds)

    async def wait(self, seconds: float) -> None:
        """A pause of the import's own (a refused turn waited out), cut short by a stop."""
        try:
            await asyncio.wait_for(self._stop.wait(), seconds)
        except TimeoutError:
            return
        raise ImportStopped


def watch_posts() -> Callable[[], None]:
    """Mark the current row as posted on each POST the core makes; returns the unsubscriber."""

    def on_event(event: events.Event) -> None:
        if (
            isinstance(event, events.LuccaCall)
            and event.method == "POST"
            and event.path == lucca_api.TRAININGS_PATH
            and (row := sending_row.get()) is not None
        ):
            row.posted = True

    return events.subscribe(on_event)
