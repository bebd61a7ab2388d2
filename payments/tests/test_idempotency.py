import threading

import pytest
from django.db import connection
from django.utils import timezone

from conftest import client_for, valid_payment_body
from payments.idempotency import KEY_TTL, purge_expired
from payments.models import IdempotencyRecord, Payment


def create(client, body, key):
    return client.post("/api/payments", body, format="json", HTTP_IDEMPOTENCY_KEY=key)


@pytest.mark.django_db
def test_repeat_replays_first_response(merchant_client):
    first = create(merchant_client, valid_payment_body(), "order-1")
    repeat = create(merchant_client, valid_payment_body(), "order-1")

    assert first.status_code == 201
    assert repeat.status_code == 201
    assert repeat.json() == first.json()
    assert repeat["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Payment.objects.count() == 1


@pytest.mark.django_db
def test_key_order_in_body_does_not_matter(merchant_client):
    body = valid_payment_body()
    reordered = dict(reversed(list(body.items())))

    create(merchant_client, body, "order-2")
    repeat = create(merchant_client, reordered, "order-2")

    assert repeat.status_code == 201
    assert Payment.objects.count() == 1


@pytest.mark.django_db
def test_same_key_different_body_is_422(merchant_client):
    create(merchant_client, valid_payment_body(), "order-3")
    changed = create(merchant_client, valid_payment_body(amount_minor=1300), "order-3")

    assert changed.status_code == 422
    assert changed.json()["status"] == 422
    assert "Idempotency-Key" in changed.json()["message"]
    assert Payment.objects.count() == 1


@pytest.mark.django_db
def test_keys_are_scoped_to_account(merchant_client, other_merchant_client):
    mine = create(merchant_client, valid_payment_body(), "shared-key")
    theirs = create(other_merchant_client, valid_payment_body(), "shared-key")

    assert mine.status_code == 201
    assert theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs
    assert Payment.objects.count() == 2


@pytest.mark.django_db
def test_invalid_request_stores_nothing(merchant_client):
    rejected = create(merchant_client, valid_payment_body(amount_minor="12"), "order-4")
    corrected = create(merchant_client, valid_payment_body(), "order-4")

    assert rejected.status_code == 400
    assert corrected.status_code == 201
    assert "Idempotent-Replayed" not in corrected
    assert Payment.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["", "x" * 256, "caf\u00e9", "tab\there"])
def test_invalid_key_is_400(merchant_client, key):
    response = create(merchant_client, valid_payment_body(), key)

    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["errors"]
    assert Payment.objects.count() == 0


@pytest.mark.django_db
def test_expired_key_creates_again(merchant_client):
    create(merchant_client, valid_payment_body(), "order-5")
    IdempotencyRecord.objects.update(created_at=timezone.now() - KEY_TTL)

    again = create(merchant_client, valid_payment_body(), "order-5")

    assert again.status_code == 201
    assert "Idempotent-Replayed" not in again
    assert Payment.objects.count() == 2


@pytest.mark.django_db
def test_purge_deletes_only_expired(merchant_client):
    create(merchant_client, valid_payment_body(), "old")
    IdempotencyRecord.objects.update(created_at=timezone.now() - KEY_TTL)
    create(merchant_client, valid_payment_body(), "fresh")

    deleted = purge_expired()

    assert deleted == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["fresh"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_repeats_create_one_payment(merchant_user):
    results = []
    barrier = threading.Barrier(8)

    def send():
        client = client_for(merchant_user)
        barrier.wait()
        results.append(create(client, valid_payment_body(), "race").status_code)
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Payment.objects.count() == 1
    assert set(results) <= {201, 409}
    assert 201 in results


@pytest.mark.django_db
def test_replay_body_is_byte_identical(merchant_client):
    first = create(merchant_client, valid_payment_body(), "order-bytes")
    repeat = create(merchant_client, valid_payment_body(), "order-bytes")

    assert repeat.content == first.content
