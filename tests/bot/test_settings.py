"""SLACK_* settings: read from the environment, checked, secrets never shown."""

import pytest

from bot.settings import DEFAULT_API_URL, SlackSettings, load_slack_settings
from tools.core.errors import ConfigurationError

SECRETS = {
    "SLACK_BOT_TOKEN": "xoxb-secret-bot-token",
    "SLACK_SIGNING_SECRET": "secret-signing-secret",
    "SLACK_APP_TOKEN": "xapp-secret-app-token",
}


@pytest.fixture
def environment(monkeypatch, tmp_path):
    """A clean environment and no .env: only what each test sets."""
    monkeypatch.chdir(tmp_path)
    for name in (*SECRETS, "SLACK_API_URL", "SLACK_ALLOWED_USERS", "SLACK_ALLOWED_USERGROUPS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults_are_an_open_app_on_slack_com(environment):
    settings = load_slack_settings()
    assert settings.slack_api_url == DEFAULT_API_URL == "https://slack.com/api/"
    assert settings.slack_allowed_users == settings.slack_allowed_usergroups == ()
    assert not settings.restricted
    assert not settings.http_mode_configured


def test_lists_are_comma_separated(environment):
    environment.setenv("SLACK_ALLOWED_USERS", " U0ANN, W0BOB ,")
    environment.setenv("SLACK_ALLOWED_USERGROUPS", "S0TRAINERS")
    settings = load_slack_settings()
    assert settings.slack_allowed_users == ("U0ANN", "W0BOB")
    assert settings.slack_allowed_usergroups == ("S0TRAINERS",)
    assert settings.restricted


def test_settings_are_read_from_a_dotenv_file(environment, tmp_path):
    (tmp_path / ".env").write_text("SLACK_ALLOWED_USERGROUPS=S0A,S0B\n", encoding="utf-8")
    assert load_slack_settings().slack_allowed_usergroups == ("S0A", "S0B")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SLACK_ALLOWED_USERS", "U0A,@ann", "SLACK_ALLOWED_USERS: entry 2 is not a Slack id"),
        ("SLACK_ALLOWED_USERGROUPS", "trainers", "entry 1 is not a Slack id"),
        ("SLACK_API_URL", "http://slack.example/api", "must use https"),
        ("SLACK_API_URL", "slack.com/api", "must be an absolute address"),
    ],
)
def test_a_bad_value_names_the_variable(environment, name, value, message):
    environment.setenv(name, value)
    with pytest.raises(ConfigurationError) as raised:
        load_slack_settings()
    assert message in str(raised.value)


def test_the_api_url_gets_its_trailing_slash_and_may_be_local(environment):
    environment.setenv("SLACK_API_URL", "http://127.0.0.1:9999/api")
    assert load_slack_settings().slack_api_url == "http://127.0.0.1:9999/api/"


def test_empty_lines_in_dotenv_mean_the_defaults(environment, tmp_path):
    lines = [f"{name}=" for name in (*SECRETS, "SLACK_API_URL", "SLACK_ALLOWED_USERS")]
    (tmp_path / ".env").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = load_slack_settings()
    assert settings.slack_api_url == DEFAULT_API_URL
    assert settings.slack_allowed_users == ()
    assert not settings.http_mode_configured
    with pytest.raises(ConfigurationError, match="SLACK_BOT_TOKEN is not set"):
        settings.bot_token()


def test_secrets_never_show_in_the_settings_or_their_errors(environment):
    for name, value in SECRETS.items():
        environment.setenv(name, value)
    environment.setenv("SLACK_ALLOWED_USERS", "not an id")
    with pytest.raises(ConfigurationError) as raised:
        load_slack_settings()
    environment.delenv("SLACK_ALLOWED_USERS")
    settings = load_slack_settings()
    for shown in (str(raised.value), repr(settings), str(settings), settings.model_dump_json()):
        for secret in SECRETS.values():
            assert secret not in shown


def test_each_mode_names_what_it_misses(environment):
    settings = SlackSettings(_env_file=None, slack_bot_token="xoxb-1")
    with pytest.raises(ConfigurationError, match="SLACK_SIGNING_SECRET is not set"):
        settings.require_http_mode()
    with pytest.raises(ConfigurationError, match="SLACK_APP_TOKEN is not set"):
        settings.require_socket_mode()
    with pytest.raises(ConfigurationError, match="SLACK_BOT_TOKEN is not a bot token"):
        SlackSettings(_env_file=None, slack_bot_token="xapp-1").bot_token()
    wrong_kind = SlackSettings(_env_file=None, slack_bot_token="xoxb-1", slack_app_token="xoxb-2")
    with pytest.raises(ConfigurationError, match="must start with xapp-"):
        wrong_kind.require_socket_mode()
    complete = SlackSettings(
        _env_file=None, slack_bot_token="xoxb-1", slack_signing_secret="s", slack_app_token="xapp-2"
    )
    complete.require_http_mode()
    assert complete.require_socket_mode() == "xapp-2"
    assert complete.http_mode_configured


def test_a_token_pasted_into_the_id_list_is_not_echoed(environment):
    environment.setenv("SLACK_ALLOWED_USERS", "xoxb-1234567890-abcdefghijklmnop")
    with pytest.raises(ConfigurationError) as raised:
        load_slack_settings()
    assert "xoxb" not in str(raised.value) and "1234567890" not in str(raised.value)
