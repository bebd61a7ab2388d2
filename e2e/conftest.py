"""Fixtures for the browser tests: Debian's Chromium, a live Django server, accounts and an API client.

The tests drive the production build of the Angular app (frontend/dist/paygate/browser),
which Django serves at the root of the live server, against the test PostgreSQL database.
"""
import os
from pathlib import Path

import pytest

from e2e.support import DESKTOP, ROOT, Api, create_account

# The live server must listen on loopback only; "localhost" may resolve elsewhere in odd setups.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")
# Playwright's sync API keeps an asyncio loop in the test thread, which makes Django refuse
# ORM calls there. The tests only create and read rows in their own thread, so this is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

APP_INDEX = ROOT / "frontend" / "dist" / "paygate" / "browser" / "index.html"
CHROMIUM = "/usr/bin/chromium"

# Flags that keep Chromium headless and off the network except for the pages it is sent to.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: drives the built web app in Chromium against a live Django server")


def pytest_collection_modifyitems(config, items):
    missing = []
    if not APP_INDEX.is_file():
        missing.append(f"the built app at {APP_INDEX} (run `make frontend-build`)")
    if not Path(CHROMIUM).is_file():
        missing.append(f"Chromium at {CHROMIUM} (run `apt-get install chromium`)")
    if missing:
        raise pytest.UsageError("The browser tests need " + " and ".join(missing) + ".")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture
def browser_context_args(browser_context_args, base_url):
    return {**browser_context_args, "base_url": base_url, "viewport": DESKTOP, "locale": "en-GB", "timezone_id": "UTC"}


@pytest.fixture(autouse=True)
def _fresh_database(transactional_db, settings):
    """Gives every test an empty database and login limits that a whole run stays under."""
    from django.core.cache import cache

    settings.LOGIN_RATE_PER_CLIENT = "1000/min"
    settings.LOGIN_RATE_PER_EMAIL = "1000/min"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_timeout(page):
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def admin():
    return create_account("admin@paygate.test", "admin")


@pytest.fixture
def finance():
    return create_account("finance@paygate.test", "finance")


@pytest.fixture
def merchant():
    return create_account("merchant@paygate.test", "merchant")


@pytest.fixture
def other_merchant():
    return create_account("other.merchant@paygate.test", "merchant")


@pytest.fixture
def api(live_server):
    return Api(live_server.url)
