"""Login throttles, per client address and per e-mail address.

They count every login request in the shared cache (the database cache), so the
limit applies across all server processes. Rates are read from settings on each
request, which lets tests and deployments change them without a restart of DRF's
class-level settings.
"""
import hashlib

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class LoginClientThrottle(SimpleRateThrottle):
    """Limits login attempts from one client address (password spraying)."""

    scope = "login_client"

    def get_rate(self):
        return settings.LOGIN_RATE_PER_CLIENT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginEmailThrottle(SimpleRateThrottle):
    """Limits login attempts against one account from anywhere (credential stuffing)."""

    scope = "login_email"

    def get_rate(self):
        return settings.LOGIN_RATE_PER_EMAIL

    def get_cache_key(self, request, view):
        email = _submitted_email(request)
        if not isinstance(email, str) or not email.strip():
            return None
        # The e-mail is hashed so that the cache key stays short and printable.
        digest = hashlib.sha256(email.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


def _submitted_email(request):
    """Return the e-mail of an API login body, or the username of a Django admin login form."""
    data = getattr(request, "data", None)
    if data is not None:
        return data.get("email") if isinstance(data, dict) else None
    return request.POST.get("username")
