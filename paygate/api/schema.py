"""OpenAPI descriptions of the envelope, for drf-spectacular's extend_schema."""
from drf_spectacular.utils import OpenApiResponse, extend_schema_serializer, inline_serializer
from rest_framework import serializers

_ERROR_DESCRIPTIONS = {
    400: "Invalid request: malformed JSON, or an invalid, missing, unknown or read-only field.",
    401: "Missing, malformed, expired or revoked token, or wrong credentials.",
    403: "The account's role may not do this.",
    404: "Not found, or outside the caller's scope.",
    405: "Method not allowed on this path.",
    409: "Conflicts with the current state.",
    411: "The body was sent chunked, without a Content-Length header.",
    413: "The body is larger than 64 KiB.",
    415: "The body is not application/json.",
    422: "The Idempotency-Key was used with a different body.",
    429: "Too many requests; see Retry-After.",
    503: "The database is unavailable.",
}

# Every API endpoint may return these, whatever else it documents.
_ALWAYS = (405, 411, 413, 415, 503)

_PYTHON_TYPES = {str: serializers.CharField(), int: serializers.IntegerField(), float: serializers.FloatField()}

ErrorEnvelope = inline_serializer(
    "ErrorEnvelope",
    {
        "status": serializers.IntegerField(),
        "message": serializers.CharField(),
        "errors": serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False),
    },
)


def _data_field(name: str, data):
    if data is None:
        return None
    if isinstance(data, dict):
        fields = {key: _PYTHON_TYPES[value] if value in _PYTHON_TYPES else value for key, value in data.items()}
        return inline_serializer(f"{name}Data", fields)
    if isinstance(data, type) and issubclass(data, serializers.BaseSerializer):
        return data()
    return data


def envelope_serializer(name: str, data=None):
    """Build an inline serializer for `{"status", "message", "data"}` around `data`.

    `data` is a serializer class or instance, a dict of field name to Python type
    or serializer field, or None for responses without a payload.
    """
    fields = {"status": serializers.IntegerField(), "message": serializers.CharField(required=False)}
    data_field = _data_field(name, data)
    if data_field is not None:
        fields["data"] = data_field
    envelope_class = type(f"{name}Envelope", (serializers.Serializer,), fields)
    # many=False stops drf-spectacular from wrapping a list action's envelope in an array.
    return extend_schema_serializer(many=False)(envelope_class)()


def envelope_responses(name: str, data, success: int, *errors: int) -> dict:
    """Build the responses mapping for extend_schema: the success envelope and each error code."""
    responses = {success: envelope_serializer(name, data)}
    for code in (*errors, *_ALWAYS):
        responses[code] = OpenApiResponse(ErrorEnvelope, description=_ERROR_DESCRIPTIONS[code])
    return responses


def strip_trailing_slashes(result, generator, request, public):
    """Postprocessing hook: list paths as the contract spells them, without a trailing slash.

    The URL patterns accept both spellings (`/?$`), which drf-spectacular renders
    with the slash.
    """
    result["paths"] = {path.rstrip("/"): item for path, item in result["paths"].items()}
    return result
