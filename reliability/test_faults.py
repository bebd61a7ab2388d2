"""Faults under traffic: the database goes away, and a gunicorn worker is killed mid-create.

These tests run on a PostgreSQL cluster of their own, because they stop it.
"""
import os
import secrets
import signal
import threading
import time
from dataclasses import dataclass

import pytest
import requests

from reliability.client import api_request, envelope_problems, payment_body
from reliability.server import live_stack

pytestmark = pytest.mark.live

# The settings give PostgreSQL connections a 5-second connect timeout; a request
# during an outage must fail well within this bound, never hang.
OUTAGE_RESPONSE_BOUND_S = 15
ATTEMPTS_PER_PAYMENT = 20


@pytest.fixture(scope="module")
def fault_stack():
    with live_stack(own_cluster=True, workers=3, threads=2, demo_payments=50) as running:
        yield running


@dataclass
class Outcome:
    started: float
    finished: float
    status: int | None
    envelope_problems: list
    body: dict | None = None
    error: str | None = None


def _timed(call) -> Outcome:
    started = time.monotonic()
    try:
        response = call()
    except requests.RequestException as error:
        return Outcome(started, time.monotonic(), None, [], error=type(error).__name__)
    body = response.json() if not envelope_problems(response) else None
    return Outcome(started, time.monotonic(), response.status_code, envelope_problems(response), body)


def _traffic(stop: threading.Event, outcomes: list, call, max_requests: int = 2000):
    """Repeat `call` until `stop` is set or max_requests were sent, recording each outcome."""
    for _ in range(max_requests):
        if stop.is_set():
            return
        outcomes.append(_timed(call))
        time.sleep(0.05)


def _wait_for_health(stack, expected_status: int, timeout_s: float) -> requests.Response:
    deadline = time.monotonic() + timeout_s
    while True:
        response = api_request(stack.base_url, "GET", "/api/health", timeout=OUTAGE_RESPONSE_BOUND_S)
        if response.status_code == expected_status or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def test_database_outage_is_503_and_recovers(fault_stack):
    stack = fault_stack
    token = stack.login("admin")["token"]
    stop, outcomes = threading.Event(), []

    def list_payments():
        return api_request(stack.base_url, "GET", "/api/payments?limit=5&status=pending", token=token)

    threads = [threading.Thread(target=_traffic, args=(stop, outcomes, list_payments)) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(2)
        stack.databases.stop()
        outage_began = time.monotonic()
        time.sleep(1)

        health = _wait_for_health(stack, 503, timeout_s=OUTAGE_RESPONSE_BOUND_S)
        assert health.status_code == 503
        assert health.json() == {"status": 503, "data": {"database": "unavailable"}}
        time.sleep(5)

        outage_ended = time.monotonic()
        stack.databases.start()
        recovered = _wait_for_health(stack, 200, timeout_s=30)
        assert recovered.status_code == 200
        assert recovered.json()["data"] == {"database": "ok"}
        time.sleep(2)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

    during = [outcome for outcome in outcomes if outcome.started > outage_began and outcome.finished < outage_ended]
    slowest = max((outcome.finished - outcome.started for outcome in during), default=0)
    print(f"\n{len(outcomes)} requests, {len(during)} entirely during the outage, slowest {slowest * 1000:.0f} ms")
    assert during, "no request ran entirely during the outage"
    assert {outcome.status for outcome in during} == {503}
    assert all(outcome.envelope_problems == [] for outcome in during)
    assert all("data" not in outcome.body for outcome in during)
    assert max(outcome.finished - outcome.started for outcome in during) < OUTAGE_RESPONSE_BOUND_S
    assert [outcome for outcome in outcomes if outcome.error or outcome.status == 500] == []

    # The same gunicorn serves reads and writes again, with no restart.
    after = api_request(stack.base_url, "GET", "/api/payments?limit=5", token=token)
    assert after.status_code == 200
    created = api_request(stack.base_url, "POST", "/api/payments", token=token, json=payment_body())
    assert created.status_code == 201


def test_killed_worker_leaves_whole_payments(fault_stack):
    stack = fault_stack
    token = stack.login("merchant")["token"]
    run = secrets.token_hex(4)
    stop, outcomes, counter = threading.Event(), [], iter(range(100_000))
    attempts = [{"provider": "Adyen", "result": "failure", "latency_ms": 90 + index} for index in range(ATTEMPTS_PER_PAYMENT)]

    def create():
        body = payment_body(merchant=f"Crash {run} {next(counter)}", provider_attempts=attempts)
        return api_request(stack.base_url, "POST", "/api/payments", token=token, json=body)

    threads = [threading.Thread(target=_traffic, args=(stop, outcomes, create)) for _ in range(6)]
    for thread in threads:
        thread.start()
    killed = []
    try:
        for _ in range(3):
            time.sleep(1.5)
            victim = stack.gunicorn.worker_pids()[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)
        time.sleep(1.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

    deadline = time.monotonic() + 30
    while len(stack.gunicorn.worker_pids()) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert set(killed).isdisjoint(stack.gunicorn.worker_pids())

    accepted = [outcome.body["data"]["id"] for outcome in outcomes if outcome.status == 201]
    interrupted = [outcome for outcome in outcomes if outcome.status != 201]
    print(f"\n{len(outcomes)} creates, {len(accepted)} accepted, {len(interrupted)} interrupted by the kills")
    assert accepted
    assert all(outcome.status is None for outcome in interrupted), [(o.status, o.error) for o in interrupted]

    for payment_id in accepted:
        response = api_request(stack.base_url, "GET", f"/api/payments/{payment_id}", token=token)
        assert response.status_code == 200
        assert len(response.json()["data"]["provider_attempts"]) == ATTEMPTS_PER_PAYMENT

    rows = stack.sql(
        "SELECT p.id, count(a.id) FROM payments_payment p "
        "LEFT JOIN payments_providerattempt a ON a.payment_id = p.id "
        "WHERE p.merchant LIKE %s GROUP BY p.id",
        (f"Crash {run} %",),
    )
    assert {count for _, count in rows} == {ATTEMPTS_PER_PAYMENT}
    events = stack.sql(
        "SELECT count(*) FROM payments_paymentevent e JOIN payments_payment p ON p.id = e.payment_id "
        "WHERE p.merchant LIKE %s AND e.type = 'created'",
        (f"Crash {run} %",),
    )
    assert events == [(len(rows),)]
    assert len(rows) >= len(accepted)
