"""`lucca-training doctor`, run as an operator runs it, against the sandbox, the fake Slack and the
fake model over real HTTP: each broken part is named with its fix, and the exit code says so."""

import json
import subprocess
from collections.abc import Iterator

import pytest

from tests.bot.fake_slack import FakeSlack
from tests.drafting.fake_llm import FAKE_MODEL, FakeLlm
from tests.servers import clean_env, free_port
from tests.support import (
    CONSOLE_SCRIPT,
    LLM_API_KEY,
    SANDBOX_KEY,
    SLACK_APP_TOKEN,
    SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET,
    canary_leaks,
)
from tools.state.migrations import LATEST_VERSION
from tools.state.store import open_store


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(SLACK_BOT_TOKEN, SLACK_APP_TOKEN) as fake:
        yield fake


@pytest.fixture
def model() -> Iterator[FakeLlm]:
    with FakeLlm(key=LLM_API_KEY) as fake:
        yield fake


@pytest.fixture
def good_settings(sandbox, slack, model) -> dict[str, str]:
    model.answer_text("OK")
    return {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "SLACK_BOT_TOKEN": SLACK_BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "SLACK_APP_TOKEN": SLACK_APP_TOKEN,
        "SLACK_API_URL": slack.api_url,
        "LLM_BASE_URL": model.base_url,
        "LLM_API_KEY": LLM_API_KEY,
        "LLM_MODEL": FAKE_MODEL,
    }


def doctor(settings: dict[str, str], cwd, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "doctor", *args],
        env=clean_env(settings),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert not canary_leaks(result.stdout + result.stderr)
    return result


def checks_of(result: subprocess.CompletedProcess) -> dict[str, dict[str, str]]:
    report = json.loads(result.stdout)
    return {check["part"]: check for check in report["checks"]}


