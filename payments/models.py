"""Payments, their provider attempts and their history."""
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

MAX_AMOUNT_MINOR = 10**12
MAX_LATENCY_MS = 600_000


class PaymentStatus(models.TextChoices):
    """The review state of a payment.

    pending: recorded, awaiting review. The only status a payment is created with.
    success / failed: reviewed. Both are final: only pending -> success and
        pending -> failed are allowed.
    """

    PENDING = "pending", "Pending"
    SUCCESS = "success", "Success"
    FAILED = "failed", "Failed"


class PaymentType(models.TextChoices):
    ONE_TIME = "one_time", "One-time"
    SUBSCRIPTION = "subscription", "Subscription"
    RECURRING = "recurring", "Recurring"
    REFUND = "refund", "Refund"


class AttemptResult(models.TextChoices):
    """The outcome of one try at a payment provider."""

    SUCCESS = "success", "Success"
    FAILURE = "failure", "Failure"


class Payment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    merchant = models.CharField(max_length=100, help_text="The merchant's trading name.")
    payment_type = models.CharField(max_length=16, choices=PaymentType.choices)
    amount_minor = models.BigIntegerField(help_text="Amount in the currency's minor unit (pence for GBP).")
    currency = models.CharField(max_length=3, help_text="ISO 4217 alphabetic code, upper-case.")
    region = models.CharField(max_length=16, help_text="Sales-region code, upper-case.")
    status = models.CharField(max_length=8, choices=PaymentStatus.choices, default=PaymentStatus.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="payments")
    initiated_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    customer_name = models.CharField(max_length=200)
    customer_email = models.EmailField(max_length=254)
    customer_country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code; UK is accepted.")

    class Meta:
        ordering = ["-initiated_at", "id"]
        indexes = [
            models.Index(fields=["created_by", "-initiated_at"], name="payment_creator_initiated_idx"),
            models.Index(fields=["status", "-initiated_at"], name="payment_status_initiated_idx"),
            models.Index(fields=["-initiated_at"], name="payment_initiated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_minor__gte=1, amount_minor__lte=MAX_AMOUNT_MINOR), name="payment_amount_in_range"
            ),
            models.CheckConstraint(condition=Q(status__in=PaymentStatus.values), name="payment_status_valid"),
        ]

    def __str__(self):
        return f"{self.merchant} {self.amount_minor} {self.currency} ({self.status})"


class ProviderAttempt(models.Model):
    """One try at a payment provider. Append-only: never edited or removed on its own."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="provider_attempts")
    provider = models.CharField(max_length=50)
    result = models.CharField(max_length=8, choices=AttemptResult.choices)
    latency_ms = models.PositiveIntegerField()
    attempted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["attempted_at", "id"]
        indexes = [models.Index(fields=["provider"], name="attempt_provider_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(latency_ms__lte=MAX_LATENCY_MS), name="attempt_latency_in_range"),
            models.CheckConstraint(condition=Q(result__in=AttemptResult.values), name="attempt_result_valid"),
        ]

    def __str__(self):
        return f"{self.provider} {self.result} {self.latency_ms}ms"


class EventType(models.TextChoices):
    CREATED = "created", "Created"
    STATUS_CHANGED = "status_changed", "Status changed"
    ATTEMPTS_ADDED = "attempts_added", "Attempts added"
    UPDATED = "updated", "Updated"


class PaymentEvent(models.Model):
    """One change to a payment, written in the same transaction as the change.

    Never edited; deleted only with its payment. The actor is kept as an e-mail
    string so the history outlives the acting account.
    """

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=16, choices=EventType.choices)
    actor = models.EmailField(max_length=254)
    at = models.DateTimeField(default=timezone.now)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.type} by {self.actor} at {self.at:%Y-%m-%d %H:%M:%S}"


class IdempotencyRecord(models.Model):
    """The stored outcome of a create request sent with an Idempotency-Key.

    Scoped to the calling account and honoured for 24 hours; the
    purge_idempotency_keys command deletes older ones.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    request_fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the canonical JSON request body.")
    response_status = models.PositiveSmallIntegerField()
    # Text, not jsonb: jsonb reorders keys, and a replay must return the first body as it was.
    response_body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_user_key_unique")]

    def __str__(self):
        return f"{self.key} ({self.response_status})"
