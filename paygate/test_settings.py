"""Settings for the test suites: production defaults, a test key and a fast hasher.

Tests run with DEBUG off, as in production. The database is the embedded
PostgreSQL unless DATABASE_URL names another server; pytest-django creates and
drops a `test_` database there.
"""
import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-any-deployment-0123456789")
os.environ.setdefault("DEBUG", "0")

from paygate.settings import *  # noqa: E402,F403

# MD5 keeps the suite's hundreds of logins fast. Argon2 stays enabled so that
# the hash-upgrade test can switch it back to first place.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]

# A test database per pytest process, so that two runs on one server (two
# developers, or a run while another is still tearing down) do not collide.
DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}  # noqa: F405
