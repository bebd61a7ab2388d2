from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from accounts.models import Role, User, normalize_email
from paygate.api.fields import StrictCharField, StrictEmailField, StrictFieldsMixin


class LoginSerializer(StrictFieldsMixin, serializers.Serializer):
    email = StrictCharField(max_length=254, trim_whitespace=True)
    password = StrictCharField(max_length=4096, trim_whitespace=False)


class RefreshSerializer(StrictFieldsMixin, serializers.Serializer):
    refresh = StrictCharField(max_length=4096)


class RegisterSerializer(StrictFieldsMixin, serializers.Serializer):
    email = StrictEmailField(max_length=254)
    password = StrictCharField(max_length=4096, trim_whitespace=False)
    role = StrictCharField(required=False)

    def validate_email(self, value):
        return normalize_email(value)

    def validate_role(self, value):
        if value != Role.MERCHANT:
            raise serializers.ValidationError("Self-service sign-up creates merchant accounts only.")
        return value

    def validate(self, attrs):
        candidate = User(email=attrs["email"], role=Role.MERCHANT)
        _validate_password(attrs["password"], candidate, field="password")
        return attrs


class PasswordChangeSerializer(StrictFieldsMixin, serializers.Serializer):
    current_password = StrictCharField(max_length=4096, trim_whitespace=False)
    new_password = StrictCharField(max_length=4096, trim_whitespace=False)

    def validate_current_password(self, value):
        if not self.context["user"].check_password(value):
            raise serializers.ValidationError("The current password is wrong.")
        return value

    def validate(self, attrs):
        _validate_password(attrs["new_password"], self.context["user"], field="new_password")
        return attrs


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["email", "role", "date_joined"]
        read_only_fields = fields


def _validate_password(password: str, user: User, *, field: str) -> None:
    try:
        password_validation.validate_password(password, user)
    except DjangoValidationError as error:
        raise serializers.ValidationError({field: list(error.messages)}) from None
