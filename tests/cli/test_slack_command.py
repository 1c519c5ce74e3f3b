"""`lucca-training slack`: settings that cannot work stop it at start, saying which ones."""

import subprocess

from tests.servers import clean_env
from tests.support import CONSOLE_SCRIPT, LLM_API_KEY, SLACK_APP_TOKEN, SLACK_BOT_TOKEN


def test_a_half_configured_model_stops_the_app_naming_what_is_missing(tmp_path):
    env = clean_env(
        {
            "SLACK_BOT_TOKEN": SLACK_BOT_TOKEN,
            "SLACK_APP_TOKEN": SLACK_APP_TOKEN,
            "SLACK_API_URL": "http://127.0.0.1:9/api/",  # never reached
            "LLM_API_KEY": LLM_API_KEY,
        }
    )
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "slack", "--sandbox"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "LLM_BASE_URL" in result.stderr and "LLM_MODEL" in result.stderr
    assert LLM_API_KEY not in result.stdout + result.stderr
