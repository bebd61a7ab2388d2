"""Signing in, landing pages, role guards, registration, session expiry and account deletion."""
import re

import pytest
from playwright.sync_api import expect

from e2e.support import ApiError, create_account, open_dialog, screenshot, sign_in

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("role", "landing", "heading"),
    [("admin", "/dashboard", "Dashboard"), ("finance", "/review", "Review queue"), ("merchant", "/payments", "Payments")],
)
def test_each_role_lands_on_its_page(page, role, landing, heading):
    account = create_account(f"{role}.user@paygate.test", role)

    sign_in(page, account)

    expect(page).to_have_url(re.compile(f"{landing}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_test_id("role")).to_have_text(role)


def test_wrong_password_shows_error(page, merchant):
    page.goto("/login")
    page.get_by_label("E-mail").fill(merchant.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_test_id("login-error")).to_be_visible()
    expect(page.get_by_test_id("login-error")).not_to_contain_text("{")
    expect(page).to_have_url(re.compile("/login$"))


def test_login_requires_valid_email(page):
    page.goto("/login")
    page.get_by_label("E-mail").fill("not-an-email")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_text("Enter a valid e-mail address.")).to_be_visible()


def test_signed_out_deep_link_returns_after_login(page, admin, api):
    token = api.login(admin)
    payment = api.create_payment(token, merchant="Deep Link Ltd")

    page.goto(f"/payments/{payment['id']}")
    expect(page).to_have_url(re.compile("/login\\?returnUrl="))
    sign_in(page, admin, path=page.url)

    expect(page).to_have_url(re.compile(f"/payments/{payment['id']}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Deep Link Ltd")


def test_merchant_cannot_open_review_queue(page, merchant):
    sign_in(page, merchant)

    expect(page.get_by_test_id("nav-review")).to_have_count(0)
    page.goto("/review")

    expect(page).to_have_url(re.compile("/payments$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Payments")


def test_finance_cannot_create_payments(page, finance):
    sign_in(page, finance)
    page.goto("/payments")

    expect(page.get_by_role("heading", level=1)).to_have_text("Payments")
    expect(page.get_by_test_id("create-payment")).to_have_count(0)


def test_register_shows_server_field_errors(page, merchant):
    page.goto("/register")
    page.get_by_label("E-mail").fill("new.shop@paygate.test")
    page.get_by_label("Password", exact=True).fill("12345678")
    page.get_by_label("Repeat the password").fill("12345678")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_test_id("password-error")).to_be_visible()
    expect(page).to_have_url(re.compile("/register$"))

    page.get_by_label("E-mail").fill(merchant.email)
    page.get_by_label("Password", exact=True).fill("a-long-unusual-passphrase-7")
    page.get_by_label("Repeat the password").fill("a-long-unusual-passphrase-7")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_test_id("email-error")).to_contain_text("already registered")


def test_register_signs_in_new_merchant(page):
    page.goto("/register")
    page.get_by_label("E-mail").fill("fresh.shop@paygate.test")
    page.get_by_label("Password", exact=True).fill("a-long-unusual-passphrase-7")
    page.get_by_label("Repeat the password").fill("a-long-unusual-passphrase-7")
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_url(re.compile("/payments$"))
    expect(page.get_by_test_id("role")).to_have_text("merchant")


def test_revoked_session_returns_to_login(page, admin, api):
    sign_in(page, admin)
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")

    # A password change elsewhere revokes every token this browser holds.
    token = api.login(admin)
    api.request("POST", "/me/password", {"current_password": admin.password, "new_password": "another-long-passphrase-8"}, token)
    page.get_by_test_id("nav-payments").click()

    expect(page).to_have_url(re.compile("/login\\?returnUrl=%2Fpayments"))
    expect(page.get_by_text("Your session has ended")).to_be_visible()


def test_logout_revokes_the_session(page, merchant, api):
    sign_in(page, merchant)
    refresh = page.evaluate("JSON.parse(sessionStorage.getItem('paygate.session')).refresh")
    page.get_by_test_id("account-menu").click()
    page.get_by_test_id("logout").click()

    expect(page).to_have_url(re.compile("/login$"))
    assert page.evaluate("sessionStorage.getItem('paygate.session')") is None
    with pytest.raises(ApiError) as rejected:
        api.request("POST", "/token/refresh", {"refresh": refresh})
    assert rejected.value.status == 401
    page.goto("/payments")
    expect(page).to_have_url(re.compile("/login\\?returnUrl=%2Fpayments"))


def test_merchant_deletes_account_and_is_logged_out(page, merchant, other_merchant, api):
    token = api.login(merchant)
    api.create_payment(token, merchant="Mine One")
    api.create_payment(token, merchant="Mine Two")
    other_token = api.login(other_merchant)
    kept = api.create_payment(other_token, merchant="Not Mine")

    sign_in(page, merchant)
    page.get_by_test_id("account-menu").click()
    page.get_by_test_id("delete-account").click()
    dialog = open_dialog(page)
    expect(dialog).to_contain_text(merchant.email)
    expect(dialog).to_contain_text("the 2 payments it created")
    screenshot(page, "delete-account-dialog", full_page=False)
    dialog.get_by_role("button", name="Delete account").click()

    expect(page).to_have_url(re.compile("/login\\?reason=deleted$"))
    expect(page.get_by_text("Your account and its payments have been deleted.")).to_be_visible()
    with pytest.raises(ApiError) as rejected:
        api.login(merchant)
    assert rejected.value.status == 401
    assert api.request("GET", f"/payments/{kept['id']}", token=api.login(other_merchant))["data"]["merchant"] == "Not Mine"


def test_admin_has_no_delete_account(page, admin):
    sign_in(page, admin)
    page.get_by_test_id("account-menu").click()

    expect(page.get_by_test_id("logout")).to_be_visible()
    expect(page.get_by_test_id("delete-account")).to_have_count(0)
