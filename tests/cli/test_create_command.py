"""`lucca-training create` against a real sandbox: exit codes, messages, and what was sent."""

import json
import os
import subprocess

import pytest

from tests.support import CONSOLE_SCRIPT, SANDBOX_KEY, posts
from tests.support import EXAMPLE_PATH as EXAMPLE
from tools.cli.main import main

FLAGS = [
    "--title", "Negotiation basics",
    "--subtitle", "Prepare, open, close",
    "--description", "Three half-days of practice.",
    "--level", "Beginner",
    "--no-certifying",
    "--mandatory",
]  # fmt: skip


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
    lucca_env.add_faults({"method": "POST", "status": 429, "headers": {"Retry-After": "1"}})
    assert main(["create", *FLAGS]) == 0
    assert "Created training #" in capsys.readouterr().out
    assert [entry["status"] for entry in posts(lucca_env)] == [429, 201]


def test_json_output_gives_scripts_the_error_kind_and_whether_to_retry(lucca_env, capsys):
    lucca_env.add_faults({"method": "POST", "status": 429, "headers": {"Retry-After": "3600"}})
    assert main(["create", *FLAGS, "--output", "json"]) == 1
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "rate_limited" and error["status"] == 429
    assert error["safeToRetry"] is True and error["retryAfter"] == 3600.0
    assert main(["create", *FLAGS, "--title", " ", "--output", "json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "invalid_input" and error["safeToRetry"] is False
    assert error["fields"] == [{"field": "title", "message": "must not be blank"}]


def test_a_lost_answer_is_found_in_the_catalog_and_not_resent(lucca_env, capsys):
    lucca_env.add_faults({"method": "POST", "drop": "after"})  # created, then the line drops
    assert main(["create", *FLAGS]) == 0
    assert "Lucca's answer was lost; found in the catalog" in capsys.readouterr().out
    assert len(posts(lucca_env)) == 1


def test_a_connection_dropped_before_processing_says_nothing_was_created(lucca_env, capsys):
    lucca_env.add_faults({"method": "POST", "drop": "before"})
    assert main(["create", *FLAGS, "--output", "json"]) == 1
    error = json.loads(capsys.readouterr().out)["error"]
    assert (error["kind"], error["safeToRetry"]) == ("unavailable", True)
    assert "it was not created" in error["message"]
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
        assert "GET /talent-training/api/v1/trainings -> " in result.stderr  # the title lookup
        assert key not in result.stdout + result.stderr
    assert "POST /talent-training/api/v1/trainings -> 201" in result.stderr
    assert [entry["status"] for entry in posts(lucca_env)] == [201]  # the wrong key sent none


DEAD_PROXY = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "ALL_PROXY": "http://127.0.0.1:9",
}


def test_a_proxy_in_the_environment_does_not_capture_the_loopback_sandbox(tmp_path):
    result = run_cli("create", "--sandbox", "--json", str(EXAMPLE), env=DEAD_PROXY, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Created training #" in result.stdout


def test_sandbox_ignores_the_real_account_settings(tmp_path):
    (tmp_path / ".env").write_text("LUCCA_BASE_URL=http://stale.example.com\nLUCCA_API_KEY=x y\n")
    result = run_cli("create", "--sandbox", "--json", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_closed_output_pipe_does_not_turn_a_creation_into_a_failure(lucca_env, tmp_path):
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "create", "--json", str(EXAMPLE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "LUCCA_BASE_URL": lucca_env.base_url, "LUCCA_API_KEY": SANDBOX_KEY},
        cwd=tmp_path,
    )
    process.stdout.close()  # the reader is gone before anything is printed, like `| head -0`
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert b"Traceback" not in stderr
    assert [entry["status"] for entry in posts(lucca_env)] == [201]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "A", "title": "B"}', "gives the field 'title' more than once"),
        ("[" * 100_000 + "]" * 100_000, "too large or too deeply nested"),
        ('{"providerId": ' + "9" * 5000 + "}", "too large or too deeply nested"),
        (b"\xff\xfe not utf-8", "is not UTF-8 text"),
    ],
)
def test_hostile_json_files_exit_2_without_a_traceback(
    lucca_env, capsys, tmp_path, content, message
):
    path = tmp_path / "hostile.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert main(["create", "--json", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert lucca_env.requests_log() == []


def test_a_directory_given_as_json_file_is_a_clear_error(lucca_env, capsys, tmp_path):
    assert main(["create", "--json", str(tmp_path)]) == 2
    assert f"cannot read {tmp_path}: Is a directory" in capsys.readouterr().err


def test_a_utf8_bom_is_accepted(lucca_env, capsys, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert main(["create", "--json", str(path), "--dry-run"]) == 0


def test_dry_run_shows_values_as_json(lucca_env, capsys):
    assert main(["create", *FLAGS, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "isCertifying: false" in out and "isMandatory: true" in out


def test_a_rate_limit_wait_is_announced_without_verbose(lucca_env, tmp_path):
    lucca_env.add_faults({"method": "POST", "status": 429, "headers": {"Retry-After": "1"}})
    result = run_cli(
        "create", *FLAGS,
        env={"LUCCA_BASE_URL": lucca_env.base_url, "LUCCA_API_KEY": SANDBOX_KEY},
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        result.stderr == "lucca-training: Lucca's rate limit is reached; waiting 1 s as it asks\n"
    )


def test_verbose_after_the_command_logs_our_calls_only(lucca_env, tmp_path):
    result = run_cli(
        "create", "-v", *FLAGS,
        env={"LUCCA_BASE_URL": lucca_env.base_url, "LUCCA_API_KEY": SANDBOX_KEY},
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        "DEBUG lucca_training.client: POST /talent-training/api/v1/trainings -> 201"
        in result.stderr
    )
    assert "httpcore" not in result.stderr and "asyncio" not in result.stderr


def test_control_and_direction_characters_from_lucca_cannot_drive_the_terminal(lucca_env, capsys):
    answer = {"id": 9, "state": "Ready\x1b[2J", "title": "Evil\u202etxt.exe\x1b[31m"}
    lucca_env.add_faults(
        {
            "method": "POST",
            "status": 201,
            "headers": {"Content-Type": "application/json"},
            "body": json.dumps(answer),
        }
    )
    assert main(["create", *FLAGS]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert '"Evil\ufffdtxt.exe\ufffd[31m"' in out


def test_a_title_already_there_needs_allow_duplicate(lucca_env, capsys):
    assert main(["create", *FLAGS]) == 0
    capsys.readouterr()
    assert main(["create", *FLAGS, "--level", "Expert"]) == 2
    err = capsys.readouterr().err
    assert "already has a training titled" in err and "--allow-duplicate" in err
    assert main(["create", *FLAGS, "--level", "Expert", "--allow-duplicate"]) == 0
    assert "Created training #46" in capsys.readouterr().out
    assert len(posts(lucca_env)) == 2


def test_the_same_command_run_again_creates_nothing_more(lucca_env, capsys):
    assert main(["create", *FLAGS]) == 0
    assert main(["create", *FLAGS]) == 0
    assert "Nothing created: already in the catalog" in capsys.readouterr().out
    assert len(posts(lucca_env)) == 1
