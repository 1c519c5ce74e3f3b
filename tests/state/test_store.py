"""The store opens on SQLite and PostgreSQL, migrates once, and says so when it is not there."""

import pytest
from sqlalchemy import select

from tools.core.errors import ConfigurationError
from tools.state.migrations import LATEST_VERSION, MIGRATIONS
from tools.state.schema import schema_version, slack_creations
from tools.state.settings import DEFAULT_STATE_URL, MEMORY_STATE_URL, load_state_settings
from tools.state.store import StoreUnavailable, open_store, unreachable_reason

ALL_VERSIONS = [version for version, _, _ in MIGRATIONS]


async def versions(store) -> list[int]:
    async with store.transaction() as connection:
        return list((await connection.execute(select(schema_version.c.version))).scalars())


async def test_the_schema_is_created_at_start_and_migrated_once(store_url):
    async with open_store(store_url) as first:
        assert await versions(first) == ALL_VERSIONS
    async with open_store(store_url) as again:  # a restart, or another replica
        assert await versions(again) == ALL_VERSIONS
        assert await unreachable_reason(again) is None


async def test_a_store_left_by_an_older_release_is_brought_up_to_date(store_url):
    """As a database the first release created (schema 1) finds the next release's schema."""
    async with open_store(store_url) as old:
        async with old.transaction() as connection:
            await connection.run_sync(lambda sync: slack_creations.drop(sync))
            await connection.execute(schema_version.delete().where(schema_version.c.version > 1))
        assert await versions(old) == [1]
    async with open_store(store_url) as upgraded:
        assert await versions(upgraded) == ALL_VERSIONS
        assert ALL_VERSIONS[-1] == LATEST_VERSION
        async with upgraded.transaction() as connection:
            assert (await connection.execute(select(slack_creations))).all() == []


async def test_an_in_memory_store_works_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with open_store(MEMORY_STATE_URL) as store:
        assert await versions(store) == ALL_VERSIONS
    assert list(tmp_path.iterdir()) == []


def test_the_default_is_a_file_and_the_sandbox_uses_memory(monkeypatch):
    monkeypatch.delenv("STATE_URL", raising=False)
    settings = load_state_settings(_env_file=None)
    assert settings.url(sandbox=False) == DEFAULT_STATE_URL
    assert settings.url(sandbox=True) == MEMORY_STATE_URL
    monkeypatch.setenv("STATE_URL", "postgresql://u:pw@db/x")
    assert load_state_settings(_env_file=None).url(sandbox=True) == "postgresql://u:pw@db/x"


async def test_an_unknown_url_names_the_setting_not_its_value():
    with pytest.raises(ConfigurationError) as raised:
        async with open_store("mysql://admin:hunter2-secret@db/x"):
            pass
    assert "STATE_URL" in str(raised.value) and "hunter2-secret" not in str(raised.value)


async def test_a_database_that_is_not_there_is_unavailable_and_readiness_says_so():
    from tests.servers import free_port

    url = f"postgresql://u:canary-pw-991@127.0.0.1:{free_port()}/x"
    async with open_store(url) as store:  # starting does not fail: /readyz tells
        reason = await unreachable_reason(store)
        with pytest.raises(StoreUnavailable) as raised:
            await store.ping()
    assert reason is not None and "not reachable" in reason and "canary-pw-991" not in reason
    assert "canary-pw-991" not in str(raised.value)


async def test_a_postgres_outage_is_unavailable_then_the_store_works_again(postgres_server):
    url = postgres_server.new_database()
    async with open_store(url) as store:
        await store.ping()
        postgres_server.stop()
        try:
            with pytest.raises(StoreUnavailable):
                await store.ping()
        finally:
            postgres_server.start()
        await store.ping()  # the pool's dead connections are replaced
