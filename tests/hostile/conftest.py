"""The Slack face's fixtures for the hostile-input tests, as tests/bot runs it."""

from tests.bot.conftest import (  # noqa: F401 - fixtures
    events_url,
    fake_slack,
    http,
    http_driver,
    lucca,
    lucca_timeout_seconds,
    settings_overrides,
    slack_app,
)
