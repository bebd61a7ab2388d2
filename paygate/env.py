"""Typed readers for settings that come from environment variables.

Each reader raises ImproperlyConfigured on a value it cannot parse, so a typo in
a deployment fails at start-up instead of silently falling back to a default.
"""
import logging
import os
import re

from django.core.exceptions import ImproperlyConfigured

# DRF's throttle rate syntax: a count, a slash and a period DRF reads by its first letter.
_RATE_PATTERN = re.compile(r"^[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)$")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default

    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false, yes/no, on/off), got {raw!r}.")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default

    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {value}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list, ignoring blanks around each item."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_rate(name: str, default: str) -> str:
    """Read a DRF throttle rate such as `10/min` (periods: s, min, hour, day)."""
    value = os.environ.get(name, default).strip()
    if not _RATE_PATTERN.match(value):
        raise ImproperlyConfigured(f"{name} must be a rate such as 10/min or 100/hour, got {value!r}.")
    return value


def env_log_level(name: str, default: str) -> str:
    value = os.environ.get(name, default).strip().upper()
    if not isinstance(logging.getLevelName(value), int):
        raise ImproperlyConfigured(f"{name} must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got {value!r}.")
    return value
