"""What the server holds for its whole life: the process's one Lucca client."""

from __future__ import annotations

from dataclasses import dataclass

from tools.core.client import LuccaClient


@dataclass(frozen=True)
class ServerState:
    lucca: LuccaClient
