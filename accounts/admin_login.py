"""The Django admin's login view, throttled like the API login."""
import math
from functools import wraps

from django.http import HttpResponse

from accounts.throttling import LoginClientThrottle, LoginEmailThrottle


def throttle_login(login_view):
    """Wrap a login view so its POSTs count against the API login's limits.

    The admin and the API share the counters, so an attacker gains no attempts
    by switching between them.
    """

    @wraps(login_view)
    def throttled_view(request, *args, **kwargs):
        if request.method == "POST":
            for throttle in (LoginClientThrottle(), LoginEmailThrottle()):
                if not throttle.allow_request(request, None):
                    retry_after = math.ceil(throttle.wait() or 1)
                    response = HttpResponse(
                        f"Too many login attempts. Try again in {retry_after} seconds.",
                        status=429,
                        content_type="text/plain; charset=utf-8",
                    )
                    response["Retry-After"] = str(retry_after)
                    return response
        return login_view(request, *args, **kwargs)

    return throttled_view
