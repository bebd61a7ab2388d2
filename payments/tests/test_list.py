"""GET /api/payments: date filters at their boundaries, pagination, ordering and query count."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from payments.tests.factories import PaymentFactory, ProviderAttemptFactory

UTC = dt.timezone.utc
ORDERING_FIELDS = ("initiated_at", "amount_minor", "status", "merchant", "currency")


def at(day, hour=0, minute=0, second=0, microsecond=0):
    return dt.datetime(2026, 1, day, hour, minute, second, microsecond, tzinfo=UTC)


@pytest.fixture
def payments_around_midnight(merchant_user):
    """Payments just before, at and just after the midnights around 2 January 2026 (UTC)."""
    times = {
        "jan1_last_second": at(1, 23, 59, 59),
        "jan2_midnight": at(2),
        "jan2_last_second": at(2, 23, 59, 59),
        "jan2_last_microsecond": at(2, 23, 59, 59, 999_999),
        "jan3_midnight": at(3),
    }
    return {name: PaymentFactory(created_by=merchant_user, initiated_at=time) for name, time in times.items()}


def _listed(client, path, query):
    response = client.get(path, {**query, "limit": 100})
    assert response.status_code == 200, response.json()
    return response.json()["data"]


def _names(payments_by_name, data):
    ids = {payment["id"] for payment in data["payments"]}
    return {name for name, payment in payments_by_name.items() if str(payment.pk) in ids}


@pytest.mark.django_db
def test_to_date_includes_whole_day(merchant_client, payments_around_midnight):
    data = _listed(merchant_client, "/api/payments", {"to": "2026-01-02"})

    assert _names(payments_around_midnight, data) == {
        "jan1_last_second",
        "jan2_midnight",
        "jan2_last_second",
        "jan2_last_microsecond",
    }


@pytest.mark.django_db
def test_from_date_starts_at_midnight(merchant_client, payments_around_midnight):
    data = _listed(merchant_client, "/api/payments", {"from": "2026-01-02"})

    assert _names(payments_around_midnight, data) == {
        "jan2_midnight",
        "jan2_last_second",
        "jan2_last_microsecond",
        "jan3_midnight",
    }


@pytest.mark.django_db
def test_same_day_from_and_to(merchant_client, payments_around_midnight):
    data = _listed(merchant_client, "/api/payments", {"from": "2026-01-02", "to": "2026-01-02"})

    assert _names(payments_around_midnight, data) == {"jan2_midnight", "jan2_last_second", "jan2_last_microsecond"}


@pytest.mark.django_db
def test_to_datetime_is_inclusive_instant(merchant_client, payments_around_midnight):
    data = _listed(merchant_client, "/api/payments", {"to": "2026-01-02T23:59:59Z"})

    assert _names(payments_around_midnight, data) == {"jan1_last_second", "jan2_midnight", "jan2_last_second"}


@pytest.mark.django_db
def test_from_datetime_with_positive_offset(merchant_client, payments_around_midnight):
    # 01:00 at +01:00 is midnight UTC.
    data = _listed(merchant_client, "/api/payments", {"from": "2026-01-02T01:00:00+01:00"})

    assert "jan2_midnight" in _names(payments_around_midnight, data)
    assert "jan1_last_second" not in _names(payments_around_midnight, data)


@pytest.mark.django_db
def test_to_datetime_with_negative_offset(merchant_client, payments_around_midnight):
    # 23:00 on 2 January at -01:00 is midnight UTC on 3 January.
    data = _listed(merchant_client, "/api/payments", {"to": "2026-01-02T23:00:00-01:00"})

    assert "jan3_midnight" in _names(payments_around_midnight, data)


@pytest.mark.django_db
def test_datetime_without_offset_is_utc(merchant_client, payments_around_midnight):
    data = _listed(merchant_client, "/api/payments", {"from": "2026-01-03T00:00:00"})

    assert _names(payments_around_midnight, data) == {"jan3_midnight"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected_count",
    [
        ({"to": "2026-01-02"}, 4),
        ({"from": "2026-01-02"}, 4),
        ({"from": "2026-01-02", "to": "2026-01-02"}, 3),
        ({"from": "2026-01-02T00:00:00Z", "to": "2026-01-02T23:59:59Z"}, 2),
    ],
)
def test_analytics_date_boundaries(merchant_client, payments_around_midnight, query, expected_count):
    """The analytics endpoints apply the same bounds as the list (counts follow the fixture's five times)."""
    status_rows = merchant_client.get("/api/analytics/status", query).json()["data"]
    volume_rows = merchant_client.get("/api/analytics/volume", query).json()["data"]

    assert sum(row["count"] for row in status_rows) == expected_count
    assert sum(row["count"] for row in volume_rows) == expected_count


# Pagination and ordering


@pytest.fixture
def twenty_five_payments(merchant_user):
    """25 payments at distinct times, one minute apart."""
    return [PaymentFactory(created_by=merchant_user, initiated_at=at(5) + dt.timedelta(minutes=index)) for index in range(25)]


@pytest.mark.django_db
def test_list_defaults(merchant_client, twenty_five_payments):
    data = merchant_client.get("/api/payments").json()["data"]

    newest_first = sorted(twenty_five_payments, key=lambda payment: payment.initiated_at, reverse=True)
    assert [payment["id"] for payment in data["payments"]] == [str(payment.pk) for payment in newest_first[:10]]
    assert data["page"] == 1
    assert data["limit"] == 10
    assert data["total"] == 25


@pytest.mark.django_db
def test_list_last_partial_page(merchant_client, twenty_five_payments):
    data = merchant_client.get("/api/payments", {"page": 3}).json()["data"]

    assert len(data["payments"]) == 5
    assert data["page"] == 3
    assert data["total"] == 25


@pytest.mark.django_db
def test_list_page_past_last_empty(merchant_client, twenty_five_payments):
    response = merchant_client.get("/api/payments", {"page": 4, "limit": 10})

    assert response.json() == {"status": 200, "data": {"payments": [], "page": 4, "limit": 10, "total": 25}}


@pytest.mark.django_db
def test_list_total_counts_filtered_rows(merchant_client, twenty_five_payments):
    PaymentFactory(created_by=twenty_five_payments[0].created_by, status="success")

    data = merchant_client.get("/api/payments", {"status": "success", "limit": 1}).json()["data"]

    assert data["total"] == 1


@pytest.fixture
def payments_with_ties(merchant_user):
    """18 payments where every ordering field has ties: three values each, six rows per value."""
    payments = []
    for index in range(18):
        payments.append(
            PaymentFactory(
                created_by=merchant_user,
                initiated_at=at(10 + index % 3),
                amount_minor=100 * (1 + index % 3),
                status=("pending", "success", "failed")[index % 3],
                merchant=("Alpha", "Bravo", "Charlie")[index % 3],
                currency=("EUR", "GBP", "USD")[index % 3],
            )
        )
    return payments


def _walk_pages(client, ordering, limit):
    ids, page = [], 1
    while True:
        data = client.get("/api/payments", {"ordering": ordering, "limit": limit, "page": page}).json()["data"]
        if not data["payments"]:
            return ids
        ids.extend(payment["id"] for payment in data["payments"])
        page += 1


@pytest.mark.django_db
@pytest.mark.parametrize("ordering", [prefix + field for field in ORDERING_FIELDS for prefix in ("", "-")])
def test_ordering_walks_every_row_once(merchant_client, payments_with_ties, ordering):
    field = ordering.lstrip("-")
    descending = ordering.startswith("-")

    ids = _walk_pages(merchant_client, ordering, limit=4)

    # Sort by id first, then (stably) by the field: ties stay in ascending id order.
    expected = sorted(payments_with_ties, key=lambda payment: payment.pk)
    expected.sort(key=lambda payment: getattr(payment, field), reverse=descending)
    assert ids == [str(payment.pk) for payment in expected]
    assert len(set(ids)) == len(payments_with_ties)


# Query count


def _list_query_count(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/payments", {"limit": 100})
    assert response.status_code == 200
    return len(queries), response.json()["data"]["total"]


@pytest.mark.django_db
def test_list_query_count_constant(merchant_client, merchant_user):
    payment = PaymentFactory(created_by=merchant_user)
    ProviderAttemptFactory.create_batch(3, payment=payment)
    queries_for_one, total_for_one = _list_query_count(merchant_client)

    for _ in range(49):
        ProviderAttemptFactory.create_batch(3, payment=PaymentFactory(created_by=merchant_user))
    queries_for_fifty, total_for_fifty = _list_query_count(merchant_client)

    assert total_for_one == 1
    assert total_for_fifty == 50
    assert queries_for_fifty == queries_for_one


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/payments", "/api/analytics/status"])
def test_to_last_representable_date(merchant_client, payments_around_midnight, path):
    """The last day Python can represent is a valid bound, not a server error."""
    response = merchant_client.get(path, {"to": "9999-12-31"})

    assert response.status_code == 200, response.content[:300]
