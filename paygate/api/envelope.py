"""The response envelope every /api/ endpoint uses.

Success: {"status": <code>, "message": "...", "data": <payload>}.
Error: {"status": <code>, "message": "...", "errors": {field: [messages]}}, with
`errors` only on validation failures.
"""
from django.http import JsonResponse
from rest_framework.response import Response

VALIDATION_MESSAGE = "Invalid request."


def envelope(status: int, message: str | None = None, data=None, errors: dict | None = None) -> dict:
    body = {"status": status}
    if message is not None:
        body["message"] = message
    if data is not None:
        body["data"] = data
    if errors is not None:
        body["errors"] = errors
    return body


def api_response(data=None, *, message: str | None = None, status: int = 200, headers=None) -> Response:
    """Build a DRF response whose body is the envelope."""
    return Response(envelope(status, message, data), status=status, headers=headers)


def envelope_json_response(status: int, message: str, errors: dict | None = None, headers=None) -> JsonResponse:
    """Build a plain Django response in the envelope, for code that runs outside DRF views."""
    response = JsonResponse(envelope(status, message, errors=errors), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response
