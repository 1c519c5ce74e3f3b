"""`lucca-training demo` and `lucca-training sandbox`, run as a user runs them."""

import json
import os
import signal
import subprocess

import httpx

from tests.servers import EXIT_TIMEOUT_SECONDS
from tests.support import CONSOLE_SCRIPT
from tests.support import EXAMPLE_PATH as EXAMPLE


def test_demo_drives_the_mcp_server_to_create_one_training_and_show_a_refusal(tmp_path):
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "demo"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "lists the server's tools: create_training" in out
    assert "title 250, subtitle 1000, description 6000 characters" in out
    assert "| Title: Business French for Customer Calls" in out  # the confirmation question
    assert 'Created training #45 "Business French for Customer Calls"' in out
    assert "catalogStatus='Ready (not displayed in the public catalog by default" in out
    assert "- title: must be at most 250 characters (got 314)" in out
    assert "- level: must be one of Beginner, Middle, Expert (got 'Guru')" in out
    assert "- subtitle: is required" in out
    assert "The sandbox received 1 POST in all" in out
    conversation, _, trail = out.partition("\nAudit trail (the server's log")
    assert "event" not in conversation and "audit" not in conversation.lower()
    assert result.stderr == ""  # nothing from the server between the demo's own lines
    assert "created #45  'Business French for Customer Calls'  (face mcp)" in trail
    assert "invalid_input" in trail


def test_sandbox_command_serves_the_api_and_prints_how_to_use_it(tmp_path):
    db = tmp_path / "catalog.sqlite3"
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "sandbox", "--port", "0", "--api-key", "k-cli", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        first = process.stdout.readline()
        assert first.startswith("Lucca Training sandbox listening on http://127.0.0.1:")
        base_url = first.rsplit(" ", 1)[1].strip()
        lines = [process.stdout.readline() for _ in range(3)]
        assert f"export LUCCA_BASE_URL={base_url}\n" in lines[1]
        assert "export LUCCA_API_KEY=k-cli\n" in lines[2]
        result = subprocess.run(
            [str(CONSOLE_SCRIPT), "create", "--json", str(EXAMPLE), "--output", "json"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            env={**os.environ, "LUCCA_BASE_URL": base_url, "LUCCA_API_KEY": "k-cli"},
        )
        assert result.returncode == 0, result.stderr
        created = json.loads(result.stdout)
        # httpx's default 5 s is a deadline a loaded machine can reach; 30 s is only a safety net.
        log = httpx.get(f"{base_url}/_sandbox/requests", timeout=30).json()
        assert log[-1] == {
            "method": "POST",
            "path": "/talent-training/api/v1/trainings",
            "status": 201,
        }
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=EXIT_TIMEOUT_SECONDS)
    assert process.returncode == 0
    assert db.exists() and created["id"] > 0


def run_sandbox_command(*args, cwd):
    return subprocess.run(
        [str(CONSOLE_SCRIPT), "sandbox", *args], capture_output=True, text=True, timeout=30, cwd=cwd
    )


def test_demo_works_behind_a_proxy_from_the_environment(tmp_path):
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "demo"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "HTTP_PROXY": "http://127.0.0.1:9", "ALL_PROXY": "http://127.0.0.1:9"},
    )
    assert result.returncode == 0, result.stderr


def test_sandbox_command_says_when_the_port_is_taken(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_sandbox_command("--port", str(port), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
    assert "Traceback" not in result.stderr


def test_sandbox_command_refuses_bad_options_by_name(tmp_path):
    for args, words in (
        (["--port", "99999"], "99999 is not a port number"),
        (["--rate-limit", "-1"], "--rate-limit"),
        (["--window", "0"], "--window"),
        (["--db", str(tmp_path)], "--db"),
    ):
        result = run_sandbox_command(*args, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr
