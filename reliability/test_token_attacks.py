"""Forged, stolen, stale and malformed credentials against the live server.

Every attack must be a 401 in the envelope, with `WWW-Authenticate: Bearer` and
no `data`. Forged tokens are built from a real one, so that each differs from a
valid token in one respect only. A control re-signs a token unchanged and
checks that it is accepted, which proves that the forging itself is sound.
"""
import base64
import json
import secrets
import time

import jwt
import pytest

from reliability.client import api_request, envelope_problems

pytestmark = pytest.mark.live

PROTECTED_PATHS = ("/api/me", "/api/payments")


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _claims(stack, token: str) -> dict:
    return jwt.decode(token, stack.secret_key, algorithms=["HS256"])


def _resigned(stack, token: str, **changes) -> str:
    """Return the token with some claims changed, signed again with the server's real key."""
    claims = {**_claims(stack, token), **changes}
    return jwt.encode(claims, stack.secret_key, algorithm="HS256")


def _register_and_login(stack) -> tuple[str, str, dict]:
    """Register a fresh merchant; return its e-mail, password and login data."""
    email = f"attack-{secrets.token_hex(6)}@example.com"
    password = secrets.token_urlsafe(16)
    registered = api_request(stack.base_url, "POST", "/api/register", json={"email": email, "password": password})
    assert registered.status_code == 201, registered.text
    login = api_request(stack.base_url, "POST", "/api/login", json={"email": email, "password": password})
    assert login.status_code == 200, login.text
    return email, password, login.json()["data"]


def assert_rejected(response):
    assert response.status_code == 401, response.text
    assert response.headers.get("WWW-Authenticate", "").startswith("Bearer")
    assert envelope_problems(response) == []
    assert "data" not in response.json()


def test_resigned_unchanged_token_is_accepted(stack, role_tokens):
    token = _resigned(stack, role_tokens["merchant"]["token"])

    response = api_request(stack.base_url, "GET", "/api/me", token=token)

    assert response.status_code == 200, response.text
    assert response.json()["data"]["email"] == role_tokens["merchant"]["email"]


def _forged_tokens(stack, role_tokens) -> dict[str, str]:
    access = role_tokens["merchant"]["token"]
    header, payload, signature = access.split(".")
    claims = _claims(stack, access)
    admin_id = _claims(stack, role_tokens["admin"]["token"])["user_id"]
    now = int(time.time())

    edited_payload = _b64url(json.dumps({**claims, "user_id": admin_id}).encode())
    unsigned_header = _b64url(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    return {
        "refresh token as access": role_tokens["merchant"]["refresh"],
        "alg none": f"{unsigned_header}.{payload}.",
        "alg none, edited payload": f"{unsigned_header}.{edited_payload}.",
        "edited payload, original signature": f"{header}.{edited_payload}.{signature}",
        "signature removed": f"{header}.{payload}.",
        "signed with another key": jwt.encode(claims, secrets.token_urlsafe(48), algorithm="HS256"),
        "signed with HS512": jwt.encode(claims, stack.secret_key, algorithm="HS512"),
        # The server accepts 30 seconds of clock skew; two minutes is past it.
        "expired": _resigned(stack, access, iat=now - 3600, exp=now - 120),
        "account never existed": _resigned(stack, access, user_id=2_000_000_000),
        "token type changed to refresh": _resigned(stack, access, token_type="refresh"),
        "garbage": secrets.token_urlsafe(40),
    }


FORGERIES = [
    "refresh token as access",
    "alg none",
    "alg none, edited payload",
    "edited payload, original signature",
    "signature removed",
    "signed with another key",
    "signed with HS512",
    "expired",
    "account never existed",
    "token type changed to refresh",
    "garbage",
]


@pytest.mark.parametrize("path", PROTECTED_PATHS)
@pytest.mark.parametrize("forgery", FORGERIES)
def test_forged_token_is_rejected(stack, role_tokens, forgery, path):
    token = _forged_tokens(stack, role_tokens)[forgery]

    assert_rejected(api_request(stack.base_url, "GET", path, token=token))


def test_token_of_deleted_account_is_rejected(stack):
    _, _, login = _register_and_login(stack)
    deleted = api_request(stack.base_url, "DELETE", "/api/me", token=login["token"])
    assert deleted.status_code == 200, deleted.text

    for path in PROTECTED_PATHS:
        assert_rejected(api_request(stack.base_url, "GET", path, token=login["token"]))
    refreshed = api_request(stack.base_url, "POST", "/api/token/refresh", json={"refresh": login["refresh"]})
    assert_rejected(refreshed)


def test_token_of_inactive_account_is_rejected(stack):
    email, _, login = _register_and_login(stack)
    # An operator deactivates the account (the Django admin's "active" box).
    stack.sql("UPDATE accounts_user SET is_active = false WHERE email = %s", (email,))

    for path in PROTECTED_PATHS:
        assert_rejected(api_request(stack.base_url, "GET", path, token=login["token"]))
    refreshed = api_request(stack.base_url, "POST", "/api/token/refresh", json={"refresh": login["refresh"]})
    assert_rejected(refreshed)


def test_token_from_before_password_change_is_rejected(stack):
    _, password, login = _register_and_login(stack)
    changed = api_request(
        stack.base_url,
        "POST",
        "/api/me/password",
        token=login["token"],
        json={"current_password": password, "new_password": secrets.token_urlsafe(16)},
    )
    assert changed.status_code == 200, changed.text

    assert_rejected(api_request(stack.base_url, "GET", "/api/me", token=login["token"]))
    refreshed = api_request(stack.base_url, "POST", "/api/token/refresh", json={"refresh": login["refresh"]})
    assert_rejected(refreshed)


MALFORMED_HEADERS = {
    "no scheme": lambda token: token,
    "wrong scheme": lambda token: f"Token {token}",
    "basic scheme": lambda token: "Basic " + _b64url(b"parth@payments.com:admin123"),
    "empty": lambda token: "",
    "scheme only": lambda token: "Bearer",
    "scheme and blank": lambda token: "Bearer ",
    "extra parts": lambda token: f"Bearer {token} extra",
    "lower-case scheme": lambda token: f"bearer {token}",
    "non-ASCII token": lambda token: "Bearer jéton-ñ".encode("latin-1"),
    "UTF-8 token": lambda token: "Bearer токен".encode("utf-8"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED_HEADERS))
def test_malformed_authorization_header_is_rejected(stack, role_tokens, case):
    value = MALFORMED_HEADERS[case](role_tokens["merchant"]["token"])

    response = api_request(stack.base_url, "GET", "/api/me", headers={"Authorization": value})

    assert_rejected(response)


def test_header_with_nul_is_refused_by_gunicorn(stack, role_tokens):
    # RFC 9110 forbids NUL in a field value, so gunicorn returns 400 itself, in
    # its own HTML page, before Paygate receives the request. Nothing is served.
    token = role_tokens["merchant"]["token"]
    value = f"Bearer {token[:10]}\x00{token[10:]}".encode("latin-1")

    response = api_request(stack.base_url, "GET", "/api/me", headers={"Authorization": value})

    assert response.status_code == 400
    assert "Invalid HTTP Header" in response.text
