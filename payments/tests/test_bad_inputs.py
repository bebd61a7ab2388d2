"""Malformed and invalid requests: each gets the right 4xx in the envelope and writes nothing."""
import json

import pytest

from conftest import assert_error_envelope, row_counts, valid_payment_body

PAYMENTS = "/api/payments"
DETAIL = "/api/payments/{id}"
CONTROL_CHARACTERS = "Spot\x07ify"


def _customer(**overrides):
    details = {"name": "Ava Reed", "email": "ava.reed@example.com", "country": "UK"}
    details.update(overrides)
    return details


def _attempt(**overrides):
    attempt = {"provider": "Stripe", "result": "success", "latency_ms": 142}
    attempt.update(overrides)
    return attempt


def _without(field):
    body = valid_payment_body()
    del body[field]
    return body


def _create(body, field, code=400):
    return ("post", PAYMENTS, {"data": body, "format": "json"}, code, field)


def _raw(method, path, payload: bytes, content_type, code, field=None):
    return (method, path, {"data": payload, "content_type": content_type}, code, field)


def _query(path, query, field):
    return ("get", f"{path}?{query}", {}, 400, field)


def _review(body, field):
    return ("patch", DETAIL, {"data": body, "format": "json"}, 400, field)


BAD_REQUESTS = {
    # amount_minor: a JSON integer from 1 to 10**12, nothing else.
    "amount float": _create(valid_payment_body(amount_minor=10.0), "amount_minor"),
    "amount string": _create(valid_payment_body(amount_minor="1299"), "amount_minor"),
    "amount true": _create(valid_payment_body(amount_minor=True), "amount_minor"),
    "amount null": _create(valid_payment_body(amount_minor=None), "amount_minor"),
    "amount zero": _create(valid_payment_body(amount_minor=0), "amount_minor"),
    "amount negative": _create(valid_payment_body(amount_minor=-5), "amount_minor"),
    "amount over max": _create(valid_payment_body(amount_minor=10**12 + 1), "amount_minor"),
    # currency and other core fields
    "currency unknown": _create(valid_payment_body(currency="ZZZ"), "currency"),
    "currency gold": _create(valid_payment_body(currency="XAU"), "currency"),
    "currency number": _create(valid_payment_body(currency=826), "currency"),
    "currency two letters": _create(valid_payment_body(currency="GB"), "currency"),
    "payment type unknown": _create(valid_payment_body(payment_type="gift"), "payment_type"),
    "merchant empty": _create(valid_payment_body(merchant=""), "merchant"),
    "merchant too long": _create(valid_payment_body(merchant="M" * 101), "merchant"),
    "merchant not string": _create(valid_payment_body(merchant=42), "merchant"),
    "merchant nul": _create(valid_payment_body(merchant="Spot\x00ify"), "merchant"),
    "merchant control": _create(valid_payment_body(merchant=CONTROL_CHARACTERS), "merchant"),
    "region space": _create(valid_payment_body(region="U K"), "region"),
    "region too long": _create(valid_payment_body(region="R" * 17), "region"),
    # unknown, read-only and missing fields
    "unknown field": _create(valid_payment_body(note="hi"), "note"),
    "read-only id": _create(valid_payment_body(id="3f0c9a52-5d0e-4a8e-9a55-0d6f3c1d2b7e"), "id"),
    "read-only status": _create(valid_payment_body(status="success"), "status"),
    "read-only created_by": _create(valid_payment_body(created_by="x@example.com"), "created_by"),
    "read-only initiated_at": _create(valid_payment_body(initiated_at="2026-01-03T10:00:00Z"), "initiated_at"),
    "missing merchant": _create(_without("merchant"), "merchant"),
    "missing amount": _create(_without("amount_minor"), "amount_minor"),
    "missing customer": _create(_without("customer_details"), "customer_details"),
    # customer_details
    "customer not object": _create(valid_payment_body(customer_details="Ava Reed"), "customer_details"),
    "customer bad email": _create(valid_payment_body(customer_details=_customer(email="ava@")), "customer_details.email"),
    "customer lower country": _create(valid_payment_body(customer_details=_customer(country="gb")), "customer_details.country"),
    "customer unknown country": _create(valid_payment_body(customer_details=_customer(country="ZZ")), "customer_details.country"),
    "customer long name": _create(valid_payment_body(customer_details=_customer(name="N" * 201)), "customer_details.name"),
    "customer name nul": _create(valid_payment_body(customer_details=_customer(name="A\x00va")), "customer_details.name"),
    "customer unknown key": _create(valid_payment_body(customer_details=_customer(phone="123")), "customer_details.phone"),
    # provider_attempts
    "attempts over 20": _create(valid_payment_body(provider_attempts=[_attempt()] * 21), "provider_attempts"),
    "attempts not list": _create(valid_payment_body(provider_attempts=_attempt()), "provider_attempts"),
    "attempt latency negative": _create(valid_payment_body(provider_attempts=[_attempt(latency_ms=-1)]), "provider_attempts[0].latency_ms"),
    "attempt latency over max": _create(valid_payment_body(provider_attempts=[_attempt(latency_ms=600_001)]), "provider_attempts[0].latency_ms"),
    "attempt latency string": _create(valid_payment_body(provider_attempts=[_attempt(latency_ms="142")]), "provider_attempts[0].latency_ms"),
    "attempt result unknown": _create(valid_payment_body(provider_attempts=[_attempt(result="ok")]), "provider_attempts[0].result"),
    "attempt provider empty": _create(valid_payment_body(provider_attempts=[_attempt(provider="")]), "provider_attempts[0].provider"),
    "attempt provider long": _create(valid_payment_body(provider_attempts=[_attempt(provider="P" * 51)]), "provider_attempts[0].provider"),
    "attempt attempted_at": _create(
        valid_payment_body(provider_attempts=[_attempt(attempted_at="2026-01-03T10:00:00Z")]), "provider_attempts[0].attempted_at"
    ),
    # bodies that are not a JSON object
    "body array": _raw("post", PAYMENTS, b"[]", "application/json", 400, "non_field_errors"),
    "body string": _raw("post", PAYMENTS, b'"payment"', "application/json", 400, "non_field_errors"),
    "body malformed": _raw("post", PAYMENTS, b'{"merchant": ', "application/json", 400, "non_field_errors"),
    "body lone surrogate": _raw("post", PAYMENTS, b'{"merchant": "\\ud800"}', "application/json", 400, "non_field_errors"),
    "body nested too deep": _raw(
        "post", PAYMENTS, b'{"merchant": ' + b"[" * 30_000 + b"]" * 30_000 + b"}", "application/json", 400, "non_field_errors"
    ),
    "body NaN": _raw("post", PAYMENTS, b'{"amount_minor": NaN}', "application/json", 400, "non_field_errors"),
    "body text/plain": _raw("post", PAYMENTS, json.dumps(valid_payment_body()).encode(), "text/plain", 415),
    "body form": _raw("post", PAYMENTS, b"merchant=Spotify", "application/x-www-form-urlencoded", 415),
    "body wildcard type": _raw("post", PAYMENTS, json.dumps(valid_payment_body()).encode(), "application/*", 415),
    "body over 64 KiB": _raw(
        "post", PAYMENTS, json.dumps(valid_payment_body(merchant="M" * 70_000)).encode(), "application/json", 413
    ),
    # list query parameters
    "page zero": _query(PAYMENTS, "page=0", "page"),
    "page word": _query(PAYMENTS, "page=two", "page"),
    "page negative": _query(PAYMENTS, "page=-1", "page"),
    "limit zero": _query(PAYMENTS, "limit=0", "limit"),
    "limit over 100": _query(PAYMENTS, "limit=101", "limit"),
    "limit float": _query(PAYMENTS, "limit=2.5", "limit"),
    "status unknown": _query(PAYMENTS, "status=done", "status"),
    "status upper-case": _query(PAYMENTS, "status=PENDING", "status"),
    "from bad month": _query(PAYMENTS, "from=2026-13-01", "from"),
    "from word": _query(PAYMENTS, "from=yesterday", "from"),
    "to bad day": _query(PAYMENTS, "to=2026-02-30", "to"),
    "to bad datetime": _query(PAYMENTS, "to=2026-01-03T25:00:00Z", "to"),
    "ordering unknown": _query(PAYMENTS, "ordering=amount", "ordering"),
    "ordering by id": _query(PAYMENTS, "ordering=id", "ordering"),
    "ordering double minus": _query(PAYMENTS, "ordering=--amount_minor", "ordering"),
    "from after to": _query(PAYMENTS, "from=2026-01-05&to=2026-01-04", "from"),
    "nul in status": _query(PAYMENTS, "status=pend%00ing", "status"),
    "analytics status unknown": _query("/api/analytics/volume", "status=done", "status"),
    "analytics from after to": _query("/api/analytics/status", "from=2026-01-05T00:00:01Z&to=2026-01-05", "from"),
    "analytics nul in to": _query("/api/analytics/provider-latency", "to=2026-01-05%00", "to"),
    # updates
    "review status unknown": _review({"status": "approved"}, "status"),
    "review reason alone": _review({"reason": "checked"}, "reason"),
    "review reason too long": _review({"status": "success", "reason": "R" * 501}, "reason"),
    "review empty body": _review({}, "non_field_errors"),
    "review unknown field": _review({"status": "success", "note": "x"}, "note"),
    "review attempt bad": _review({"provider_attempts": [_attempt(result="maybe")]}, "provider_attempts[0].result"),
    "review amount float": _review({"amount_minor": 10.0}, "amount_minor"),
    "review customer lower country": _review({"customer_details": {"country": "fr"}}, "customer_details.country"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("method, path, kwargs, expected, field", BAD_REQUESTS.values(), ids=BAD_REQUESTS.keys())
def test_bad_request_rejected(admin_client, pending_payment, method, path, kwargs, expected, field):
    before = row_counts()

    response = getattr(admin_client, method)(path.format(id=pending_payment.pk), **kwargs)

    assert_error_envelope(response, expected, field)
    assert row_counts() == before
    pending_payment.refresh_from_db()
    assert pending_payment.status == "pending"


@pytest.mark.django_db
def test_bad_inputs_table_size():
    assert len(BAD_REQUESTS) >= 30


@pytest.mark.django_db
def test_create_stores_currency_upper_case(merchant_client):
    response = merchant_client.post(PAYMENTS, valid_payment_body(currency="gbp", region="uk"), format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["data"]["currency"] == "GBP"
    assert response.json()["data"]["region"] == "UK"


@pytest.mark.django_db
def test_create_accepts_mixed_case_media_type(merchant_client):
    payload = json.dumps(valid_payment_body()).encode()

    response = merchant_client.post(PAYMENTS, data=payload, content_type="Application/JSON; charset=utf-8")

    assert response.status_code == 201, response.json()


@pytest.mark.django_db
def test_create_trims_text_fields(merchant_client):
    body = valid_payment_body(merchant="  Spotify  ", customer_details=_customer(name=" Ava Reed "))

    data = merchant_client.post(PAYMENTS, body, format="json").json()["data"]

    assert data["merchant"] == "Spotify"
    assert data["customer_details"]["name"] == "Ava Reed"


@pytest.mark.django_db
def test_create_accepts_twenty_attempts(merchant_client):
    body = valid_payment_body(provider_attempts=[_attempt()] * 20)

    response = merchant_client.post(PAYMENTS, body, format="json")

    assert response.status_code == 201, response.json()
    assert len(response.json()["data"]["provider_attempts"]) == 20


@pytest.mark.django_db
def test_create_accepts_amount_limits(merchant_client):
    smallest = merchant_client.post(PAYMENTS, valid_payment_body(amount_minor=1), format="json")
    largest = merchant_client.post(PAYMENTS, valid_payment_body(amount_minor=10**12), format="json")

    assert smallest.status_code == 201, smallest.json()
    assert largest.status_code == 201, largest.json()
