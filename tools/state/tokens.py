"""Single-use tokens across replicas: the first claim of a token wins, every later one sees it.

For confirmation round trips (MCP Apps) that must not run twice, whichever replica the second
try reaches. A claim lives `ttl` seconds; the winner may record what its use gave (`settle`), so a
repeat can be answered with it (`first_result`), or give the key back when its use failed
(`release`). The core's `coordination.SingleUse`, on the store.
"""

from __future__ import annotations

from sqlalchemy import delete, select, update

from tools.state.schema import single_use_tokens as table
from tools.state.store import Store


class SingleUseTokens:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def claim(self, token_id: str, ttl_seconds: float) -> bool:
        """True for the one caller that claims `token_id` first (within its ttl), False after."""
        now = self.store.now()
        insert = self.store.insert(table).values(
            token_id=token_id, claimed_at=now, expires_at=now + ttl_seconds, result=None
        )
        statement = insert.on_conflict_do_update(  # an expired claim is gone: claimable again
            index_elements=["token_id"],
            set_={"claimed_at": now, "expires_at": now + ttl_seconds, "result": None},
            where=table.c.expires_at < now,
        )
        async with self.store.transaction() as connection:
            claimed = (await connection.execute(statement)).rowcount == 1
            await connection.execute(delete(table).where(table.c.expires_at < now))
        return claimed

    async def settle(self, token_id: str, result: str) -> None:
        """What the first use gave, for the repeats (`first_result`)."""
        statement = update(table).where(table.c.token_id == token_id).values(result=result)
        async with self.store.transaction() as connection:
            await connection.execute(statement)

    async def release(self, token_id: str) -> None:
        """Drop an unsettled claim: its use failed, and the key may be used again."""
        statement = delete(table).where(table.c.token_id == token_id, table.c.result.is_(None))
        async with self.store.transaction() as connection:
            await connection.execute(statement)

    async def first_result(self, token_id: str) -> str | None:
        """The settled result of a live claim; None if unclaimed, expired or not settled yet."""
        query = select(table.c.result).where(
            table.c.token_id == token_id, table.c.expires_at >= self.store.now()
        )
        async with self.store.transaction() as connection:
            return (await connection.execute(query)).scalar()
