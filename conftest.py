"""Fixtures shared by every test suite: accounts per role, their clients, payments."""
import pytest
from rest_framework.test import APIClient

from accounts.models import Role
from accounts.tests.factories import UserFactory
from payments.tests.factories import PaymentFactory


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.com", role=Role.ADMIN)


@pytest.fixture
def finance_user(db):
    return UserFactory(email="finance@example.com", role=Role.FINANCE)


@pytest.fixture
def merchant_user(db):
    return UserFactory(email="merchant@example.com", role=Role.MERCHANT)


@pytest.fixture
def other_merchant_user(db):
    return UserFactory(email="other.merchant@example.com", role=Role.MERCHANT)


def client_for(user=None) -> APIClient:
    """An API client that sends a real access token for the user, as the app does."""
    from accounts.services import tokens_issue

    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_issue(user)['token']}")
    return client


@pytest.fixture
def anonymous_client():
    return APIClient()


@pytest.fixture
def admin_client(admin_user):
    return client_for(admin_user)


@pytest.fixture
def finance_client(finance_user):
    return client_for(finance_user)


@pytest.fixture
def merchant_client(merchant_user):
    return client_for(merchant_user)


@pytest.fixture
def other_merchant_client(other_merchant_user):
    return client_for(other_merchant_user)


@pytest.fixture
def pending_payment(merchant_user):
    """A pending payment created by `merchant_user`."""
    return PaymentFactory(created_by=merchant_user)


@pytest.fixture
def other_merchants_payment(other_merchant_user):
    return PaymentFactory(created_by=other_merchant_user)


def valid_payment_body(**overrides) -> dict:
    """A create-payment body that passes validation; override fields to break it."""
    body = {
        "merchant": "Spotify",
        "payment_type": "subscription",
        "amount_minor": 1299,
        "currency": "GBP",
        "region": "UK",
        "customer_details": {"name": "Ava Reed", "email": "ava.reed@example.com", "country": "UK"},
        "provider_attempts": [{"provider": "Stripe", "result": "success", "latency_ms": 142}],
    }
    body.update(overrides)
    return body


def row_counts() -> dict[str, int]:
    """Rows per table that a rejected request must leave untouched."""
    from accounts.models import User
    from payments.models import Payment, PaymentEvent, ProviderAttempt

    return {
        "users": User.objects.count(),
        "payments": Payment.objects.count(),
        "attempts": ProviderAttempt.objects.count(),
        "events": PaymentEvent.objects.count(),
    }


def assert_error_envelope(response, status_code: int, field: str | None = None) -> dict:
    """Check an error response: the code, the envelope's keys and, for a 400, the field named."""
    body = response.json()

    assert response.status_code == status_code, body
    assert body["status"] == status_code
    assert isinstance(body.get("message"), str) and body["message"]
    assert "data" not in body
    if field is not None:
        assert field in body["errors"], body["errors"]
    return body


@pytest.fixture
def payment_with_attempts(merchant_user):
    """A pending payment of `merchant_user` with two provider attempts (a failover)."""
    from payments.tests.factories import ProviderAttemptFactory

    payment = PaymentFactory(created_by=merchant_user)
    ProviderAttemptFactory(payment=payment, provider="Adyen", result="failure", latency_ms=900)
    ProviderAttemptFactory(payment=payment, provider="Stripe", result="success", latency_ms=140)
    return payment
