"""Django-level error views that keep the envelope on /api/ paths."""
import logging

from django.views.decorators.csrf import csrf_exempt
from django.views.defaults import bad_request as django_bad_request
from django.views.defaults import server_error as django_server_error

from paygate.api.envelope import envelope_json_response

logger = logging.getLogger(__name__)


# Exempt so that an unknown path is a 404 for every method, not a CSRF 403.
@csrf_exempt
def api_not_found(request, *args, **kwargs):
    return envelope_json_response(404, "Not found.")


def server_error(request):
    """Return a JSON 500 on /api/ paths and Django's HTML page elsewhere.

    Django has already logged the exception with its traceback.
    """
    if request.path.startswith("/api/"):
        return envelope_json_response(500, "Internal server error.")
    return django_server_error(request)


def bad_request(request, exception):
    """Return a JSON 400 on /api/ paths for errors Django raises before any view, such as a disallowed Host header."""
    if request.path.startswith("/api/"):
        return envelope_json_response(400, "Bad request.")
    return django_bad_request(request, exception)
