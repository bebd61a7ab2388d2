"""Analytics figures checked against the same figures computed here, in plain Python.

The payments are described as plain data first (`PAYMENTS`), stored through the
factories, and every expected figure is computed from that description, never
from the ORM, so a wrong aggregation, filter or scope in the API shows up.
"""
import datetime as dt
from collections import defaultdict

import pytest

from conftest import assert_error_envelope
from payments.tests.factories import PaymentFactory, ProviderAttemptFactory

UTC = dt.timezone.utc
STATUSES = ("failed", "pending", "success")


def at(day, hour=12, minute=0, second=0):
    return dt.datetime(2026, 1, day, hour, minute, second, tzinfo=UTC)


# (owner, currency, amount_minor, status, initiated_at, [(provider, result, latency_ms)])
# Latencies are chosen so that no average or rate falls exactly on a rounding tie.
PAYMENTS = [
    ("owner", "GBP", 1299, "success", at(1, 9), [("Stripe", "success", 101)]),
    ("owner", "GBP", 2500, "failed", at(2, 0, 0, 0), [("Stripe", "failure", 103), ("Adyen", "failure", 250)]),
    ("owner", "EUR", 3000, "pending", at(2, 23, 59, 59), [("Adyen", "success", 251), ("Stripe", "success", 100)]),
    ("owner", "JPY", 4000, "success", at(3, 0, 0, 0), [("PayPal", "success", 320)]),
    ("owner", "GBP", 10**12, "success", at(3, 15), [("Stripe", "failure", 97), ("PayPal", "success", 333)]),
    ("other", "GBP", 700, "pending", at(1, 23, 59, 59), [("Adyen", "failure", 199)]),
    ("other", "USD", 9900, "success", at(2, 12), [("Worldpay", "success", 260), ("Stripe", "success", 142)]),
    ("other", "EUR", 450, "failed", at(4, 0, 0, 1), []),
    ("admin", "GBP", 10, "success", at(2, 6), [("Stripe", "success", 111), ("Stripe", "failure", 112)]),
]

ROLES = {
    "owner": "merchant_client",
    "other": "other_merchant_client",
    "finance": "finance_client",
    "admin": "admin_client",
}

FILTERS = {
    "none": {},
    "status": {"status": "success"},
    "from": {"from": "2026-01-02"},
    "to": {"to": "2026-01-02"},
    "from and to": {"from": "2026-01-02", "to": "2026-01-03"},
    "status from and to": {"status": "success", "from": "2026-01-02", "to": "2026-01-03"},
    "datetimes": {"from": "2026-01-02T00:00:00Z", "to": "2026-01-03T00:00:00+00:00"},
    "nothing matches": {"from": "2030-01-01"},
}


@pytest.fixture
def analytics_payments(merchant_user, other_merchant_user, admin_user):
    """The payments of `PAYMENTS`, stored with their attempts."""
    owners = {"owner": merchant_user, "other": other_merchant_user, "admin": admin_user}
    for owner, currency, amount, status, initiated_at, attempts in PAYMENTS:
        payment = PaymentFactory(
            created_by=owners[owner], currency=currency, amount_minor=amount, status=status, initiated_at=initiated_at
        )
        for provider, result, latency in attempts:
            ProviderAttemptFactory(payment=payment, provider=provider, result=result, latency_ms=latency)


def _bound(value: str, upper: bool) -> tuple[dt.datetime, bool]:
    """Return (instant, inclusive) for a `from`/`to` value as the contract defines it."""
    if len(value) == 10:
        start = dt.datetime.fromisoformat(value).replace(tzinfo=UTC)
        return (start + dt.timedelta(days=1), False) if upper else (start, True)
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")), True


def matching(role: str, query: dict) -> list[tuple]:
    """The rows of `PAYMENTS` that `role` sees with the query's filters."""
    rows = [row for row in PAYMENTS if role in ("finance", "admin") or row[0] == role]
    if "status" in query:
        rows = [row for row in rows if row[3] == query["status"]]
    if "from" in query:
        lower, _ = _bound(query["from"], upper=False)
        rows = [row for row in rows if row[4] >= lower]
    if "to" in query:
        upper, inclusive = _bound(query["to"], upper=True)
        if inclusive:
            rows = [row for row in rows if row[4] <= upper]
        else:
            rows = [row for row in rows if row[4] < upper]
    return rows


