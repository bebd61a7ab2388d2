"""Middleware for request logging and the checks that come before any API view."""
import logging
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError

from paygate.api.envelope import VALIDATION_MESSAGE, envelope_json_response
from paygate.api.exceptions import DATABASE_UNAVAILABLE_MESSAGE

logger = logging.getLogger("paygate.request")


class RequestLogMiddleware:
    """Log one line per request: method, path, status and duration."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        duration_ms = (time.monotonic() - started) * 1000

        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        logger.log(
            level,
            "%s %s %s %.1fms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
        )
        return response


class ApiGuardMiddleware:
    """Reject oversized bodies and NUL in the query string before a view runs, and
    turn a database outage outside a DRF view into a 503, all in the envelope."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)

        rejection = (
            self._reject_disallowed_host(request)
            or self._reject_chunked_body(request)
            or self._reject_oversized_body(request)
            or self._reject_nul_in_query(request)
        )
        if rejection is not None:
            return rejection
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.path.startswith("/api/") and isinstance(exception, (OperationalError, InterfaceError)):
            logger.error("database_unavailable %s %s: %s", request.method, request.path, exception)
            return envelope_json_response(503, DATABASE_UNAVAILABLE_MESSAGE)
        return None

    @staticmethod
    def _reject_disallowed_host(request):
        # CommonMiddleware would raise DisallowedHost later, and Django turns
        # that into an HTML page.
        try:
            request.get_host()
        except DisallowedHost:
            logger.warning("disallowed_host host=%r path=%s", request.META.get("HTTP_HOST", ""), request.path)
            return envelope_json_response(400, "The Host header names a host this server does not serve.")
        return None

    @staticmethod
    def _reject_chunked_body(request):
        # Django's WSGI handler reads a body only up to its Content-Length, so a
        # chunked body would reach the view empty and fail as missing fields.
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return envelope_json_response(411, "Send the request body with a Content-Length header; chunked bodies are not accepted.")
        return None

    @staticmethod
    def _reject_oversized_body(request):
        raw_length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw_length)
        except ValueError:
            return envelope_json_response(400, "The Content-Length header is not a number.")

        if length > settings.API_MAX_BODY_BYTES:
            return envelope_json_response(
                413, f"The request body is {length} bytes; the maximum is {settings.API_MAX_BODY_BYTES} bytes."
            )
        return None

    @staticmethod
    def _reject_nul_in_query(request):
        # PostgreSQL text cannot contain NUL, and no parameter of the API needs it.
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                field = name.replace("\x00", "\\x00")
                return envelope_json_response(
                    400, VALIDATION_MESSAGE, errors={field: ["Must not contain a NUL character."]}
                )
        return None
