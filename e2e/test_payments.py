"""The payment table, its filters, sorting and pages, creation by merchants and admin edits."""
import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import ApiError, open_dialog, sign_in

pytestmark = pytest.mark.e2e


def rows(page):
    return page.get_by_test_id("payment-row")


def fill_payment_form(dialog, *, merchant, amount, currency="GBP", region="UK", country="GB"):
    dialog.get_by_label("Merchant").fill(merchant)
    dialog.get_by_label("Currency").fill(currency)
    dialog.get_by_label("Amount").fill(amount)
    dialog.get_by_label("Region").fill(region)
    dialog.get_by_label("Name").fill("Ava Reed")
    dialog.get_by_label("E-mail").fill("ava.reed@example.com")
    dialog.get_by_label("Country").fill(country)


def test_merchant_creates_payment_and_sees_only_own(page, merchant, other_merchant, api):
    other = api.create_payment(api.login(other_merchant), merchant="Someone Else Ltd")
    sign_in(page, merchant)
    expect(page.get_by_test_id("empty-state")).to_have_text(re.compile("No payments match"))

    page.get_by_test_id("create-payment").click()
    dialog = open_dialog(page)
    fill_payment_form(dialog, merchant="Corner Shop", amount="12.99")
    dialog.get_by_role("button", name="Add attempt").click()
    dialog.get_by_label("Provider").fill("Stripe")
    dialog.get_by_label("Latency (ms)").fill("142")
    dialog.get_by_role("button", name="Create payment").click()

    expect(page).to_have_url(re.compile(r"/payments/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Corner Shop · £12.99")
    expect(page.get_by_test_id("detail-status")).to_have_text("pending")
    expect(page.get_by_test_id("attempt")).to_have_count(1)
    expect(page.get_by_test_id("attempt")).to_contain_text("Stripe")

    page.get_by_test_id("nav-payments").click()
    expect(rows(page)).to_have_count(1)
    expect(rows(page)).to_contain_text("Corner Shop")
    expect(page.get_by_text("Someone Else Ltd")).to_have_count(0)
    expect(page.get_by_role("columnheader", name="Created by")).to_have_count(0)

    # The server hides other merchants' payments even when the URL is typed in.
    page.goto(f"/payments/{other['id']}")
    expect(page.get_by_role("alert")).to_contain_text("Could not load this payment")
    expect(page.get_by_text("Someone Else Ltd")).to_have_count(0)


def test_create_shows_server_errors_beside_fields(page, merchant):
    sign_in(page, merchant)
    page.get_by_test_id("create-payment").click()
    dialog = open_dialog(page)
    fill_payment_form(dialog, merchant="Corner Shop", amount="10.00", currency="XQZ")
    dialog.get_by_role("button", name="Create payment").click()

    expect(dialog.get_by_test_id("currency-error")).to_be_visible()
    expect(dialog.get_by_test_id("form-error")).to_have_text(re.compile("Correct the highlighted fields"))
    expect(dialog.get_by_test_id("merchant-error")).to_have_count(0)

    dialog.get_by_label("Currency").fill("JPY")
    dialog.get_by_label("Amount").fill("10.5")
    expect(dialog.get_by_test_id("amount-error")).to_contain_text("JPY has no decimals")

    dialog.get_by_label("Amount").fill("1050")
    dialog.get_by_role("button", name="Create payment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Corner Shop · JP¥1,050")


def test_create_validates_before_sending(page, merchant):
    sign_in(page, merchant)
    page.get_by_test_id("create-payment").click()
    dialog = open_dialog(page)
    fill_payment_form(dialog, merchant="Corner Shop", amount="1.999", country="G8")
    dialog.get_by_role("button", name="Create payment").click()

    expect(dialog.get_by_test_id("amount-error")).to_contain_text("at most 2 decimals")
    expect(dialog.get_by_test_id("country-error")).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_test_id("empty-state")).to_be_visible()


def test_admin_edits_and_deletes_payment(page, admin, merchant, api):
    payment = api.create_payment(api.login(merchant), merchant="Typo Ltd", amount_minor=1000)
    sign_in(page, admin)
    page.goto(f"/payments/{payment['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Typo Ltd · £10.00")

    page.get_by_test_id("edit").click()
    dialog = open_dialog(page)
    dialog.get_by_label("Merchant").fill("Fixed Ltd")
    dialog.get_by_label("Amount").fill("15.50")
    dialog.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Fixed Ltd · £15.50")
    expect(page.get_by_test_id("history")).to_contain_text("Edited")
    stored = api.request("GET", f"/payments/{payment['id']}", token=api.login(admin))["data"]
    assert stored["merchant"] == "Fixed Ltd"
    assert stored["amount_minor"] == 1550
    assert stored["created_by"] == merchant.email

    page.get_by_test_id("delete").click()
    dialog = open_dialog(page)
    expect(dialog).to_contain_text("Fixed Ltd")
    dialog.get_by_role("button", name="Delete").click()

    expect(page).to_have_url(re.compile("/payments$"))
    expect(page.get_by_text("Payment deleted.")).to_be_visible()
    with pytest.raises(ApiError) as missing:
        api.request("GET", f"/payments/{payment['id']}", token=api.login(admin))
    assert missing.value.status == 404


