"""Helpers shared by the browser tests: accounts, a JSON client for /api/, sign-in and screenshots."""
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Test runs write here (git-ignored); set E2E_SCREENSHOT_DIR=docs/screenshots to refresh the README's pictures.
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOT_DIR", ROOT / "test-results" / "screenshots"))
PASSWORD = "correct-horse-battery-9"

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class Account:
    email: str
    password: str
    role: str


def create_account(email: str, role: str, password: str = PASSWORD) -> Account:
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(email=email, password=password, role=role)
    return Account(email=email, password=password, role=role)


class ApiError(Exception):
    def __init__(self, status: int, body: dict):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class Api:
    """A small JSON client for the live server's /api/, to set up and check data as a user would."""

    def __init__(self, base_url: str):
        self.base_url = base_url

    def request(self, method: str, path: str, body: dict | None = None, token: str | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base_url}/api{path}", data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")

        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raise ApiError(error.code, json.loads(error.read() or b"{}")) from None

    def login(self, account: Account) -> str:
        return self.request("POST", "/login", {"email": account.email, "password": account.password})["data"]["token"]

    def create_payment(self, token: str, **fields) -> dict:
        body = {
            "merchant": "Spotify",
            "payment_type": "subscription",
            "amount_minor": 1299,
            "currency": "GBP",
            "region": "UK",
            "customer_details": {"name": "Ava Reed", "email": "ava.reed@example.com", "country": "GB"},
            **fields,
        }
        return self.request("POST", "/payments", body, token)["data"]


def sign_in(page, account: Account, path: str = "/login"):
    """Signs in through the login form and waits until the app has left the login page."""
    page.goto(path)
    page.get_by_label("E-mail").fill(account.email)
    page.get_by_label("Password").fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)


def screenshot(page, name: str, full_page: bool = True):
    """Saves a screenshot of the current page for docs/screenshots, once its progress bars are gone."""
    page.wait_for_load_state("networkidle")
    page.locator("mat-progress-bar").first.wait_for(state="detached")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page, animations="disabled")


def open_dialog(page):
    """Returns the open dialog once it has moved focus inside, so that typing cannot race its autofocus."""
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    page.wait_for_function("document.activeElement?.closest('mat-dialog-container') != null")
    return dialog
