"""Finance work: the review queue, approvals, rejections, a lost race (409) and provider attempts."""
import re

import pytest
from playwright.sync_api import expect

from e2e.support import open_dialog, sign_in

pytestmark = pytest.mark.e2e


def queue_row(page, merchant_name):
    return page.get_by_test_id("payment-row").filter(has_text=merchant_name)


def test_finance_approves_and_rejects(page, finance, merchant, api):
    token = api.login(merchant)
    approve = api.create_payment(token, merchant="Approve Me Ltd")
    reject = api.create_payment(token, merchant="Reject Me Ltd")
    api.create_payment(token, merchant="Later Ltd")
    sign_in(page, finance)
    expect(page.get_by_test_id("payment-row")).to_have_count(3)

    queue_row(page, "Approve Me Ltd").get_by_test_id("approve").click()
    page.get_by_role("dialog").get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment approved.")).to_be_visible()
    expect(queue_row(page, "Approve Me Ltd")).to_have_count(0)

    queue_row(page, "Reject Me Ltd").get_by_test_id("reject").click()
    dialog = open_dialog(page)
    dialog.get_by_label("Reason (optional)").fill("Card reported stolen")
    dialog.get_by_role("button", name="Reject").click()
    expect(page.get_by_text("Payment rejected.")).to_be_visible()
    expect(page.get_by_test_id("payment-row")).to_have_count(1)

    finance_token = api.login(finance)
    assert api.request("GET", f"/payments/{approve['id']}", token=finance_token)["data"]["status"] == "success"
    assert api.request("GET", f"/payments/{reject['id']}", token=finance_token)["data"]["status"] == "failed"
    events = api.request("GET", f"/payments/{reject['id']}/events", token=finance_token)["data"]
    assert events[-1]["details"]["reason"] == "Card reported stolen"
    assert events[-1]["actor"] == finance.email


def test_second_review_explains_conflict(page, finance, admin, merchant, api):
    payment = api.create_payment(api.login(merchant), merchant="Race Ltd")
    sign_in(page, finance)
    page.goto(f"/payments/{payment['id']}")
    expect(page.get_by_test_id("detail-status")).to_have_text("pending")

    # Another reviewer decides first, while this page still shows the payment as pending.
    api.request("PATCH", f"/payments/{payment['id']}", {"status": "success"}, api.login(admin))
    page.get_by_test_id("reject").click()
    page.get_by_role("dialog").get_by_role("button", name="Reject").click()

    snackbar = page.locator("mat-snack-bar-container")
    expect(snackbar).to_contain_text("could not be rejected because it is no longer pending")
    expect(snackbar).to_contain_text("already been reviewed")
    expect(page.get_by_test_id("detail-status")).to_have_text("success")
    expect(page.get_by_test_id("reject")).to_have_count(0)


def test_cancelled_review_changes_nothing(page, finance, merchant, api):
    payment = api.create_payment(api.login(merchant), merchant="Undecided Ltd")
    sign_in(page, finance)

    queue_row(page, "Undecided Ltd").get_by_test_id("approve").click()
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()

    expect(queue_row(page, "Undecided Ltd")).to_have_count(1)
    assert api.request("GET", f"/payments/{payment['id']}", token=api.login(finance))["data"]["status"] == "pending"


def test_finance_adds_provider_attempt(page, finance, merchant, api):
    payment = api.create_payment(
        api.login(merchant),
        merchant="Retry Ltd",
        provider_attempts=[{"provider": "Stripe", "result": "failure", "latency_ms": 900}],
    )
    sign_in(page, finance)
    page.goto(f"/payments/{payment['id']}")
    expect(page.get_by_test_id("attempt")).to_have_count(1)
    expect(page.get_by_test_id("edit")).to_have_count(0)
    expect(page.get_by_test_id("delete")).to_have_count(0)

    page.get_by_test_id("add-attempts").click()
    dialog = open_dialog(page)
    dialog.get_by_label("Provider").fill("Adyen")
    dialog.get_by_label("Latency (ms)").fill("321")
    dialog.get_by_role("button", name="Add attempts").click()

    expect(page.get_by_test_id("attempt")).to_have_count(2)
    expect(page.get_by_test_id("attempt").last).to_contain_text("Adyen")
    expect(page.get_by_test_id("attempt").last).to_contain_text("321 ms")
    expect(page.get_by_test_id("history")).to_contain_text("1 provider attempt added")
    stored = api.request("GET", f"/payments/{payment['id']}", token=api.login(finance))["data"]
    assert [attempt["provider"] for attempt in stored["provider_attempts"]] == ["Stripe", "Adyen"]
    assert stored["status"] == "pending"


def test_attempt_latency_is_validated(page, finance, merchant, api):
    payment = api.create_payment(api.login(merchant), merchant="Slow Ltd")
    sign_in(page, finance)
    page.goto(f"/payments/{payment['id']}")

    page.get_by_test_id("add-attempts").click()
    dialog = open_dialog(page)
    dialog.get_by_label("Provider").fill("Adyen")
    dialog.get_by_label("Latency (ms)").fill("700000")
    dialog.get_by_role("button", name="Add attempts").click()

    expect(dialog.get_by_text("Latency must be at most 600000.")).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(1)
