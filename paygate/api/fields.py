"""Serializer fields that accept only the JSON types the contract names.

DRF's own fields coerce: CharField turns 12 into "12" and IntegerField takes "12"
and 12.0. A payments API should not guess what a client meant, so these raise
a validation error instead.
"""
import unicodedata

from rest_framework import serializers


def contains_control_character(value: str) -> bool:
    # Cc covers C0/C1 controls including NUL; Cs is a lone surrogate.
    return any(unicodedata.category(char) in ("Cc", "Cs") for char in value)


class StrictCharField(serializers.CharField):
    """A JSON string, trimmed, with no control characters."""

    default_error_messages = {
        "invalid": "Must be a string.",
        "control_character": "Must not contain control characters.",
    }

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        if contains_control_character(data):
            self.fail("control_character")
        return super().to_internal_value(data)


class StrictEmailField(serializers.EmailField):
    """A JSON string that is a valid e-mail address."""

    default_error_messages = {"invalid_type": "Must be a string."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_type")
        if contains_control_character(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer: a float (even 10.0), a string or a boolean is rejected."""

    default_error_messages = {"invalid": "Must be an integer."}

    def to_internal_value(self, data):
        # bool is a subclass of int in Python, so it is excluded explicitly.
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictChoiceField(serializers.ChoiceField):
    """One of a fixed set of strings, matched exactly."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


class StrictFieldsMixin:
    """Reject request bodies with unknown or read-only fields, naming each one.

    Without this DRF ignores such fields silently, so a client that misspells
    `amount_minor` or tries to set `status` on creation would never learn of it.
    """

    def to_internal_value(self, data):
        if isinstance(data, dict):
            errors = {}
            for name in data:
                field = self.fields.get(name)
                if field is None:
                    errors[name] = ["Unknown field."]
                elif field.read_only:
                    errors[name] = ["This field is read-only."]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)
