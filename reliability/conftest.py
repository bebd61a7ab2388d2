"""Fixtures of the live proofs: one multi-worker Paygate shared by the tests that leave it running."""
import pytest

from reliability.server import live_stack


@pytest.fixture(scope="session")
def stack():
    """A gunicorn with 3 workers of 4 threads each, on a fresh database with the demo data."""
    with live_stack(workers=3, threads=4, demo_payments=200) as running:
        yield running


@pytest.fixture(scope="session")
def role_tokens(stack) -> dict[str, dict]:
    """The login data (token, refresh, email, role) of each demo role."""
    return {role: stack.login(role) for role in ("admin", "finance", "merchant")}
