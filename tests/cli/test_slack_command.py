"""Both ways to run the Slack app (`slack`, `serve`): a half-set model stops them at start."""

import subprocess

import pytest

from tests.servers import clean_env, free_port
from tests.support import (
    CONSOLE_SCRIPT,
    LLM_API_KEY,
    SLACK_APP_TOKEN,
    SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET,
)


@pytest.mark.parametrize("command", [["slack"], ["serve", "--port", "PORT"]])
def test_a_half_configured_model_stops_the_app_naming_what_is_missing(tmp_path, command):
    command = [str(free_port()) if part == "PORT" else part for part in command]
    env = clean_env(
        {
            "SLACK_BOT_TOKEN": SLACK_BOT_TOKEN,
            "SLACK_APP_TOKEN": SLACK_APP_TOKEN,
            "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
            "SLACK_API_URL": "http://127.0.0.1:9/api/",  # never reached
            "LLM_API_KEY": LLM_API_KEY,
        }
    )
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), *command, "--sandbox"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "LLM_BASE_URL" in result.stderr and "LLM_MODEL" in result.stderr
    assert LLM_API_KEY not in result.stdout + result.stderr
