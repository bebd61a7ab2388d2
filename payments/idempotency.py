"""Idempotent payment creation with the Idempotency-Key header.

A request with a key runs inside one transaction that holds a PostgreSQL advisory
lock on (account, key). While it runs, a repeat cannot take the lock and gets a
409. When it commits, the payment and the stored response commit together, so a
later repeat finds the record and replays it. If the server dies mid-request, the
transaction rolls back and releases the lock: nothing is stored and the client
may simply retry.
"""
import datetime as dt
import hashlib
import json
from collections.abc import Callable

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from accounts.models import User
from paygate.api.exceptions import Conflict, Unprocessable
from payments.models import IdempotencyRecord

HEADER = "Idempotency-Key"
KEY_TTL = dt.timedelta(hours=24)
MAX_KEY_LENGTH = 255


def key_from_request(request) -> str | None:
    """Return the request's Idempotency-Key, None without one; raise a 400 on an invalid one."""
    raw = request.headers.get(HEADER)
    if raw is None:
        return None
    if not 1 <= len(raw) <= MAX_KEY_LENGTH or not all(" " <= char <= "~" for char in raw):
        raise ValidationError({HEADER: [f"Must be 1 to {MAX_KEY_LENGTH} printable ASCII characters."]})
    return raw


def request_fingerprint(data) -> str:
    """Hash the body as canonical JSON, so key order and whitespace do not count as a change."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _advisory_lock_id(user: User, key: str) -> int:
    # pg_try_advisory_xact_lock takes a signed 64-bit integer.
    digest = hashlib.sha256(f"{user.pk}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _try_lock(user: User, key: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_advisory_lock_id(user, key)])
        return cursor.fetchone()[0]


def run_once(*, user: User, key: str, fingerprint: str, operation: Callable[[], tuple[int, dict]]) -> tuple[int, dict, bool]:
    """Run `operation` once per (user, key) and return (status, body, replayed).

    Raises Conflict while another request with the key is running, and
    Unprocessable when the key was used with a different body. An operation that
    raises stores nothing, so a corrected request may reuse the key.
    """
    with transaction.atomic():
        if not _try_lock(user, key):
            raise Conflict(f"A request with this {HEADER} is still being processed; retry shortly.")

        record = IdempotencyRecord.objects.filter(user=user, key=key, created_at__gt=timezone.now() - KEY_TTL).first()
        if record is not None:
            if record.request_fingerprint != fingerprint:
                raise Unprocessable(f"This {HEADER} was already used with a different request body.")
            return record.response_status, json.loads(record.response_body), True

        status, body = operation()
        # An expired record with the same key is replaced.
        IdempotencyRecord.objects.update_or_create(
            user=user,
            key=key,
            defaults={
                "request_fingerprint": fingerprint,
                "response_status": status,
                "response_body": json.dumps(body, cls=DjangoJSONEncoder),
                "created_at": timezone.now(),
            },
        )
        return status, body, False


def purge_expired(now: dt.datetime | None = None) -> int:
    """Delete records older than the 24-hour window; return how many."""
    cutoff = (now or timezone.now()) - KEY_TTL
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lte=cutoff).delete()
    return deleted
