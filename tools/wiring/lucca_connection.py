"""Opening the process's one Lucca connection, against a real account or the embedded sandbox.

Every entry point (the CLI commands, the MCP and Slack servers) opens it here, so `--sandbox` means
the same everywhere: an in-process emulator on a loopback port, with a fresh key, gone on exit.
What it yields is the core's one `Trainings`, around one `LuccaClient` and one pacer. Given the
store (`tools.state`), creations take its title lease and its single-use keys (the MCP Apps
confirmations), and on a shared store (PostgreSQL) the pacer takes the tenant's budget from it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tools.core.client import LuccaClient, RetryPolicy, new_http_client
from tools.core.pacing import RequestPacer
from tools.core.settings import Settings, load_settings
from tools.core.trainings import Trainings

if TYPE_CHECKING:
    from tools.sandbox.runner import SandboxServer
    from tools.state.store import Store

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
    settings: Settings,
    *,
    sandbox: bool,
    pacer: RequestPacer | None = None,
    store: Store | None = None,
) -> AsyncIterator[LuccaConnection]:
    """`pacer`: one built by the entry point itself (the import waits its turn longer, and can be
    stopped while it waits); by default the settings' (`Settings.new_pacer`), on the store's
    shared budget when replicas share one. `store`: the title lease and the budget come from it."""
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
            title_lease, single_use, budget = _coordination(store, base_url)
            pacer = pacer or settings.new_pacer(budget)
            client = LuccaClient(http, base_url, api_key, retry=retry, pacer=pacer)
            trainings = Trainings(client, title_lease=title_lease, single_use=single_use)
            yield LuccaConnection(trainings, server)


def _coordination(store: Store | None, base_url: str) -> tuple[Any, Any, Any]:
    """The title lease, the single-use keys and the shared budget the store gives (none
    without a store: the process's own memory and pacing)."""
    if store is None:
        return None, None, None
    from tools.state.rate_budget import StoreRateBudget
    from tools.state.title_lease import StoreTitleLease
    from tools.state.tokens import SingleUseTokens

    # One budget per tenant: the account's address names it (the sandbox's port changes).
    tenant = hashlib.sha256(base_url.encode()).hexdigest()[:32]
    budget = StoreRateBudget(store, tenant) if store.shared else None
    return StoreTitleLease(store), SingleUseTokens(store), budget


@asynccontextmanager
async def open_trainings(
    settings: Settings, *, sandbox: bool, store: Store | None = None
) -> AsyncIterator[Trainings]:
    """Just the core's entry, for servers that hold it for their lifetime."""
    async with open_lucca_connection(settings, sandbox=sandbox, store=store) as connection:
        if connection.sandbox is not None:
            logger.info("Using the embedded sandbox at %s", connection.sandbox.base_url)
        yield connection.trainings


def check_lucca_settings(settings: Settings, *, sandbox: bool) -> None:
    """Fail at start-up, not at the first call, when the real account's settings are unusable."""
    if not sandbox:
        settings.lucca_connection()
