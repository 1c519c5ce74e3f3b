"""Opening the process's one Lucca connection, against a real account or the embedded sandbox.

Every entry point (the CLI commands, the MCP and Slack servers) opens it here, so `--sandbox` means
the same everywhere: an in-process emulator on a loopback port, with a fresh key, gone on exit.
What it yields is the core's one `Trainings`, around one `LuccaClient` and one pacer.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tools.core.client import LuccaClient, RetryPolicy, new_http_client
from tools.core.pacing import RequestPacer
from tools.core.settings import Settings, load_settings
from tools.core.trainings import Trainings

if TYPE_CHECKING:
    from tools.sandbox.runner import SandboxServer

logger = logging.getLogger("lucca_training")


def load_entry_settings(*, sandbox: bool) -> Settings:
    """Settings for an entry point; the sandbox ignores a real account's (maybe stale) ones."""
    if sandbox:
        return load_settings(lucca_base_url=None, lucca_api_key=None)
    return load_settings()


@dataclass(frozen=True)
class LuccaConnection:
    trainings: Trainings
    sandbox: SandboxServer | None  # the in-process emulator, when there is one


@asynccontextmanager
async def open_lucca_connection(
    settings: Settings, *, sandbox: bool, pacer: RequestPacer | None = None
) -> AsyncIterator[LuccaConnection]:
    """`pacer`: one built by the entry point itself (the import waits its turn longer, and can be
    stopped while it waits); by default the settings' (`Settings.new_pacer`)."""
    with ExitStack() as stack:
        server = None
        if sandbox:
            from tools.sandbox.config import SandboxConfig
            from tools.sandbox.runner import SandboxServer, new_api_key

            server = stack.enter_context(SandboxServer(SandboxConfig(api_key=new_api_key())))
            base_url, api_key = server.base_url, server.config.api_key
        else:
            base_url, api_key = settings.lucca_connection()
        async with new_http_client(settings.lucca_timeout_seconds) as http:
            retry = RetryPolicy(max_rate_limit_wait=settings.lucca_max_retry_wait_seconds)
            pacer = pacer or settings.new_pacer()
            client = LuccaClient(http, base_url, api_key, retry=retry, pacer=pacer)
            yield LuccaConnection(Trainings(client), server)


@asynccontextmanager
async def open_trainings(settings: Settings, *, sandbox: bool) -> AsyncIterator[Trainings]:
    """Just the core's entry, for servers that hold it for their lifetime."""
    async with open_lucca_connection(settings, sandbox=sandbox) as connection:
        if connection.sandbox is not None:
            logger.info("Using the embedded sandbox at %s", connection.sandbox.base_url)
        yield connection.trainings


def check_lucca_settings(settings: Settings, *, sandbox: bool) -> None:
    """Fail at start-up, not at the first call, when the real account's settings are unusable."""
    if not sandbox:
        settings.lucca_connection()
