"""PATCH/PUT /api/payments/{id} and GET /api/payments/{id}/events: reviews, edits, appends, history."""
import pytest

from conftest import assert_error_envelope, row_counts, valid_payment_body
from payments.models import EventType, PaymentEvent
from payments.tests.factories import PaymentFactory

CORE_FIELD_VALUES = {
    "merchant": "Deliveroo",
    "payment_type": "refund",
    "amount_minor": 4999,
    "currency": "EUR",
    "region": "EU",
    "customer_details": {"country": "FR"},
}


def _path(payment):
    return f"/api/payments/{payment.pk}"


@pytest.fixture
def reviewed_payment(request, merchant_user):
    """A payment of `merchant_user` in the status given by the test's parameter."""
    return PaymentFactory(created_by=merchant_user, status=request.param)


@pytest.mark.django_db
@pytest.mark.parametrize("client_fixture", ["finance_client", "admin_client"])
@pytest.mark.parametrize("new_status", ["success", "failed"])
def test_review_from_pending(request, pending_payment, client_fixture, new_status):
    client = request.getfixturevalue(client_fixture)

    response = client.patch(_path(pending_payment), {"status": new_status}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["message"] == "Updated"
    assert response.json()["data"]["status"] == new_status
    pending_payment.refresh_from_db()
    assert pending_payment.status == new_status


@pytest.mark.django_db
@pytest.mark.parametrize(
    "reviewed_payment, new_status",
    [
        ("success", "failed"),
        ("success", "pending"),
        ("success", "success"),
        ("failed", "success"),
        ("failed", "pending"),
        ("pending", "pending"),
    ],
    indirect=["reviewed_payment"],
)
def test_review_other_transition_409(finance_client, reviewed_payment, new_status):
    current = reviewed_payment.status
    before = row_counts()

    response = finance_client.patch(_path(reviewed_payment), {"status": new_status}, format="json")

    body = assert_error_envelope(response, 409)
    assert current in body["message"]
    assert row_counts() == before
    reviewed_payment.refresh_from_db()
    assert reviewed_payment.status == current


@pytest.mark.django_db
def test_review_reason_stored_in_event(finance_client, finance_user, pending_payment):
    finance_client.patch(_path(pending_payment), {"status": "failed", "reason": "Card reported stolen"}, format="json")

    event = PaymentEvent.objects.get(payment=pending_payment, type=EventType.STATUS_CHANGED)
    assert event.details == {"from": "pending", "to": "failed", "reason": "Card reported stolen"}
    assert event.actor == finance_user.email


@pytest.mark.django_db
@pytest.mark.parametrize("field", list(CORE_FIELD_VALUES))
def test_finance_core_field_403(finance_client, pending_payment, field):
    before = row_counts()
    original = {name: getattr(pending_payment, name) for name in ("merchant", "amount_minor", "currency", "status")}

    response = finance_client.patch(
        _path(pending_payment), {"status": "success", field: CORE_FIELD_VALUES[field]}, format="json"
    )

    body = assert_error_envelope(response, 403)
    assert field in body["message"]
    assert row_counts() == before
    pending_payment.refresh_from_db()
    assert {name: getattr(pending_payment, name) for name in original} == original


@pytest.mark.django_db
def test_finance_403_names_every_field(finance_client, pending_payment):
    response = finance_client.patch(_path(pending_payment), {"amount_minor": 1, "region": "EU"}, format="json")

    body = assert_error_envelope(response, 403)
    assert "amount_minor" in body["message"]
    assert "region" in body["message"]


@pytest.mark.django_db
def test_admin_edits_core_fields(admin_client, admin_user, pending_payment):
    old_amount = pending_payment.amount_minor
    old_merchant = pending_payment.merchant

    response = admin_client.patch(
        _path(pending_payment), {"amount_minor": old_amount + 200, "merchant": "Canva", "currency": "jpy"}, format="json"
    )

    data = response.json()["data"]
    assert data["amount_minor"] == old_amount + 200
    assert data["merchant"] == "Canva"
    assert data["currency"] == "JPY"
    event = PaymentEvent.objects.get(payment=pending_payment, type=EventType.UPDATED)
    assert event.details["changes"]["amount_minor"] == [old_amount, old_amount + 200]
    assert event.details["changes"]["merchant"] == [old_merchant, "Canva"]
    assert event.actor == admin_user.email


@pytest.mark.django_db
def test_admin_partial_customer_details(admin_client, pending_payment):
    response = admin_client.patch(_path(pending_payment), {"customer_details": {"email": "ava@example.org"}}, format="json")

    assert response.json()["data"]["customer_details"] == {
        "name": pending_payment.customer_name,
        "email": "ava@example.org",
        "country": pending_payment.customer_country,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["patch", "put"])
def test_attempts_appended_after_existing(finance_client, payment_with_attempts, method):
    existing = [
        {"provider": attempt.provider, "result": attempt.result, "latency_ms": attempt.latency_ms}
        for attempt in payment_with_attempts.provider_attempts.all()
    ]
    added = [
        {"provider": "Checkout.com", "result": "failure", "latency_ms": 420},
        {"provider": "Worldpay", "result": "success", "latency_ms": 260},
    ]

    response = getattr(finance_client, method)(_path(payment_with_attempts), {"provider_attempts": added}, format="json")

    attempts = response.json()["data"]["provider_attempts"]
    assert [{key: attempt[key] for key in ("provider", "result", "latency_ms")} for attempt in attempts] == existing + added
    assert len(existing) == 2


@pytest.mark.django_db
def test_put_accepts_partial_body(admin_client, pending_payment):
    response = admin_client.put(_path(pending_payment), {"region": "apac"}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["data"]["region"] == "APAC"
    assert response.json()["data"]["merchant"] == pending_payment.merchant


@pytest.mark.django_db
def test_update_response_matches_detail(admin_client, pending_payment):
    updated = admin_client.patch(_path(pending_payment), {"status": "success"}, format="json").json()["data"]

    assert admin_client.get(_path(pending_payment)).json()["data"] == updated


@pytest.mark.django_db
def test_events_history_oldest_first(merchant_client, finance_client, admin_client, merchant_user, finance_user, admin_user):
    created = merchant_client.post("/api/payments", valid_payment_body(amount_minor=1299), format="json").json()["data"]
    path = f"/api/payments/{created['id']}"
    attempt = {"provider": "Adyen", "result": "failure", "latency_ms": 310}
    finance_client.patch(path, {"provider_attempts": [attempt, attempt]}, format="json")
    finance_client.patch(path, {"status": "success", "reason": "Settled"}, format="json")
    admin_client.patch(path, {"amount_minor": 1499}, format="json")

    response = merchant_client.get(f"{path}/events")

    events = response.json()["data"]
    assert response.json()["status"] == 200
    assert [{key: event[key] for key in ("type", "actor", "details")} for event in events] == [
        {"type": "created", "actor": merchant_user.email, "details": {}},
        {"type": "attempts_added", "actor": finance_user.email, "details": {"count": 2}},
        {"type": "status_changed", "actor": finance_user.email, "details": {"from": "pending", "to": "success", "reason": "Settled"}},
        {"type": "updated", "actor": admin_user.email, "details": {"changes": {"amount_minor": [1299, 1499]}}},
    ]
    assert [event["at"] for event in events] == sorted(event["at"] for event in events)
    assert all(event["at"].endswith("Z") for event in events)


@pytest.mark.django_db
def test_rejected_update_writes_no_event(finance_client, pending_payment):
    before = PaymentEvent.objects.count()

    finance_client.patch(_path(pending_payment), {"status": "success", "amount_minor": 5}, format="json")

    assert PaymentEvent.objects.count() == before
