"""Request and response shapes of the payments API."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from paygate.api.fields import (
    StrictCharField,
    StrictChoiceField,
    StrictEmailField,
    StrictFieldsMixin,
    StrictIntegerField,
)
from payments.models import (
    MAX_AMOUNT_MINOR,
    MAX_LATENCY_MS,
    AttemptResult,
    Payment,
    PaymentEvent,
    PaymentStatus,
    PaymentType,
    ProviderAttempt,
)
from payments.reference_data import ACTIVE_CURRENCIES, COUNTRY_CODES, REGION_PATTERN

MAX_ATTEMPTS_PER_REQUEST = 20


# The schema lists the accepted codes so that clients and schema-driven fuzzers
# can build valid payments. Currencies are accepted in any case.
@extend_schema_field(
    {
        "type": "string",
        "enum": sorted(ACTIVE_CURRENCIES | {code.lower() for code in ACTIVE_CURRENCIES}),
        "description": "ISO 4217 code of an active currency, in any case; stored upper-case.",
    }
)
class CurrencyField(StrictCharField):
    pass


@extend_schema_field({"type": "string", "enum": sorted(COUNTRY_CODES), "description": "ISO 3166-1 alpha-2, upper-case; UK is accepted."})
class CountryField(StrictCharField):
    pass


@extend_schema_field({"type": "string", "pattern": REGION_PATTERN.pattern, "description": "Sales-region code; stored upper-case."})
class RegionField(StrictCharField):
    pass


class ProviderAttemptInputSerializer(StrictFieldsMixin, serializers.Serializer):
    provider = StrictCharField(min_length=1, max_length=50)
    result = StrictChoiceField(choices=AttemptResult.choices)
    latency_ms = StrictIntegerField(min_value=0, max_value=MAX_LATENCY_MS)
    attempted_at = serializers.DateTimeField(read_only=True)


class CustomerDetailsSerializer(StrictFieldsMixin, serializers.Serializer):
    name = StrictCharField(min_length=1, max_length=200)
    email = StrictEmailField(max_length=254)
    country = CountryField(min_length=2, max_length=2)

    def validate_country(self, value):
        if value not in COUNTRY_CODES:
            raise serializers.ValidationError("Must be an upper-case two-letter ISO 3166-1 country code, such as GB or UK.")
        return value


class PaymentCoreFieldsSerializer(StrictFieldsMixin, serializers.Serializer):
    """The fields a merchant sets on creation and only an admin may edit later."""

    id = serializers.UUIDField(read_only=True)
    created_by = serializers.EmailField(read_only=True)
    initiated_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    merchant = StrictCharField(min_length=1, max_length=100)
    payment_type = StrictChoiceField(choices=PaymentType.choices)
    amount_minor = StrictIntegerField(min_value=1, max_value=MAX_AMOUNT_MINOR)
    currency = CurrencyField(min_length=3, max_length=3)
    region = RegionField(min_length=2, max_length=16)
    customer_details = CustomerDetailsSerializer()
    provider_attempts = ProviderAttemptInputSerializer(many=True, max_length=MAX_ATTEMPTS_PER_REQUEST, required=False)

    def validate_currency(self, value):
        code = value.upper()
        if code not in ACTIVE_CURRENCIES:
            raise serializers.ValidationError(f"'{value}' is not the ISO 4217 code of an active currency.")
        return code

    def validate_region(self, value):
        if not REGION_PATTERN.match(value):
            raise serializers.ValidationError("Must be 2 to 16 letters, digits or '-'.")
        return value.upper()


class PaymentCreateSerializer(PaymentCoreFieldsSerializer):
    status = StrictCharField(read_only=True)


class PaymentUpdateSerializer(PaymentCoreFieldsSerializer):
    """A partial update. Which fields a role may send is checked by the view."""

    status = StrictChoiceField(choices=PaymentStatus.choices, required=False)
    reason = StrictCharField(max_length=500, required=False, allow_blank=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)
        # A partial customer_details object updates only the keys it gives.
        self.fields["customer_details"] = CustomerDetailsSerializer(partial=True, required=False)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError("The body must contain at least one field to change.")
        if "reason" in attrs and "status" not in attrs:
            raise serializers.ValidationError({"reason": ["A reason goes only with a status change."]})
        if "customer_details" in attrs and not attrs["customer_details"]:
            raise serializers.ValidationError({"customer_details": ["Must contain at least one field to change."]})
        return attrs


class ProviderAttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProviderAttempt
        fields = ["provider", "result", "latency_ms", "attempted_at"]


class CustomerDetailsOutputSerializer(serializers.Serializer):
    name = serializers.CharField(source="customer_name")
    email = serializers.EmailField(source="customer_email")
    country = serializers.CharField(source="customer_country")


class PaymentSerializer(serializers.ModelSerializer):
    created_by = serializers.EmailField(source="created_by.email")
    customer_details = CustomerDetailsOutputSerializer(source="*")
    provider_attempts = ProviderAttemptSerializer(many=True)

    class Meta:
        model = Payment
        fields = [
            "id",
            "merchant",
            "payment_type",
            "amount_minor",
            "currency",
            "region",
            "status",
            "created_by",
            "initiated_at",
            "updated_at",
            "customer_details",
            "provider_attempts",
        ]
        read_only_fields = fields


class PaymentEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = PaymentEvent
        fields = ["type", "actor", "at", "details"]
        read_only_fields = fields
