import datetime as dt

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from payments.models import AttemptResult, Payment, PaymentStatus, PaymentType, ProviderAttempt


class PaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Payment

    merchant = factory.Iterator(["Spotify", "Deliveroo", "Zalando"])
    payment_type = PaymentType.ONE_TIME
    amount_minor = factory.Sequence(lambda n: 1000 + n * 7)
    currency = factory.Iterator(["GBP", "EUR", "USD"])
    region = "UK"
    status = PaymentStatus.PENDING
    created_by = factory.SubFactory(UserFactory)
    initiated_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
    customer_name = "Ava Reed"
    customer_email = "ava.reed@example.com"
    customer_country = "GB"


class ProviderAttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderAttempt

    payment = factory.SubFactory(PaymentFactory)
    provider = factory.Iterator(["Stripe", "Adyen"])
    result = AttemptResult.SUCCESS
    latency_ms = factory.Sequence(lambda n: 100 + n)