def test_every_part_ok_against_the_sandbox_slack_and_the_model(good_settings, slack, tmp_path):
    result = doctor(good_settings, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 7, result.stdout
    assert all(line.startswith("ok ") for line in lines[:6]), result.stdout
    assert lines[6].startswith("not configured  Identity provider (OAuth)")  # tests/mcp/oauth
    assert (
        "Store (STATE_URL): SQLite file lucca-training-state.sqlite3: created at the first start"
        in (result.stdout)
    )
    assert not (tmp_path / "lucca-training-state.sqlite3").exists()  # the doctor creates nothing
    assert "Lucca: http://127.0.0.1" in result.stdout and "accepts the key" in result.stdout
    assert "the bot lucca-training of workspace Acme" in result.stdout
    assert f"{FAKE_MODEL} at" in result.stdout
    assert sorted(call.method for call in slack.calls) == ["apps.connections.open", "auth.test"]


def test_json_output_for_scripts(good_settings, sandbox, tmp_path):
    result = doctor(good_settings, tmp_path, "--output", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True
    statuses = {check["part"]: check["status"] for check in report["checks"]}
    assert statuses.pop("Identity provider (OAuth)") == "not configured"
    assert set(statuses.values()) == {"ok"}
    lists = [e for e in sandbox.requests_log() if e["method"] == "GET"]
    assert len(lists) == 1  # one list request (for one item) is all the check costs


def test_a_wrong_lucca_key_is_named_with_its_fix(good_settings, tmp_path):
    settings = {**good_settings, "LUCCA_API_KEY": "sandbox-CANARY-wrong-key"}
    result = doctor(settings, tmp_path, "--output", "json")
    assert result.returncode == 1
    lucca = checks_of(result)["Lucca"]
    assert lucca["status"] == "failed"
    assert "LUCCA_API_KEY" in lucca["fix"]
    assert checks_of(result)["Slack bot token"]["status"] == "ok"  # the others still checked


def test_a_revoked_slack_token_is_named_with_its_fix(good_settings, tmp_path):
    settings = {**good_settings, "SLACK_BOT_TOKEN": "xoxb-CANARY-revoked-token"}
    result = doctor(settings, tmp_path)
    assert result.returncode == 1
    assert "failed          Slack bot token: Slack answered invalid_auth to auth.test" in (
        result.stdout
    )
    assert "Bot User OAuth Token (xoxb-...)" in result.stdout


def test_an_unreachable_model_is_named_with_its_fix(good_settings, tmp_path):
    settings = {**good_settings, "LLM_BASE_URL": f"http://127.0.0.1:{free_port()}/v1"}
    result = doctor(settings, tmp_path, "--output", "json")
    assert result.returncode == 1
    check = checks_of(result)["Model (drafting)"]
    assert check["status"] == "failed" and "could not be reached" in check["detail"]
    assert "LLM_BASE_URL" in check["fix"]


def test_malformed_slack_secrets_fail_without_being_shown(good_settings, tmp_path):
    settings = {
        **good_settings,
        "SLACK_SIGNING_SECRET": SLACK_BOT_TOKEN,  # a token pasted in the wrong place
        "SLACK_APP_TOKEN": "CANARY-not-an-app-token",
    }
    result = doctor(settings, tmp_path, "--output", "json")
    assert result.returncode == 1
    checks = checks_of(result)
    assert checks["Slack signing secret"]["status"] == "failed"
    assert "must start with xapp-" in checks["Slack app token"]["detail"]


def test_parts_left_unset_are_not_configured_and_not_a_failure(sandbox, tmp_path):
    settings = {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY}
    result = doctor(settings, tmp_path, "--output", "json")
    assert result.returncode == 0, result.stdout
    statuses = {part: check["status"] for part, check in checks_of(result).items()}
    assert statuses.pop("Lucca") == "ok"
    assert statuses.pop("Store (STATE_URL)") == "ok"  # a file in the working directory
    assert set(statuses.values()) == {"not configured"}


def test_no_lucca_settings_is_a_failure_that_says_what_to_set(tmp_path):
    result = doctor({}, tmp_path)
    assert result.returncode == 1
    assert "failed          Lucca: LUCCA_BASE_URL and LUCCA_API_KEY are not set." in result.stdout


def test_secrets_mounted_as_files_are_read_from_secrets_dir(sandbox, tmp_path):
    """As deploy/kubernetes mounts the Secret: one file per key, named after the setting."""
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "LUCCA_API_KEY").write_text(SANDBOX_KEY + "\n", encoding="utf-8")
    settings = {"LUCCA_BASE_URL": sandbox.base_url, "SECRETS_DIR": str(secrets)}
    result = doctor(settings, tmp_path, "--output", "json")
    assert checks_of(result)["Lucca"]["status"] == "ok", result.stdout
    missing = doctor({**settings, "SECRETS_DIR": str(tmp_path / "nowhere")}, tmp_path)
    assert missing.returncode == 2  # unusable settings, as for every command
    assert "SECRETS_DIR is not a folder that exists." in missing.stderr


async def test_a_postgresql_store_is_checked_and_its_schema_version_told(
    sandbox, tmp_path, postgres_url
):
    settings = {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY}
    fresh = checks_of(doctor({**settings, "STATE_URL": postgres_url}, tmp_path, "--output", "json"))
    assert fresh["Store (STATE_URL)"]["status"] == "ok"
    assert (
        "PostgreSQL answers; its schema is created at the first start"
        in (fresh["Store (STATE_URL)"]["detail"])
    )
    async with open_store(postgres_url) as store:
        await store.ping()  # what serve's first use does: the schema is migrated
    migrated = checks_of(
        doctor({**settings, "STATE_URL": postgres_url}, tmp_path, "--output", "json")
    )
    assert f"schema {LATEST_VERSION}, up to date" in migrated["Store (STATE_URL)"]["detail"]


def test_an_unreachable_or_wrong_store_is_named_without_its_password(sandbox, tmp_path):
    settings = {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY}
    down = f"postgresql://app:CANARY-db-password@127.0.0.1:{free_port()}/training"
    result = doctor({**settings, "STATE_URL": down}, tmp_path, "--output", "json")
    assert result.returncode == 1
    check = checks_of(result)["Store (STATE_URL)"]
    assert check["status"] == "failed" and "did not answer" in check["detail"]
    assert "STATE_URL" in check["fix"]
    wrong = doctor(
        {**settings, "STATE_URL": "mysql://app@db/training"}, tmp_path, "--output", "json"
    )
    check = checks_of(wrong)["Store (STATE_URL)"]
    assert (
        check["status"] == "failed" and "neither a SQLite nor a PostgreSQL URL" in check["detail"]
    )
    bad_port = "postgresql://app:CANARY-db-password@db:fivefour/training"
    result = doctor({**settings, "STATE_URL": bad_port}, tmp_path, "--output", "json")
    check = checks_of(result)["Store (STATE_URL)"]  # a report, not a traceback
    assert check["status"] == "failed" and "port is not a number" in check["detail"]
    assert checks_of(result)["Lucca"]["status"] == "ok"  # the other checks still ran
