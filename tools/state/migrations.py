"""The schema's versions, applied in order at start: a versioned list, each step run once.

`schema_version` records what was applied. On PostgreSQL an advisory lock makes replicas that
start together take turns; the first creates, the others find it done. A new step is appended
with the next number; a step once released is never edited.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import Connection, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from tools.state import schema

MIGRATION_LOCK = 15_0001  # any constant: only our migrations take it


# Steps 1 and 2 create tables as `schema.py` declares them now. A later step that alters one of
# them (a new column, an index) must state its change itself, and `schema.py` then holds the
# result: step 1 would create it already, so that step checks before it alters.
def _v1(connection: Connection) -> None:
    for table in (
        schema.slack_journal,
        schema.title_leases,
        schema.rate_slots,
        schema.rate_pauses,
        schema.single_use_tokens,
    ):
        table.create(connection, checkfirst=True)


def _v2(connection: Connection) -> None:
    schema.slack_creations.create(connection, checkfirst=True)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "the Slack journal, title leases, the rate budget, single-use tokens", _v1),
    (2, "each Slack user's recent creations, for the Home tab", _v2),
]

LATEST_VERSION = MIGRATIONS[-1][0]


async def migrate(connection: AsyncConnection, dialect: str) -> list[int]:
    """Apply what is missing, in this transaction; the versions applied now."""
    if dialect == "postgresql":
        await connection.execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
        )
    await connection.run_sync(lambda sync: schema.schema_version.create(sync, checkfirst=True))
    done = set((await connection.execute(select(schema.schema_version.c.version))).scalars())
    applied = []
    for version, _why, step in MIGRATIONS:
        if version in done:
            continue
        await connection.run_sync(step)
        await connection.execute(
            schema.schema_version.insert().values(version=version, applied_at=time.time())
        )
        applied.append(version)
    return applied
