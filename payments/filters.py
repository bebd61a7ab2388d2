"""Query-string filters shared by the payment list and the analytics endpoints."""
import datetime as dt

import django_filters
from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import extend_schema_field

from payments.models import PaymentStatus

ORDERING_FIELDS = ("initiated_at", "amount_minor", "status", "merchant", "currency")
DEFAULT_ORDERING = "-initiated_at"


class TimeBound:
    """A parsed `from`/`to` value: a whole UTC day or an exact instant."""

    def __init__(self, value: dt.date | dt.datetime):
        self.value = value

    @property
    def is_date(self) -> bool:
        return not isinstance(self.value, dt.datetime)

    def start(self) -> dt.datetime:
        if self.is_date:
            return dt.datetime.combine(self.value, dt.time.min, tzinfo=dt.timezone.utc)
        return self.value

    def end_exclusive(self) -> dt.datetime:
        """Return the first instant after the day of a date bound."""
        return self.start() + dt.timedelta(days=1)


class TimeBoundField(forms.CharField):
    """Accepts `YYYY-MM-DD` or an ISO 8601 datetime; a datetime without offset is UTC."""

    default_error_messages = {"invalid": "Must be a date (YYYY-MM-DD) or an ISO 8601 datetime."}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None

        if len(value) == 10:
            try:
                return TimeBound(dt.date.fromisoformat(value))
            except ValueError:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

        try:
            parsed = parse_datetime(value)
        except ValueError:
            parsed = None
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if timezone.is_naive(parsed):
            parsed = parsed.replace(tzinfo=dt.timezone.utc)
        return TimeBound(parsed)


@extend_schema_field(
    {
        "type": "string",
        "description": "A date (YYYY-MM-DD, the whole UTC day) or an ISO 8601 datetime (UTC when no offset is given).",
    }
)
class TimeBoundFilter(django_filters.Filter):
    field_class = TimeBoundField

    def __init__(self, *, upper: bool, **kwargs):
        self.upper = upper
        super().__init__(field_name="initiated_at", **kwargs)

    def filter(self, queryset, bound: TimeBound | None):
        if bound is None:
            return queryset
        if not self.upper:
            return queryset.filter(initiated_at__gte=bound.start())
        # A date as the upper bound includes that whole day.
        if bound.is_date:
            # 9999-12-31 has no next midnight in Python's datetime, and every
            # storable time falls before its end, so the bound selects everything.
            if bound.value == dt.date.max:
                return queryset
            return queryset.filter(initiated_at__lt=bound.end_exclusive())
        return queryset.filter(initiated_at__lte=bound.start())


class PaymentScopeForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        lower, upper = cleaned.get("from"), cleaned.get("to")
        if lower is not None and upper is not None and lower.start() > upper.start():
            self.add_error("from", "Must not be after 'to'.")
        return cleaned


class PaymentScopeFilter(django_filters.FilterSet):
    """`status`, `from` and `to`: the filters of the list and of every analytics figure."""

    status = django_filters.ChoiceFilter(choices=PaymentStatus.choices)

    class Meta:
        form = PaymentScopeForm
        fields = []


# `from` is a Python keyword, so these two cannot be declared as class attributes.
# declared_filters is what subclasses inherit; base_filters is what this class uses.
for _name, _filter in (("from", TimeBoundFilter(upper=False)), ("to", TimeBoundFilter(upper=True))):
    PaymentScopeFilter.declared_filters[_name] = _filter
    PaymentScopeFilter.base_filters[_name] = _filter


class PaymentListFilter(PaymentScopeFilter):
    """The scope filters plus `ordering`, with `id` as the tie-breaker so pages never overlap."""

    ordering = django_filters.ChoiceFilter(
        choices=[(name, name) for field in ORDERING_FIELDS for name in (field, f"-{field}")],
        method="order",
    )

    def order(self, queryset, name, value):
        return queryset.order_by(value, "id")

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("ordering"):
            queryset = queryset.order_by(DEFAULT_ORDERING, "id")
        return queryset
