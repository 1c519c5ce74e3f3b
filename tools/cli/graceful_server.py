"""uvicorn's server, starting the shutdown budget's clock when the stop signal arrives.

Its own module so that uvicorn is imported only by the command that serves HTTP.
"""

from __future__ import annotations

from types import FrameType

import uvicorn

from tools.ops.shutdown import ShutdownBudget


class GracefulServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, shutdown: ShutdownBudget) -> None:
        super().__init__(config)
        self.budget = shutdown  # not `shutdown`: uvicorn.Server has a method of that name

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.budget.begin()
        super().handle_exit(sig, frame)
