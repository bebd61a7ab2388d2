import pytest
from django.core.exceptions import ImproperlyConfigured

from paygate.env import env_log_level, env_rate


@pytest.mark.parametrize("value", ["10/min", "5/s", "100/hour", "1000/day", "3/minute"])
def test_rate_accepts_drf_syntax(monkeypatch, value):
    monkeypatch.setenv("LOGIN_RATE_PER_EMAIL", value)

    assert env_rate("LOGIN_RATE_PER_EMAIL", "10/min") == value


@pytest.mark.parametrize("value", ["ten", "10/fortnight", "0/min", "10", "/min", "10/ min"])
def test_rate_rejects_invalid_value(monkeypatch, value):
    monkeypatch.setenv("LOGIN_RATE_PER_EMAIL", value)

    with pytest.raises(ImproperlyConfigured, match="LOGIN_RATE_PER_EMAIL"):
        env_rate("LOGIN_RATE_PER_EMAIL", "10/min")


def test_log_level_rejects_unknown_name(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "LOUD")

    with pytest.raises(ImproperlyConfigured, match="LOG_LEVEL"):
        env_log_level("LOG_LEVEL", "INFO")


def test_log_level_is_case_insensitive(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "warning")

    assert env_log_level("LOG_LEVEL", "INFO") == "WARNING"
