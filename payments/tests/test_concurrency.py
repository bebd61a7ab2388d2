"""Concurrent requests against the real PostgreSQL: no lost appends, one review
winner, one account per e-mail.

Each thread has its own APIClient and therefore its own database connection, and
all threads start together at a barrier so that their transactions overlap.
"""
import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from accounts.models import Role, User
from accounts.tests.factories import UserFactory
from conftest import client_for
from payments.models import EventType, Payment, PaymentEvent, ProviderAttempt
from payments.tests.factories import PaymentFactory, ProviderAttemptFactory

THREADS = 12


def run_concurrently(count: int, request_in_thread) -> list:
    """Call `request_in_thread(index)` from `count` threads at once and return the responses by index."""
    barrier = threading.Barrier(count)
    responses = [None] * count

    def worker(index):
        try:
            barrier.wait(timeout=30)
            responses[index] = request_in_thread(index)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


@pytest.fixture
def reviewers(transactional_db):
    """Finance and admin accounts, alternating, one per thread."""
    return [
        UserFactory(email=f"reviewer{index}@example.com", role=Role.FINANCE if index % 2 else Role.ADMIN)
        for index in range(THREADS)
    ]


@pytest.fixture
def committed_pending_payment(transactional_db):
    """A pending payment with one attempt, committed so that other connections see it."""
    payment = PaymentFactory(created_by=UserFactory(email="owner@example.com"))
    ProviderAttemptFactory(payment=payment, provider="Adyen", latency_ms=300)
    return payment


def test_concurrent_appends_lose_none(reviewers, committed_pending_payment):
    clients = [client_for(user) for user in reviewers]
    path = f"/api/payments/{committed_pending_payment.pk}"

    def append(index):
        attempts = [
            {"provider": f"Provider{index}", "result": "failure", "latency_ms": index},
            {"provider": f"Provider{index}", "result": "success", "latency_ms": 1000 + index},
        ]
        return clients[index].patch(path, {"provider_attempts": attempts}, format="json")

    responses = run_concurrently(THREADS, append)

    assert [response.status_code for response in responses] == [200] * THREADS
    attempts = ProviderAttempt.objects.filter(payment=committed_pending_payment)
    assert attempts.count() == 1 + 2 * THREADS
    latencies = set(attempts.values_list("latency_ms", flat=True))
    assert latencies == {300} | set(range(THREADS)) | {1000 + index for index in range(THREADS)}
    events = PaymentEvent.objects.filter(payment=committed_pending_payment, type=EventType.ATTEMPTS_ADDED)
    assert events.count() == THREADS


def test_concurrent_reviews_one_winner(reviewers, committed_pending_payment):
    clients = [client_for(user) for user in reviewers]
    path = f"/api/payments/{committed_pending_payment.pk}"
    wanted = ["success" if index % 2 else "failed" for index in range(THREADS)]

    responses = run_concurrently(
        THREADS, lambda index: clients[index].patch(path, {"status": wanted[index]}, format="json")
    )

    codes = [response.status_code for response in responses]
    assert sorted(codes) == [200] + [409] * (THREADS - 1)
    winner = codes.index(200)
    final_status = Payment.objects.get(pk=committed_pending_payment.pk).status
    assert final_status == wanted[winner]
    changes = PaymentEvent.objects.filter(payment=committed_pending_payment, type=EventType.STATUS_CHANGED)
    assert list(changes.values_list("details", flat=True)) == [{"from": "pending", "to": wanted[winner]}]
    for response in responses:
        if response.status_code == 409:
            assert final_status in response.json()["message"]


def test_concurrent_registrations_one_account(transactional_db):
    spellings = ["Race@Example.com", "race@example.com", "RACE@EXAMPLE.COM", "race@Example.COM"] * 2

    responses = run_concurrently(
        len(spellings),
        lambda index: APIClient().post(
            "/api/register", {"email": spellings[index], "password": "Brand-New-Passphrase-77"}, format="json"
        ),
    )

    codes = sorted(response.status_code for response in responses)
    assert codes == [201] + [409] * (len(spellings) - 1)
    assert User.objects.filter(email__iexact="race@example.com").count() == 1
    for response in responses:
        assert response.json()["status"] == response.status_code
