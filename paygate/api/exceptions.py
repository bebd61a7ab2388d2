"""The one DRF exception handler: every API error leaves in the envelope."""
import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from paygate.api.envelope import VALIDATION_MESSAGE, envelope

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable. Try again shortly."


class Conflict(exceptions.APIException):
    """The request is valid but clashes with the resource's current state."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"


class Unprocessable(exceptions.APIException):
    """The request is well-formed but cannot be processed as sent."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "The request cannot be processed."
    default_code = "unprocessable"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than 64 KiB."
    default_code = "payload_too_large"


class DatabaseUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = DATABASE_UNAVAILABLE_MESSAGE
    default_code = "database_unavailable"


def flatten_errors(detail, prefix: str = "") -> dict[str, list[str]]:
    """Flatten DRF's nested error detail into {"field.sub[0].key": [messages]}."""
    if isinstance(detail, dict):
        flat = {}
        for key, value in detail.items():
            # ListSerializer reports items by integer index.
            if isinstance(key, int):
                name = f"{prefix}[{key}]"
            elif key == api_settings.NON_FIELD_ERRORS_KEY and prefix:
                # A nested object or list rejected as a whole is named by its field,
                # so "customer_details", not "customer_details.non_field_errors".
                name = prefix
            else:
                name = f"{prefix}.{key}" if prefix else str(key)
            flat.update(flatten_errors(value, name))
        return flat

    if isinstance(detail, list) and any(isinstance(item, (dict, list)) for item in detail):
        flat = {}
        for index, item in enumerate(detail):
            if item:
                flat.update(flatten_errors(item, f"{prefix}[{index}]"))
        return flat

    messages = detail if isinstance(detail, list) else [detail]
    return {prefix or "non_field_errors": [str(message) for message in messages]}


def _message_of(detail) -> str:
    # simplejwt raises AuthenticationFailed with a dict detail ({"detail": ..., "code": ...}).
    if isinstance(detail, dict):
        return str(detail.get("detail", "Authentication failed."))
    if isinstance(detail, list):
        return str(detail[0]) if detail else ""
    return str(detail)


def _normalise(exc: Exception) -> Exception:
    """Turn Django's own exceptions into the DRF ones they correspond to."""
    if isinstance(exc, Http404):
        return exceptions.NotFound("Not found.")
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, (OperationalError, InterfaceError)):
        logger.error("database_unavailable: %s", exc)
        return DatabaseUnavailable()
    return exc


def envelope_exception_handler(exc: Exception, context: dict) -> Response | None:
    exc = _normalise(exc)
    response = drf_exception_handler(exc, context)

    if response is None:
        if isinstance(exc, DatabaseError):
            logger.exception("database_error in %s", context.get("view").__class__.__name__)
        # Anything else is a bug. Django logs it and paygate.api.errors.server_error
        # returns a 500 in the envelope.
        return None

    code = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        response.data = envelope(code, VALIDATION_MESSAGE, errors=flatten_errors(exc.detail))
    elif isinstance(exc, exceptions.ParseError):
        message = _message_of(exc.detail)
        response.data = envelope(code, message, errors={"non_field_errors": [message]})
    else:
        response.data = envelope(code, _message_of(exc.detail))

    if code == status.HTTP_401_UNAUTHORIZED:
        response["WWW-Authenticate"] = "Bearer"
    return response