def expected_volume(rows) -> list[dict]:
    totals = defaultdict(lambda: [0, 0])
    for _, currency, amount, *_ in rows:
        totals[currency][0] += amount
        totals[currency][1] += 1
    return [{"currency": code, "total_volume": total, "count": count} for code, (total, count) in sorted(totals.items())]


def expected_latency(rows) -> list[dict]:
    per_provider = defaultdict(list)
    for row in rows:
        for provider, result, latency in row[5]:
            per_provider[provider].append((result, latency))
    figures = []
    for provider, attempts in sorted(per_provider.items()):
        latencies = [latency for _, latency in attempts]
        successes = sum(1 for result, _ in attempts if result == "success")
        figures.append(
            {
                "provider": provider,
                "average_latency_ms": round(sum(latencies) / len(latencies), 1),
                "attempts": len(attempts),
                "success_rate": round(successes / len(attempts), 3),
            }
        )
    return figures


def expected_status(rows) -> list[dict]:
    return [{"status": status, "count": sum(1 for row in rows if row[3] == status)} for status in STATUSES]


EXPECTED = {
    "volume": expected_volume,
    "provider-latency": expected_latency,
    "status": expected_status,
}

CASES = [
    pytest.param(endpoint, role, name, id=f"{endpoint} as {role} with {name}")
    for endpoint in EXPECTED
    for role in ROLES
    for name in FILTERS
]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint, role, filter_name", CASES)
def test_analytics_matches_independent_figures(request, analytics_payments, endpoint, role, filter_name):
    client = request.getfixturevalue(ROLES[role])
    query = FILTERS[filter_name]

    response = client.get(f"/api/analytics/{endpoint}", query)

    assert response.status_code == 200, response.json()
    assert response.json() == {"status": 200, "data": EXPECTED[endpoint](matching(role, query))}


def test_filters_select_expected_rows():
    """Guard the test's own filter: the boundary rows fall on the intended side."""
    selected = matching("finance", {"from": "2026-01-02", "to": "2026-01-02"})

    assert {row[4] for row in selected} == {at(2, 0, 0, 0), at(2, 23, 59, 59), at(2, 12), at(2, 6)}


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["volume", "provider-latency"])
def test_analytics_empty_is_list(admin_client, endpoint):
    response = admin_client.get(f"/api/analytics/{endpoint}")

    assert response.json() == {"status": 200, "data": []}


@pytest.mark.django_db
def test_status_empty_lists_every_status(admin_client):
    response = admin_client.get("/api/analytics/status")

    assert response.json() == {"status": 200, "data": [{"status": status, "count": 0} for status in STATUSES]}


@pytest.mark.django_db
def test_volume_never_adds_currencies(admin_client, merchant_user):
    PaymentFactory(created_by=merchant_user, currency="GBP", amount_minor=100)
    PaymentFactory(created_by=merchant_user, currency="JPY", amount_minor=100)

    data = admin_client.get("/api/analytics/volume").json()["data"]

    assert data == [
        {"currency": "GBP", "total_volume": 100, "count": 1},
        {"currency": "JPY", "total_volume": 100, "count": 1},
    ]


@pytest.mark.django_db
def test_latency_rounds_average_and_rate(admin_client, pending_payment):
    for result, latency in (("success", 100), ("success", 100), ("failure", 101)):
        ProviderAttemptFactory(payment=pending_payment, provider="Stripe", result=result, latency_ms=latency)

    row = admin_client.get("/api/analytics/provider-latency").json()["data"][0]

    assert row["average_latency_ms"] == round(301 / 3, 1)
    assert row["success_rate"] == round(2 / 3, 3)


@pytest.mark.django_db
def test_latency_counts_attempts_of_filtered_payments(admin_client, merchant_user):
    """Attempts follow their payment's filter, not their own attempt time."""
    included = PaymentFactory(created_by=merchant_user, status="success")
    excluded = PaymentFactory(created_by=merchant_user, status="failed")
    ProviderAttemptFactory(payment=included, provider="Stripe", latency_ms=100)
    ProviderAttemptFactory(payment=excluded, provider="Stripe", latency_ms=900)

    data = admin_client.get("/api/analytics/provider-latency?status=success").json()["data"]

    assert data == [{"provider": "Stripe", "average_latency_ms": 100.0, "attempts": 1, "success_rate": 1.0}]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", list(EXPECTED))
def test_analytics_from_after_to_400(admin_client, endpoint):
    response = admin_client.get(f"/api/analytics/{endpoint}", {"from": "2026-01-03", "to": "2026-01-02"})

    assert_error_envelope(response, 400, "from")
