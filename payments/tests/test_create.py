"""POST /api/payments: what a valid creation stores and returns."""
import pytest

from conftest import assert_error_envelope, row_counts, valid_payment_body
from payments.models import EventType, Payment, PaymentEvent


@pytest.mark.django_db
def test_create_returns_payment_object(merchant_client, merchant_user):
    response = merchant_client.post("/api/payments", valid_payment_body(), format="json")

    body = response.json()
    data = body["data"]
    stored = Payment.objects.get()
    assert response.status_code == 201
    assert body["status"] == 201
    assert body["message"] == "Payment created"
    assert {key: data[key] for key in data if key not in ("initiated_at", "updated_at", "provider_attempts")} == {
        "id": str(stored.pk),
        "merchant": "Spotify",
        "payment_type": "subscription",
        "amount_minor": 1299,
        "currency": "GBP",
        "region": "UK",
        "status": "pending",
        "created_by": merchant_user.email,
        "customer_details": {"name": "Ava Reed", "email": "ava.reed@example.com", "country": "UK"},
    }
    assert [{key: attempt[key] for key in ("provider", "result", "latency_ms")} for attempt in data["provider_attempts"]] == [
        {"provider": "Stripe", "result": "success", "latency_ms": 142}
    ]


@pytest.mark.django_db
def test_create_without_attempts(merchant_client):
    body = valid_payment_body()
    del body["provider_attempts"]

    response = merchant_client.post("/api/payments", body, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["data"]["provider_attempts"] == []


@pytest.mark.django_db
def test_create_writes_created_event(merchant_client, merchant_user):
    merchant_client.post("/api/payments", valid_payment_body(), format="json")

    event = PaymentEvent.objects.get()
    assert event.type == EventType.CREATED
    assert event.actor == merchant_user.email


@pytest.mark.django_db
def test_create_by_finance_403(finance_client):
    before = row_counts()

    response = finance_client.post("/api/payments", valid_payment_body(), format="json")

    assert_error_envelope(response, 403)
    assert row_counts() == before


@pytest.mark.django_db
def test_created_payment_listed_for_creator(merchant_client):
    created = merchant_client.post("/api/payments", valid_payment_body(), format="json").json()["data"]

    listed = merchant_client.get("/api/payments").json()["data"]

    assert listed["payments"] == [created]
    assert listed["total"] == 1
