"""Operations settings, and the one shutdown budget counted from the signal."""

import pytest

from tools.core.errors import ConfigurationError
from tools.ops.settings import DEFAULT_SHUTDOWN_GRACE_SECONDS, load_ops_settings
from tools.ops.shutdown import MIN_DRAIN_SECONDS, ShutdownBudget


@pytest.fixture(autouse=True)
def no_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no developer's .env
    for name in ("LOG_FORMAT", "LOG_LEVEL", "SHUTDOWN_GRACE_SECONDS"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_leave_the_format_to_the_command_and_stop_within_kubernetes_30_s():
    settings = load_ops_settings()
    assert settings.log_format is None and settings.log_level is None
    assert settings.shutdown_grace_seconds == DEFAULT_SHUTDOWN_GRACE_SECONDS < 30


def test_values_are_read_loosely_and_blank_means_default(monkeypatch):
    monkeypatch.setenv("LOG_FORMAT", " JSON ")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    monkeypatch.setenv("SHUTDOWN_GRACE_SECONDS", "10")
    settings = load_ops_settings()
    assert (settings.log_format, settings.log_level) == ("json", "DEBUG")
    assert settings.shutdown_grace_seconds == 10
    monkeypatch.setenv("LOG_FORMAT", "")
    assert load_ops_settings().log_format is None


BAD_VALUES = [("LOG_FORMAT", "xml"), ("LOG_LEVEL", "LOUD"), ("SHUTDOWN_GRACE_SECONDS", "0")]


@pytest.mark.parametrize(("name", "value"), BAD_VALUES)
def test_a_bad_value_is_named_and_refused(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError, match=name):
        load_ops_settings()


def test_the_budget_counts_from_the_first_signal_and_leaves_a_floor():
    now = [100.0]
    budget = ShutdownBudget(25.0, clock=lambda: now[0])
    assert not budget.stopping and budget.remaining() == 25.0
    budget.begin()
    now[0] += 10
    budget.begin()  # a second SIGTERM does not restart the clock
    assert budget.stopping and budget.remaining() == 15.0
    now[0] += 60
    assert budget.remaining() == MIN_DRAIN_SECONDS
