"""`lucca-training create` against a real sandbox: exit codes, messages, and what was sent."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import SANDBOX_KEY, posts
from tools.cli.main import main

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "training.json"
CONSOLE_SCRIPT = Path(sys.executable).with_name("lucca-training")
FLAGS = [
    "--title", "Negotiation basics",
    "--subtitle", "Prepare, open, close",
    "--description", "Three half-days of practice.",
    "--level", "Beginner",
    "--no-certifying",
    "--mandatory",
]  # fmt: skip


@pytest.fixture
def lucca_env(sandbox, monkeypatch, tmp_path):
    """The CLI's settings point at the test's sandbox; no developer .env is read."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LUCCA_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("LUCCA_API_KEY", SANDBOX_KEY)
    return sandbox


def json_file(tmp_path, data, name="training.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_create_from_flags_prints_id_and_catalog_status(lucca_env, capsys):
    assert main(["create", *FLAGS, "--level", "expert", "--type", "internal"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Created training #") and '"Negotiation basics"' in out
    assert "Catalog status: Ready (not displayed in the public catalog by default" in out
    assert "Level: Expert   Type: Internal" in out
    assert len(posts(lucca_env)) == 1


def test_flags_override_the_json_file_and_json_output_is_the_created_training(
    lucca_env, capsys, tmp_path
):
    path = json_file(tmp_path, {**json.loads(EXAMPLE.read_text()), "level": "middle"})
    assert main(["create", "--json", path, "--title", "Overridden", "--output", "json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["title"] == "Overridden" and created["level"] == "Middle"
    assert created["provider"] == {"id": 12, "name": "L'Élan Français"}
    assert created["catalogStatus"].startswith("Ready")


def test_dry_run_sends_no_request(lucca_env, capsys):
    assert main(["create", "--json", str(EXAMPLE), "--dry-run"]) == 0
    assert "Nothing was sent to Lucca (dry run)" in capsys.readouterr().out
    assert lucca_env.requests_log() == []


BAD_INPUTS = [
    (["--title", "t" * 251], "title (--title): must be at most 250 characters (got 251)"),
    (["--subtitle", "s" * 1001], "subtitle (--subtitle): must be at most 1000 characters"),
    (["--description", "d" * 6001], "description (--description): must be at most 6000 characters"),
    (["--title", "   "], "title (--title): must not be blank"),
    (["--level", "Guru"], "level (--level): must be one of Beginner, Middle, Expert (got 'Guru')"),
    (["--provider-id", "0"], "providerId (--provider-id): must be an existing id between 1 and"),
]


@pytest.mark.parametrize(("extra", "message"), BAD_INPUTS)
def test_bad_flags_exit_2_naming_field_and_limit_and_send_nothing(
    lucca_env, capsys, extra, message
):
    assert main(["create", *FLAGS, *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and "nothing was sent to Lucca" in err
    assert lucca_env.requests_log() == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"title": "Only a title"}, "subtitle (--subtitle): is required"),
        (
            {**json.loads(EXAMPLE.read_text()), "colour": "red"},
            "colour: is not a field of a training",
        ),
        (
            "{not json",
            "is not valid JSON (Expecting property name enclosed in double quotes at line 1",
        ),
        ("[1, 2]", "must hold one JSON object"),
    ],
)
def test_bad_json_files_exit_2_and_send_nothing(lucca_env, capsys, tmp_path, content, message):
    assert main(["create", "--json", json_file(tmp_path, content)]) == 2
    assert message in capsys.readouterr().err
    assert lucca_env.requests_log() == []


def test_a_missing_required_flag_is_named_with_its_flags(lucca_env, capsys):
    assert main(["create", *FLAGS[:-1]]) == 2
    assert "isMandatory (--mandatory/--no-mandatory): is required" in capsys.readouterr().err


def test_a_non_numeric_id_is_refused_by_the_parser(lucca_env, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["create", *FLAGS, "--provider-id", "twelve"])
    assert caught.value.code == 2
    assert "--provider-id: invalid int value: 'twelve'" in capsys.readouterr().err


def test_a_wrong_key_exits_1_with_a_clear_message_without_the_key(lucca_env, capsys, monkeypatch):
    monkeypatch.setenv("LUCCA_API_KEY", "canary-wrong-key-7")
    assert main(["create", *FLAGS]) == 1
    captured = capsys.readouterr()
    assert "Lucca refused the API key (401 Unauthorized)" in captured.err
    assert "canary-wrong-key-7" not in captured.err + captured.out


def test_a_429_is_waited_out_and_the_training_created(lucca_env, capsys):
    lucca_env.add_faults({"status": 429, "headers": {"Retry-After": "1"}})
    assert main(["create", *FLAGS]) == 0
    assert "Created training #" in capsys.readouterr().out
    assert [entry["status"] for entry in posts(lucca_env)] == [429, 201]


def test_json_output_gives_scripts_the_error_kind_and_whether_to_retry(lucca_env, capsys):
    lucca_env.add_faults({"status": 429, "headers": {"Retry-After": "3600"}})
    assert main(["create", *FLAGS, "--output", "json"]) == 1
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "rate_limited" and error["status"] == 429
    assert error["safeToRetry"] is True and error["retryAfter"] == 3600.0
    assert main(["create", *FLAGS, "--title", " ", "--output", "json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "invalid_input" and error["safeToRetry"] is False
    assert error["fields"] == [{"field": "title", "message": "must not be blank"}]


def test_a_dropped_connection_exits_1_as_unknown_and_is_not_resent(lucca_env, capsys):
    lucca_env.add_faults({"drop": "after"})
    assert main(["create", *FLAGS]) == 1
    assert "may or may not have been created" in capsys.readouterr().err
    assert len(posts(lucca_env)) == 1


def test_lucca_field_errors_are_shown_on_their_flags(lucca_env, capsys):
    assert main(["create", *FLAGS, "--provider-id", "424242"]) == 1
    err = capsys.readouterr().err
    assert "Lucca refused the training (400)" in err and "providerId (--provider-id):" in err


def test_without_settings_it_says_what_to_set(monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LUCCA_BASE_URL", raising=False)
    assert main(["create", *FLAGS]) == 2
    assert "LUCCA_BASE_URL is not set" in capsys.readouterr().err


def run_cli(*args, env=None, **kwargs):
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def test_console_script_creates_on_its_own_sandbox(tmp_path):
    result = run_cli("create", "--sandbox", "--json", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Created training #" in result.stdout and "Catalog status: Ready" in result.stdout
    assert "nothing was sent to a real Lucca account" in result.stdout


def test_console_script_reads_json_from_stdin(lucca_env, tmp_path):
    result = run_cli(
        "create", "--json", "-", "--output", "json",
        input=EXAMPLE.read_text(),
        env={"LUCCA_BASE_URL": lucca_env.base_url, "LUCCA_API_KEY": SANDBOX_KEY},
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["state"] == "Ready"
    assert len(posts(lucca_env)) == 1


def test_verbose_logs_show_the_calls_but_never_the_key(lucca_env, tmp_path):
    for key in ("canary-wrong-key-in-logs", SANDBOX_KEY):
        result = run_cli(
            "-v", "create", "--json", str(EXAMPLE),
            env={"LUCCA_BASE_URL": lucca_env.base_url, "LUCCA_API_KEY": key},
            cwd=tmp_path,
        )  # fmt: skip
        assert "POST /talent-training/api/v1/trainings ->" in result.stderr
        assert key not in result.stdout + result.stderr
    assert [entry["status"] for entry in posts(lucca_env)] == [401, 201]
