"""Concurrent writes against gunicorn with 3 workers of 4 threads each.

The requests of each test are released together by a barrier, so they reach
different worker processes and run in overlapping database transactions. Each
test checks both the HTTP outcomes and what the database kept.
"""
import secrets

import pytest

from reliability.client import api_request, envelope_problems, payment_body, run_together

pytestmark = pytest.mark.live


def _create_payment(stack, token: str, **overrides) -> dict:
    response = api_request(stack.base_url, "POST", "/api/payments", token=token, json=payment_body(**overrides))
    assert response.status_code == 201, response.text
    return response.json()["data"]


def _events(stack, token: str, payment_id: str) -> list[dict]:
    response = api_request(stack.base_url, "GET", f"/api/payments/{payment_id}/events", token=token)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def _assert_envelopes(responses):
    for response in responses:
        assert envelope_problems(response) == [], response.text


def test_50_concurrent_appends_keep_every_attempt(stack, role_tokens):
    admin, finance = role_tokens["admin"]["token"], role_tokens["finance"]["token"]
    payment = _create_payment(stack, admin, provider_attempts=[])

    def append(index: int):
        token = finance if index % 2 else admin
        attempt = {"provider": f"Provider-{index:02d}", "result": "failure", "latency_ms": index}
        return api_request(
            stack.base_url, "PATCH", f"/api/payments/{payment['id']}", token=token, json={"provider_attempts": [attempt]}
        )

    responses = run_together([lambda index=index: append(index) for index in range(50)])

    assert [response.status_code for response in responses] == [200] * 50
    _assert_envelopes(responses)
    stored = api_request(stack.base_url, "GET", f"/api/payments/{payment['id']}", token=admin).json()["data"]
    providers = sorted(attempt["provider"] for attempt in stored["provider_attempts"])
    assert providers == [f"Provider-{index:02d}" for index in range(50)]
    events = _events(stack, admin, payment["id"])
    assert [event["type"] for event in events].count("attempts_added") == 50
    assert all(event["details"] == {"count": 1} for event in events if event["type"] == "attempts_added")
    rows = stack.sql("SELECT count(*) FROM payments_providerattempt WHERE payment_id = %s", (payment["id"],))
    assert rows == [(50,)]


def test_20_concurrent_reviews_change_status_once(stack, role_tokens):
    admin, finance = role_tokens["admin"]["token"], role_tokens["finance"]["token"]
    payment = _create_payment(stack, admin)

    def review(index: int):
        token = finance if index % 2 else admin
        body = {"status": "success" if index % 3 else "failed", "reason": f"reviewer {index}"}
        return api_request(stack.base_url, "PATCH", f"/api/payments/{payment['id']}", token=token, json=body)

    responses = run_together([lambda index=index: review(index) for index in range(20)])

    codes = [response.status_code for response in responses]
    assert codes.count(200) == 1, codes
    assert codes.count(409) == 19, codes
    _assert_envelopes(responses)
    winner = next(response.json()["data"] for response in responses if response.status_code == 200)
    stored = api_request(stack.base_url, "GET", f"/api/payments/{payment['id']}", token=admin).json()["data"]
    assert stored["status"] == winner["status"]
    status_events = [event for event in _events(stack, admin, payment["id"]) if event["type"] == "status_changed"]
    assert len(status_events) == 1
    assert status_events[0]["details"]["from"] == "pending"
    assert status_events[0]["details"]["to"] == winner["status"]


def test_10_concurrent_registrations_create_one_account(stack):
    local_part = f"race-{secrets.token_hex(6)}"
    password = secrets.token_urlsafe(16)
    # Half of the requests spell the address in upper case: e-mails are unique in any case.
    emails = [f"{local_part}@example.com" if index % 2 else f"{local_part.upper()}@EXAMPLE.COM" for index in range(10)]

    def register(email: str):
        return api_request(stack.base_url, "POST", "/api/register", json={"email": email, "password": password})

    responses = run_together([lambda email=email: register(email) for email in emails])

    codes = [response.status_code for response in responses]
    assert codes.count(201) == 1, codes
    assert codes.count(409) == 9, codes
    _assert_envelopes(responses)
    rows = stack.sql("SELECT count(*) FROM accounts_user WHERE lower(email) = %s", (f"{local_part}@example.com",))
    assert rows == [(1,)]


def test_10_concurrent_idempotent_creates_make_one_payment(stack, role_tokens):
    merchant = role_tokens["merchant"]["token"]
    trading_name = f"Idempotent {secrets.token_hex(6)}"
    body = payment_body(merchant=trading_name)
    key = f"reliability-{secrets.token_hex(8)}"

    def create():
        return api_request(
            stack.base_url, "POST", "/api/payments", token=merchant, json=body, headers={"Idempotency-Key": key}
        )

    responses = run_together([create for _ in range(10)])

    codes = [response.status_code for response in responses]
    assert set(codes) <= {201, 409}, codes
    _assert_envelopes(responses)
    created = [response for response in responses if response.status_code == 201]
    first = [response for response in created if response.headers.get("Idempotent-Replayed") != "true"]
    assert len(first) == 1, codes
    assert {response.json()["data"]["id"] for response in created} == {first[0].json()["data"]["id"]}
    rows = stack.sql("SELECT count(*) FROM payments_payment WHERE merchant = %s", (trading_name,))
    assert rows == [(1,)]

    replay = create()
    assert replay.status_code == 201
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert replay.json() == first[0].json()
