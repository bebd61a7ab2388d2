"""Screenshots of the main pages on the demo data, desktop and phone width, for docs/screenshots."""
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from e2e.support import Account, DESKTOP, PHONE, open_dialog, screenshot, sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo_accounts():
    from payments.demo_data import DEMO_PASSWORD

    call_command("seed_demo", payments=200, stdout=io.StringIO())
    return {
        "admin": Account("parth@payments.com", DEMO_PASSWORD, "admin"),
        "finance": Account("finance@payments.com", DEMO_PASSWORD, "finance"),
        "merchant": Account("arjun@payments.com", DEMO_PASSWORD, "merchant"),
    }


def test_screenshots_of_main_pages(page, demo_accounts):
    page.goto("/login")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Paygate")
    screenshot(page, "login")

    sign_in(page, demo_accounts["admin"])
    expect(page.get_by_test_id("status-total")).to_have_text("200")
    page.wait_for_timeout(800)  # Chart.js animates its first draw.
    screenshot(page, "dashboard")

    page.get_by_test_id("nav-payments").click()
    expect(page.get_by_test_id("payment-row")).to_have_count(10)
    screenshot(page, "payments-table")

    page.get_by_test_id("create-payment").click()
    dialog = open_dialog(page)
    dialog.get_by_label("Merchant").fill("Spotify")
    dialog.get_by_label("Amount").fill("12.99")
    dialog.get_by_label("Region").fill("UK")
    dialog.get_by_label("Name").fill("Ava Reed")
    dialog.get_by_label("E-mail").fill("ava.reed@example.com")
    dialog.get_by_label("Country").fill("GB")
    dialog.get_by_role("button", name="Add attempt").click()
    dialog.get_by_label("Provider").fill("Stripe")
    dialog.get_by_label("Latency (ms)").fill("142")
    screenshot(page, "create-payment-dialog", full_page=False)
    dialog.get_by_role("button", name="Cancel").click()

    page.get_by_test_id("payment-row").first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/payments/[0-9a-f-]{36}$"))
    expect(page.get_by_test_id("attempts")).to_be_visible()
    screenshot(page, "payment-detail")


def test_screenshots_of_review_queue(page, demo_accounts):
    sign_in(page, demo_accounts["finance"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Review queue")
    expect(page.get_by_test_id("payment-row").first).to_be_visible()
    screenshot(page, "review-queue")


def test_screenshots_at_phone_width(page, demo_accounts):
    page.set_viewport_size(PHONE)
    page.goto("/login")
    screenshot(page, "phone-login")

    sign_in(page, demo_accounts["merchant"])
    expect(page.get_by_test_id("payment-row").first).to_be_visible()
    screenshot(page, "phone-payments-table")

    page.get_by_test_id("payment-row").first.get_by_role("link").click()
    expect(page.get_by_test_id("attempts")).to_be_visible()
    screenshot(page, "phone-payment-detail")
    page.set_viewport_size(DESKTOP)
