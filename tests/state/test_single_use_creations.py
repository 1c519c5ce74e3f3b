"""Single-use keys across replicas, on SQLite and on PostgreSQL: two processes' `Trainings`, each
with its own store connection, asked at once to create with the same confirmation (and a second
training allowed, so the catalog's duplicate check does not help): one training."""

import asyncio
import time

from tests.support import SANDBOX_KEY, VALID_DRAFT, draft_of, posts
from tools.core.settings import load_settings
from tools.state.store import open_store
from tools.wiring.lucca_connection import open_trainings


async def test_one_confirmation_sent_to_two_replicas_at_once_creates_one_training(
    store_url, sandbox
):
    settings = load_settings(
        lucca_base_url=sandbox.base_url, lucca_api_key=SANDBOX_KEY, lucca_rate_limit=0
    )
    sandbox.add_faults({"method": "POST", "delay": 0.3})  # the first is still running
    async with (
        open_store(store_url) as one,
        open_store(store_url) as other,
        open_trainings(settings, sandbox=False, store=one) as first,
        open_trainings(settings, sandbox=False, store=other) as second,
    ):
        until = time.time() + 600
        results = await asyncio.gather(
            *(
                replica.create_once("tok", until, draft_of(VALID_DRAFT), allow_duplicate=True)
                for replica in (first, second, first, second)
            )
        )
    assert len({result.id for result in results}) == 1
    assert sorted(result.outcome for result in results) == ["created"] + ["existing"] * 3
    assert len(posts(sandbox)) == 1