def test_merchant_sees_no_admin_actions(page, merchant, api):
    payment = api.create_payment(api.login(merchant), merchant="Own Ltd")
    sign_in(page, merchant)
    page.goto(f"/payments/{payment['id']}")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Own Ltd")
    for action in ("approve", "reject", "add-attempts", "edit", "delete"):
        expect(page.get_by_test_id(action)).to_have_count(0)


@pytest.fixture
def many_payments(admin):
    """23 GBP payments, one a day back from now: amounts £10.00 to £32.00, every fifth one failed."""
    from django.contrib.auth import get_user_model

    from payments.tests.factories import PaymentFactory

    creator = get_user_model().objects.get(email=admin.email)
    now = timezone.now()
    for index in range(23):
        if index % 5 == 0:
            status = "failed"
        elif index % 2:
            status = "success"
        else:
            status = "pending"
        PaymentFactory(
            created_by=creator,
            merchant=f"Shop {index:02d}",
            amount_minor=1000 + index * 100,
            currency="GBP",
            status=status,
            initiated_at=now - dt.timedelta(days=index, minutes=5),
        )
    return now


def test_table_pages_sorts_and_filters(page, admin, many_payments):
    sign_in(page, admin)
    page.goto("/payments")
    paginator = page.locator("mat-paginator")
    expect(rows(page)).to_have_count(10)
    expect(paginator).to_contain_text("1 – 10 of 23")
    expect(rows(page).first).to_contain_text("Shop 00")

    page.get_by_role("button", name="Next page").click()
    expect(page).to_have_url(re.compile("page=2"))
    expect(paginator).to_contain_text("11 – 20 of 23")
    expect(rows(page).first).to_contain_text("Shop 10")
    page.reload()
    expect(paginator).to_contain_text("11 – 20 of 23")

    page.get_by_role("button", name="Amount").click()
    expect(page).to_have_url(re.compile("ordering=amount_minor"))
    expect(page).not_to_have_url(re.compile("page="))
    expect(rows(page).first.get_by_test_id("amount")).to_have_text("£10.00")
    page.get_by_role("button", name="Amount").click()
    expect(page).to_have_url(re.compile("ordering=-amount_minor"))
    expect(rows(page).first.get_by_test_id("amount")).to_have_text("£32.00")

    page.get_by_test_id("filter-status").click()
    page.get_by_role("option", name="failed").click()
    expect(page).to_have_url(re.compile("status=failed"))
    expect(rows(page)).to_have_count(5)
    for status in page.get_by_test_id("status").all_inner_texts():
        assert status.strip().lower() == "failed"

    page.get_by_role("button", name="Clear").click()
    expect(rows(page)).to_have_count(10)
    start = (many_payments - dt.timedelta(days=3)).date().isoformat()
    page.get_by_test_id("filter-from").fill(start)
    page.get_by_test_id("filter-to").fill(many_payments.date().isoformat())
    page.get_by_test_id("filter-apply").click()
    expect(page).to_have_url(re.compile(f"from={start}"))
    expect(rows(page)).to_have_count(4)
    expect(paginator).to_contain_text("1 – 4 of 4")


def test_reload_on_deep_link_keeps_page(page, admin, many_payments):
    sign_in(page, admin)
    page.goto("/payments?status=pending&ordering=amount_minor&limit=25")
    expect(rows(page)).to_have_count(9)
    first_amount = rows(page).first.get_by_test_id("amount").inner_text()

    page.reload()
    expect(page).to_have_url(re.compile(r"/payments\?status=pending&ordering=amount_minor&limit=25$"))
    expect(rows(page)).to_have_count(9)
    expect(rows(page).first.get_by_test_id("amount")).to_have_text(first_amount)

    rows(page).first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/payments/[0-9a-f-]{36}$"))
    heading = page.get_by_role("heading", level=1).inner_text()
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def test_phone_width_table_is_usable(page, admin, many_payments):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, admin)
    page.goto("/payments")

    expect(rows(page)).to_have_count(10)
    expect(page.get_by_role("columnheader", name="Type")).to_have_count(0)
    page.get_by_role("button", name="Open the navigation").click()
    page.get_by_test_id("nav-review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review queue")
