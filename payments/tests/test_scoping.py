"""Merchant scoping: a merchant sees and reaches only the payments it created."""
import uuid

import pytest

from conftest import assert_error_envelope, row_counts
from payments.models import Payment, ProviderAttempt
from payments.tests.factories import PaymentFactory, ProviderAttemptFactory

ANALYTICS = ("/api/analytics/volume", "/api/analytics/provider-latency", "/api/analytics/status")


@pytest.fixture
def two_merchants_payments(merchant_user, other_merchant_user):
    """Three payments of `merchant_user` and two of `other_merchant_user`, each with attempts."""
    own = [PaymentFactory(created_by=merchant_user, currency="GBP", amount_minor=amount) for amount in (100, 200, 300)]
    others = [PaymentFactory(created_by=other_merchant_user, currency="GBP", amount_minor=amount) for amount in (5000, 7000)]
    for payment in own:
        ProviderAttemptFactory(payment=payment, provider="Stripe", latency_ms=100)
    for payment in others:
        ProviderAttemptFactory(payment=payment, provider="Adyen", latency_ms=900)
    return {"own": own, "others": others}


def _ids(payments):
    return {str(payment.pk) for payment in payments}


@pytest.mark.django_db
def test_list_merchant_sees_own_only(merchant_client, two_merchants_payments):
    data = merchant_client.get("/api/payments?limit=100").json()["data"]

    assert {payment["id"] for payment in data["payments"]} == _ids(two_merchants_payments["own"])
    assert data["total"] == 3


@pytest.mark.django_db
def test_list_ignores_created_by_parameter(merchant_client, two_merchants_payments, other_merchant_user):
    data = merchant_client.get(f"/api/payments?created_by={other_merchant_user.email}").json()["data"]

    assert {payment["id"] for payment in data["payments"]} == _ids(two_merchants_payments["own"])


@pytest.mark.django_db
@pytest.mark.parametrize("client_fixture", ["finance_client", "admin_client"])
def test_list_staff_sees_every_payment(request, client_fixture, two_merchants_payments):
    client = request.getfixturevalue(client_fixture)

    data = client.get("/api/payments?limit=100").json()["data"]

    expected = _ids(two_merchants_payments["own"] + two_merchants_payments["others"])
    assert {payment["id"] for payment in data["payments"]} == expected
    assert data["total"] == 5


@pytest.mark.django_db
def test_detail_other_merchants_payment_404(merchant_client, other_merchants_payment):
    response = merchant_client.get(f"/api/payments/{other_merchants_payment.pk}")

    body = assert_error_envelope(response, 404)
    assert body == {"status": 404, "message": "Not found."}


@pytest.mark.django_db
def test_detail_outside_scope_like_absent(merchant_client, other_merchants_payment):
    """An existing payment outside the scope is indistinguishable from a missing one."""
    outside = merchant_client.get(f"/api/payments/{other_merchants_payment.pk}")
    absent = merchant_client.get(f"/api/payments/{uuid.uuid4()}")
    malformed = merchant_client.get("/api/payments/not-a-uuid")

    assert outside.json() == absent.json()
    assert absent.json() == malformed.json()


@pytest.mark.django_db
def test_events_other_merchants_payment_404(merchant_client, other_merchants_payment):
    response = merchant_client.get(f"/api/payments/{other_merchants_payment.pk}/events")

    assert_error_envelope(response, 404)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["patch", "put"])
def test_update_by_merchant_forbidden(merchant_client, pending_payment, other_merchants_payment, method):
    """A merchant may change no payment, its own or another's, and learns nothing about existence."""
    before = row_counts()

    own = getattr(merchant_client, method)(f"/api/payments/{pending_payment.pk}", {"status": "success"}, format="json")
    other = getattr(merchant_client, method)(
        f"/api/payments/{other_merchants_payment.pk}", {"status": "success"}, format="json"
    )

    assert_error_envelope(own, 403)
    assert_error_envelope(other, 403)
    assert row_counts() == before
    assert set(Payment.objects.values_list("status", flat=True)) == {"pending"}


@pytest.mark.django_db
def test_update_unknown_payment_404(admin_client):
    before = row_counts()

    response = admin_client.patch(f"/api/payments/{uuid.uuid4()}", {"status": "success"}, format="json")

    assert_error_envelope(response, 404)
    assert row_counts() == before


@pytest.mark.django_db
def test_delete_by_merchant_forbidden(merchant_client, pending_payment, other_merchants_payment):
    before = row_counts()

    own = merchant_client.delete(f"/api/payments/{pending_payment.pk}")
    other = merchant_client.delete(f"/api/payments/{other_merchants_payment.pk}")

    assert_error_envelope(own, 403)
    assert_error_envelope(other, 403)
    assert row_counts() == before


@pytest.mark.django_db
def test_delete_by_admin_removes_payment_only(admin_client, payment_with_attempts, other_merchants_payment):
    ProviderAttemptFactory(payment=other_merchants_payment)

    response = admin_client.delete(f"/api/payments/{payment_with_attempts.pk}")

    assert response.json() == {"status": 200, "message": "Deleted"}
    assert list(Payment.objects.values_list("pk", flat=True)) == [other_merchants_payment.pk]
    assert list(ProviderAttempt.objects.values_list("payment_id", flat=True)) == [other_merchants_payment.pk]


@pytest.mark.django_db
def test_delete_unknown_payment_404(admin_client, pending_payment):
    before = row_counts()

    response = admin_client.delete(f"/api/payments/{uuid.uuid4()}")

    assert_error_envelope(response, 404)
    assert row_counts() == before


@pytest.mark.django_db
def test_volume_merchant_scope(merchant_client, two_merchants_payments):
    data = merchant_client.get("/api/analytics/volume").json()["data"]

    assert data == [{"currency": "GBP", "total_volume": 100 + 200 + 300, "count": 3}]


@pytest.mark.django_db
def test_provider_latency_merchant_scope(merchant_client, two_merchants_payments):
    data = merchant_client.get("/api/analytics/provider-latency").json()["data"]

    assert data == [{"provider": "Stripe", "average_latency_ms": 100.0, "attempts": 3, "success_rate": 1.0}]


@pytest.mark.django_db
def test_status_merchant_scope(merchant_client, two_merchants_payments):
    data = merchant_client.get("/api/analytics/status").json()["data"]

    assert data == [
        {"status": "failed", "count": 0},
        {"status": "pending", "count": 3},
        {"status": "success", "count": 0},
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ANALYTICS)
def test_analytics_merchant_without_payments(other_merchant_client, pending_payment, path):
    """A merchant with no payments of its own sees none of another merchant's figures."""
    data = other_merchant_client.get(path).json()["data"]

    if path.endswith("status"):
        assert sum(row["count"] for row in data) == 0
    else:
        assert data == []
