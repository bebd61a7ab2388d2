"""Generators for realistic demo payments, used by the seed_demo command."""
import datetime as dt
import random
import uuid
from dataclasses import dataclass

from accounts.models import Role
from payments.models import AttemptResult, EventType, Payment, PaymentEvent, PaymentStatus, PaymentType, ProviderAttempt

# Demo ids are derived from this namespace and the payment's index, so a second
# seed run recognises the payments it already created.
DEMO_NAMESPACE = uuid.UUID("6f1d7c1e-3b1a-4c55-9a3e-2f0b8c9d4e10")

# The documented local demo login, never a deployment's (hence the bandit suppression).
DEMO_PASSWORD = "admin123"  # nosec B105


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    trading_names: tuple[str, ...] = ()


DEMO_ACCOUNTS = (
    DemoAccount("parth@payments.com", Role.ADMIN),
    DemoAccount("finance@payments.com", Role.FINANCE),
    DemoAccount("arjun@payments.com", Role.MERCHANT, ("Spotify", "Deliveroo", "Monzo")),
    DemoAccount("meera@payments.com", Role.MERCHANT, ("Zalando", "Booking.com")),
    DemoAccount("tom@payments.com", Role.MERCHANT, ("Rakuten", "Canva", "Swiggy")),
)

# (currency, region, customer countries, typical amount in minor units)
MARKETS = (
    ("GBP", "UK", ("UK", "GB"), 2_500),
    ("EUR", "EU", ("DE", "FR", "NL", "ES", "IE"), 3_000),
    ("USD", "US", ("US",), 4_000),
    ("JPY", "APAC", ("JP",), 4_000),
    ("AUD", "APAC", ("AU",), 5_000),
    ("INR", "IN", ("IN",), 90_000),
)

# Provider: (median latency in ms, success probability).
PROVIDERS = {
    "Stripe": (140, 0.93),
    "Adyen": (180, 0.91),
    "Checkout.com": (210, 0.88),
    "PayPal": (320, 0.85),
    "Worldpay": (260, 0.82),
}

FIRST_NAMES = ("Ava", "Liam", "Noah", "Mia", "Aarav", "Sofia", "Yuki", "Lucas", "Zara", "Ethan", "Priya", "Hana")
LAST_NAMES = ("Reed", "Patel", "Müller", "Tanaka", "Garcia", "Smith", "Khan", "Dubois", "Rossi", "Kim")


def demo_payment_id(index: int) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"demo-payment-{index}")


def _latency(rng: random.Random, median_ms: int) -> int:
    # Latencies are long-tailed: log-normal around the provider's median.
    return min(600_000, max(20, int(rng.lognormvariate(0, 0.45) * median_ms)))


def _attempts_for(rng: random.Random, status: str) -> list[tuple[str, str, int]]:
    """Route through providers in a random order, falling back after each failure."""
    route = rng.sample(list(PROVIDERS), k=rng.randint(1, 4))
    attempts = []
    for position, provider in enumerate(route):
        median_ms, success_rate = PROVIDERS[provider]
        last = position == len(route) - 1
        if status == PaymentStatus.FAILED:
            succeeded = False
        elif status == PaymentStatus.SUCCESS and last:
            succeeded = True
        else:
            succeeded = rng.random() < success_rate
        attempts.append((provider, AttemptResult.SUCCESS if succeeded else AttemptResult.FAILURE, _latency(rng, median_ms)))
        if succeeded:
            break
    return attempts


def build_demo_payment(index: int, *, merchants: list, now: dt.datetime, reviewer_email: str):
    """Return the unsaved payment, its attempts and its events for demo payment `index`."""
    # A seeded generator makes the demo data repeatable; nothing here is secret.
    rng = random.Random(index)  # nosec B311
    account, trading_name = merchants[index % len(merchants)]
    currency, region, countries, typical_amount = rng.choice(MARKETS)
    status = rng.choices(PaymentStatus.values, weights=(15, 75, 10))[0]
    initiated_at = now - dt.timedelta(seconds=rng.randint(0, 90 * 24 * 3600))
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)

    payment = Payment(
        id=demo_payment_id(index),
        merchant=trading_name,
        payment_type=rng.choices(PaymentType.values, weights=(55, 25, 12, 8))[0],
        amount_minor=max(1, int(rng.lognormvariate(0, 0.8) * typical_amount)),
        currency=currency,
        region=region,
        status=status,
        created_by=account,
        initiated_at=initiated_at,
        customer_name=f"{first} {last}",
        customer_email=f"{first}.{last}{index}@example.com".lower().replace("ü", "u"),
        customer_country=rng.choice(countries),
    )

    attempts = []
    attempted_at = initiated_at
    for provider, result, latency_ms in _attempts_for(rng, status):
        attempted_at += dt.timedelta(milliseconds=latency_ms + rng.randint(50, 400))
        attempts.append(ProviderAttempt(payment=payment, provider=provider, result=result, latency_ms=latency_ms, attempted_at=attempted_at))

    events = [PaymentEvent(payment=payment, type=EventType.CREATED, actor=account.email, at=initiated_at, details={})]
    if status != PaymentStatus.PENDING:
        reviewed_at = attempted_at + dt.timedelta(minutes=rng.randint(1, 180))
        events.append(
            PaymentEvent(
                payment=payment,
                type=EventType.STATUS_CHANGED,
                actor=reviewer_email,
                at=reviewed_at,
                details={"from": PaymentStatus.PENDING, "to": status},
            )
        )
        payment.updated_at = reviewed_at
    return payment, attempts, events
