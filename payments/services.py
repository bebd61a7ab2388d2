"""Writes on payments. Each runs in one transaction and records its event in it."""
import logging

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from paygate.api.exceptions import Conflict
from payments.models import EventType, Payment, PaymentEvent, PaymentStatus, ProviderAttempt

logger = logging.getLogger(__name__)

# Review transitions: a status may only move from the key to one of its values.
ALLOWED_TRANSITIONS = {
    PaymentStatus.PENDING: {PaymentStatus.SUCCESS, PaymentStatus.FAILED},
    PaymentStatus.SUCCESS: set(),
    PaymentStatus.FAILED: set(),
}

CORE_FIELDS = ("merchant", "payment_type", "amount_minor", "currency", "region")
CUSTOMER_FIELDS = {"name": "customer_name", "email": "customer_email", "country": "customer_country"}


def _attempts_build(payment: Payment, attempts: list[dict]) -> list[ProviderAttempt]:
    # One timestamp per batch keeps the batch's order by id within equal times.
    now = timezone.now()
    return [ProviderAttempt(payment=payment, attempted_at=now, **attempt) for attempt in attempts]


@transaction.atomic
def payment_create(*, created_by: User, data: dict) -> Payment:
    """Store a pending payment with its first provider attempts and its `created` event."""
    attempts = data.pop("provider_attempts", [])
    customer = data.pop("customer_details")

    payment = Payment.objects.create(
        created_by=created_by,
        status=PaymentStatus.PENDING,
        **data,
        **{column: customer[key] for key, column in CUSTOMER_FIELDS.items()},
    )
    ProviderAttempt.objects.bulk_create(_attempts_build(payment, attempts))
    PaymentEvent.objects.create(payment=payment, type=EventType.CREATED, actor=created_by.email, details={})

    logger.info("payment_created payment_id=%s user_id=%s attempts=%d", payment.pk, created_by.pk, len(attempts))
    return payment


@transaction.atomic
def payment_update(*, payment: Payment, actor: User, changes: dict) -> Payment:
    """Apply a review, appended attempts and core-field edits to a payment.

    The row is locked first and every check reads the locked row, so two
    concurrent reviews cannot both move the same payment out of `pending`, and
    concurrent appends never overwrite each other.
    """
    payment = Payment.objects.select_for_update().get(pk=payment.pk)

    new_status = changes.get("status")
    if new_status is not None and new_status not in ALLOWED_TRANSITIONS[payment.status]:
        raise Conflict(
            f"The payment is already {payment.status}; only pending payments can be reviewed to success or failed."
        )

    edits = _core_edits(payment, changes)
    if edits:
        for column, (_old, new) in edits.items():
            setattr(payment, _column_of(column), new)
        PaymentEvent.objects.create(
            payment=payment, type=EventType.UPDATED, actor=actor.email, details={"changes": _json_safe(edits)}
        )

    if new_status is not None:
        old_status = payment.status
        payment.status = new_status
        details = {"from": old_status, "to": new_status}
        if changes.get("reason"):
            details["reason"] = changes["reason"]
        PaymentEvent.objects.create(payment=payment, type=EventType.STATUS_CHANGED, actor=actor.email, details=details)

    attempts = changes.get("provider_attempts") or []
    if attempts:
        ProviderAttempt.objects.bulk_create(_attempts_build(payment, attempts))
        PaymentEvent.objects.create(
            payment=payment, type=EventType.ATTEMPTS_ADDED, actor=actor.email, details={"count": len(attempts)}
        )

    # updated_at moves with any change, attempts included.
    payment.save()

    logger.info(
        "payment_updated payment_id=%s user_id=%s status=%s fields=%s attempts_added=%d",
        payment.pk,
        actor.pk,
        new_status or "-",
        ",".join(edits) or "-",
        len(attempts),
    )
    return payment


@transaction.atomic
def payment_delete(*, payment: Payment, actor: User) -> None:
    payment_id = payment.pk
    payment.delete()
    logger.info("payment_deleted payment_id=%s user_id=%s", payment_id, actor.pk)


def _core_edits(payment: Payment, changes: dict) -> dict[str, tuple]:
    """Return {field: (old, new)} for each core field whose value really changes."""
    edits = {}
    for field in CORE_FIELDS:
        if field in changes and getattr(payment, field) != changes[field]:
            edits[field] = (getattr(payment, field), changes[field])

    for key, value in (changes.get("customer_details") or {}).items():
        old = getattr(payment, CUSTOMER_FIELDS[key])
        if old != value:
            edits[f"customer_details.{key}"] = (old, value)
    return edits


def _column_of(field: str) -> str:
    if field.startswith("customer_details."):
        return CUSTOMER_FIELDS[field.split(".", 1)[1]]
    return field


def _json_safe(edits: dict[str, tuple]) -> dict[str, list]:
    return {field: [old, new] for field, (old, new) in edits.items()}
