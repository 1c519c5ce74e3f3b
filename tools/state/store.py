"""The store's engine: one URL in, an async SQLAlchemy engine out, its schema migrated.

SQLite (`sqlite:///path`, or `sqlite://` in memory) runs on aiosqlite; every transaction of the
process goes through one lock, since SQLite takes one writer at a time anyway and an in-memory
database lives on one connection. PostgreSQL (`postgresql://user:pass@host/db`) runs on asyncpg
with a small pool, and is what several replicas share (`Store.shared`). Any failure to reach the
database is a `StoreUnavailable`, whose message names no part of the URL.
"""

from __future__ import annotations

import asyncio
import logging
import time
import zlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, nullcontext
from typing import Any

from sqlalchemy import event, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql import Insert
from sqlalchemy.sql.schema import Table

from tools.core.coordination import CoordinationUnavailable
from tools.core.errors import ConfigurationError

logger = logging.getLogger("lucca_training.state")

CONNECT_TIMEOUT_SECONDS = 3.0
STATEMENT_TIMEOUT_SECONDS = 5.0
SQLITE_BUSY_TIMEOUT_MS = 10_000


class StoreUnavailable(CoordinationUnavailable):
    """The store could not be reached or did not answer; nothing was written."""


class Store:
    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self._clock = clock
        self.dialect = engine.dialect.name
        self._serial = asyncio.Lock() if self.dialect == "sqlite" else None
        self._migrated = False
        self._migrating = asyncio.Lock()

    @property
    def shared(self) -> bool:
        """Whether other processes may share it (PostgreSQL), so the rate budget is shared."""
        return self.dialect == "postgresql"

    def now(self) -> float:
        """Wall-clock seconds: every replica reads the same clock (a lease outlives a process)."""
        return self._clock()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """One transaction, committed at the end; `StoreUnavailable` when the database is not
        there. Never nest two: SQLite's lock is not re-entrant."""
        async with self._serial or nullcontext():
            try:
                if not self._migrated:
                    await self._migrate()
                async with self.engine.begin() as connection:
                    yield connection
            except (TimeoutError, SQLAlchemyError, OSError) as exc:
                raise StoreUnavailable(f"The store did not answer ({type(exc).__name__}).") from exc

    async def _migrate(self) -> None:
        """The schema, created or brought up to date once per process (a store that was down
        at start is migrated at its first use)."""
        from tools.state.migrations import migrate

        async with self._migrating:
            if not self._migrated:
                async with self.engine.begin() as connection:
                    await migrate(connection, self.dialect)
                self._migrated = True

    async def lock(self, connection: AsyncConnection, name: str) -> None:
        """Serialize the rest of this transaction with every replica's doing the same `name`
        (PostgreSQL's transaction-scoped advisory lock; SQLite's writes are serialized anyway)."""
        if self.dialect == "postgresql":
            key = zlib.crc32(name.encode())
            await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

    def insert(self, table: Table) -> Insert:
        """An INSERT that knows its dialect's ON CONFLICT."""
        dialect = postgresql if self.dialect == "postgresql" else sqlite
        return dialect.insert(table)

    async def ping(self) -> None:
        async with self.transaction() as connection:
            await connection.execute(text("SELECT 1"))

    async def close(self) -> None:
        await self.engine.dispose()


def new_engine(url: str) -> AsyncEngine:
    """The engine for a `STATE_URL`; a `ConfigurationError` (naming STATE_URL, not its value)
    for one that is neither SQLite nor PostgreSQL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    except ValueError:  # its port is not a number; the message would show the URL
        raise ConfigurationError(
            "STATE_URL is not a valid database URL: its port is not a number.", _URL_FORMS
        ) from None
    backend = parsed.get_backend_name() if parsed is not None else ""
    if parsed is not None and backend == "sqlite":
        return _sqlite_engine(parsed.set(drivername="sqlite+aiosqlite"))
    if parsed is not None and backend in ("postgresql", "postgres"):
        return create_async_engine(
            parsed.set(drivername="postgresql+asyncpg"),
            pool_size=5,
            max_overflow=5,
            pool_pre_ping=True,  # a connection from before a database restart is tried first
            pool_timeout=CONNECT_TIMEOUT_SECONDS,
            connect_args={
                "timeout": CONNECT_TIMEOUT_SECONDS,
                "command_timeout": STATEMENT_TIMEOUT_SECONDS,
            },
        )
    raise ConfigurationError("STATE_URL is neither a SQLite nor a PostgreSQL URL.", _URL_FORMS)


_URL_FORMS = (
    "Use sqlite:///path/to/file.sqlite3 (one instance) or "
    "postgresql://user:password@host:5432/database (several replicas)."
)


def _sqlite_engine(url: Any) -> AsyncEngine:
    in_memory = url.database in (None, "", ":memory:")
    options: dict[str, Any] = {"poolclass": StaticPool} if in_memory else {"pool_size": 1}
    engine = create_async_engine(
        url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **options
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
            cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint, fast
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    return engine


@asynccontextmanager
async def open_store(url: str, *, clock: Callable[[], float] = time.time) -> AsyncIterator[Store]:
    """The store for `url`, its schema created or migrated; closed on exit. A database that is
    down at start does not stop the process: `/readyz` says so, and the first use migrates."""
    store = Store(new_engine(url), clock=clock)
    try:
        try:
            await store.ping()
        except StoreUnavailable as exc:
            logger.warning("The store is not reachable yet: %s", exc)
        yield store
    finally:
        await store.close()


async def probe(url: str) -> str:
    """What `doctor` says of a `STATE_URL`, without creating or changing anything: the database
    answers, and how far its schema is. `StoreUnavailable` when it does not answer;
    `ConfigurationError` for a URL that is neither SQLite nor PostgreSQL."""
    from tools.state.migrations import LATEST_VERSION
    from tools.state.schema import schema_version

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        parsed = None  # new_engine says what is wrong with it
    if parsed is not None and parsed.get_backend_name() == "sqlite" and parsed.database:
        from pathlib import Path

        path = Path(parsed.database)
        if not path.exists():
            if not path.parent.is_dir():
                raise StoreUnavailable(f"The SQLite file's folder ({path.parent}) does not exist.")
            return f"SQLite file {path.name}: created at the first start."
    engine = new_engine(url)
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT_SECONDS + 1), engine.connect() as connection:
            has_schema = await connection.run_sync(
                lambda sync: sync.dialect.has_table(sync, schema_version.name)
            )
            applied = None
            if has_schema:
                query = select(func.max(schema_version.c.version))
                applied = (await connection.execute(query)).scalar()
    except (TimeoutError, SQLAlchemyError, OSError) as exc:
        raise StoreUnavailable(f"The store did not answer ({type(exc).__name__}).") from exc
    finally:
        await engine.dispose()
    name = "PostgreSQL" if engine.dialect.name == "postgresql" else "SQLite"
    if applied is None:
        return f"{name} answers; its schema is created at the first start."
    if applied < LATEST_VERSION:
        return f"{name} answers; schema {applied}, brought to {LATEST_VERSION} at the next start."
    return f"{name} answers; schema {applied}, up to date."


async def unreachable_reason(store: Store, timeout: float = 2.0) -> str | None:
    """Why the store cannot be used right now (for `/readyz`), or None when it answers."""
    try:
        async with asyncio.timeout(timeout):
            await store.ping()
    except (StoreUnavailable, TimeoutError):
        return f"The store (STATE_URL, {store.dialect}) is not reachable"
    return None
