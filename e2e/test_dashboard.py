"""The dashboard's figures against the analytics API, with and without filters."""
import re

import pytest
from playwright.sync_api import expect

from e2e.support import sign_in

pytestmark = pytest.mark.e2e


def digits(text: str) -> int:
    """Returns the integer formed by the digits of a formatted amount: `£12.99` is 1299 minor units."""
    return int(re.sub(r"\D", "", text))


def assert_figures_match(page, api, token, query=""):
    volume = api.request("GET", f"/analytics/volume{query}", token=token)["data"]
    statuses = api.request("GET", f"/analytics/status{query}", token=token)["data"]
    latency = api.request("GET", f"/analytics/provider-latency{query}", token=token)["data"]

    for row in volume:
        expect(page.get_by_test_id(f"volume-count-{row['currency']}")).to_have_text(f"{row['count']:,} payments")
        assert digits(page.get_by_test_id(f"volume-{row['currency']}").inner_text()) == row["total_volume"]
    expect(page.get_by_test_id("card-volume").locator("[data-testid^=volume-count-]")).to_have_count(len(volume))

    for row in statuses:
        expect(page.get_by_test_id(f"status-{row['status']}")).to_have_text(f"{row['count']:,}")
    expect(page.get_by_test_id("status-total")).to_have_text(f"{sum(row['count'] for row in statuses):,}")

    attempts = sum(row["attempts"] for row in latency)
    if attempts:
        average = sum(row["average_latency_ms"] * row["attempts"] for row in latency) / attempts
        expect(page.get_by_test_id("latency-average")).to_have_text(f"{average:,.1f} ms")
    for row in latency:
        expect(page.get_by_test_id(f"provider-{row['provider']}")).to_contain_text(f"{row['average_latency_ms']:,.1f} ms")
    return volume, statuses, latency


def test_dashboard_figures_match_api(page, admin, merchant, api):
    token = api.login(merchant)
    api.create_payment(
        token,
        amount_minor=1299,
        currency="GBP",
        provider_attempts=[
            {"provider": "Stripe", "result": "failure", "latency_ms": 120},
            {"provider": "Adyen", "result": "success", "latency_ms": 305},
        ],
    )
    api.create_payment(token, amount_minor=2001, currency="GBP", provider_attempts=[{"provider": "Stripe", "result": "success", "latency_ms": 99}])
    api.create_payment(token, amount_minor=5000, currency="JPY")
    rejected = api.create_payment(token, amount_minor=1299, currency="KWD", provider_attempts=[{"provider": "Adyen", "result": "failure", "latency_ms": 40}])
    admin_token = api.login(admin)
    api.request("PATCH", f"/payments/{rejected['id']}", {"status": "failed"}, admin_token)

    sign_in(page, admin)
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    volume, statuses, latency = assert_figures_match(page, api, admin_token)
    assert {row["currency"] for row in volume} == {"GBP", "JPY", "KWD"}
    expect(page.get_by_test_id("volume-GBP")).to_have_text("£33.00")
    expect(page.get_by_test_id("volume-JPY")).to_have_text("JP¥5,000")
    expect(page.get_by_test_id("volume-KWD")).to_have_text(re.compile(r"KWD\s1\.299"))
    expect(page.get_by_test_id("status-failed")).to_have_text("1")
    expect(page.locator("canvas")).to_have_count(3)

    page.get_by_test_id("filter-status").click()
    page.get_by_role("option", name="failed").click()
    expect(page).to_have_url(re.compile("status=failed"))
    expect(page.get_by_test_id("status-pending")).to_have_text("0")
    assert_figures_match(page, api, admin_token, "?status=failed")
    expect(page.get_by_test_id("volume-GBP")).to_have_count(0)


def test_merchant_dashboard_is_scoped(page, merchant, other_merchant, api):
    api.create_payment(api.login(merchant), amount_minor=700, currency="EUR")
    api.create_payment(api.login(other_merchant), amount_minor=900, currency="USD")

    sign_in(page, merchant)
    page.get_by_test_id("nav-dashboard").click()

    expect(page.get_by_test_id("volume-EUR")).to_have_text("€7.00")
    expect(page.get_by_test_id("volume-USD")).to_have_count(0)
    expect(page.get_by_test_id("status-total")).to_have_text("1")


def test_dashboard_empty_state(page, admin):
    sign_in(page, admin)

    expect(page.get_by_test_id("card-volume")).to_contain_text("No payments match these filters.")
    expect(page.get_by_text("No provider attempts match these filters.")).to_be_visible()
    expect(page.get_by_test_id("status-total")).to_have_text("0")
