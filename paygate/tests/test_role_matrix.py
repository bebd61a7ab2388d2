"""Every endpoint and method, for each kind of caller, against the contract's status code.

The payment in each request is `pending_payment`, owned by `merchant_user`. The
actor "owner" is that merchant, and "other" is a second merchant. Bodies are valid for the
caller, so a refusal can only come from the role or scope check.
"""
import pytest
from rest_framework.test import APIClient

from accounts.services import tokens_issue
from accounts.tests.factories import DEFAULT_PASSWORD
from conftest import valid_payment_body

ACTORS = ("anonymous", "owner", "other", "finance", "admin")
USER_FIXTURES = {
    "owner": "merchant_user",
    "other": "other_merchant_user",
    "finance": "finance_user",
    "admin": "admin_user",
}


def _login_body(user, owner):
    account = user or owner
    return {"email": account.email, "password": DEFAULT_PASSWORD}


def _refresh_body(user, owner):
    return {"refresh": tokens_issue(user or owner)["refresh"]}


def _password_body(user, owner):
    return {"current_password": DEFAULT_PASSWORD, "new_password": "Brand-New-Passphrase-77"}


def _register_body(user, owner):
    return {"email": "new.merchant@example.com", "password": "Brand-New-Passphrase-77"}


def _payment_body(user, owner):
    return valid_payment_body()


def _review_body(user, owner):
    return {"status": "success"}


# (method, path, body builder, expected code per actor in ACTORS order)
MATRIX = [
    ("post", "/api/login", _login_body, (200, 200, 200, 200, 200)),
    ("post", "/api/token/refresh", _refresh_body, (200, 200, 200, 200, 200)),
    ("post", "/api/logout", _refresh_body, (401, 200, 200, 200, 200)),
    ("post", "/api/register", _register_body, (201, 201, 201, 201, 201)),
    ("get", "/api/me", None, (401, 200, 200, 200, 200)),
    ("delete", "/api/me", None, (401, 200, 200, 403, 403)),
    ("post", "/api/me/password", _password_body, (401, 200, 200, 200, 200)),
    ("get", "/api/payments", None, (401, 200, 200, 200, 200)),
    ("post", "/api/payments", _payment_body, (401, 201, 201, 403, 201)),
    ("get", "/api/payments/{id}", None, (401, 200, 404, 200, 200)),
    ("patch", "/api/payments/{id}", _review_body, (401, 403, 403, 200, 200)),
    ("put", "/api/payments/{id}", _review_body, (401, 403, 403, 200, 200)),
    ("delete", "/api/payments/{id}", None, (401, 403, 403, 403, 200)),
    ("get", "/api/payments/{id}/events", None, (401, 200, 404, 200, 200)),
    ("get", "/api/analytics/volume", None, (401, 200, 200, 200, 200)),
    ("get", "/api/analytics/provider-latency", None, (401, 200, 200, 200, 200)),
    ("get", "/api/analytics/status", None, (401, 200, 200, 200, 200)),
    ("get", "/api/health", None, (200, 200, 200, 200, 200)),
    ("get", "/api/schema", None, (200, 200, 200, 200, 200)),
]

CASES = [
    pytest.param(method, path, build_body, actor, expected[index], id=f"{method.upper()} {path} as {actor}")
    for method, path, build_body, expected in MATRIX
    for index, actor in enumerate(ACTORS)
]


@pytest.mark.django_db
@pytest.mark.parametrize("method, path, build_body, actor, expected", CASES)
def test_role_matrix(request, pending_payment, merchant_user, method, path, build_body, actor, expected):
    user = None if actor == "anonymous" else request.getfixturevalue(USER_FIXTURES[actor])
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_issue(user)['token']}")
    body = build_body(user, merchant_user) if build_body else None

    response = getattr(client, method)(path.format(id=pending_payment.pk), body, format="json")

    assert response.status_code == expected, response.content[:500]
    if path != "/api/schema":
        assert response.json()["status"] == expected
    if expected == 401:
        assert response["WWW-Authenticate"] == "Bearer"
