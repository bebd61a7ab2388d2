"""Login, token refresh, logout, registration, /api/me, password change and login throttling."""
import pytest
from django.contrib.auth.hashers import make_password
from rest_framework.test import APIClient

from accounts.models import User
from accounts.services import tokens_issue
from accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from conftest import assert_error_envelope, row_counts

NEW_PASSWORD = "Brand-New-Passphrase-77"
ARGON2_FIRST = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]


def _bearer(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def _login(email, password=DEFAULT_PASSWORD):
    return APIClient().post("/api/login", {"email": email, "password": password}, format="json")


def _refresh(refresh):
    return APIClient().post("/api/token/refresh", {"refresh": refresh}, format="json")


@pytest.fixture
def inactive_user(db):
    return UserFactory(email="inactive@example.com", is_active=False)


# Login


@pytest.mark.django_db
def test_login_success_body(merchant_user):
    body = _login("merchant@example.com").json()

    tokens = {"token": body["data"].pop("token"), "refresh": body["data"].pop("refresh")}
    assert body == {"status": 200, "message": "Login successful", "data": {"email": "merchant@example.com", "role": "merchant"}}
    assert all(isinstance(value, str) and value for value in tokens.values())


@pytest.mark.django_db
def test_login_token_authenticates(merchant_user):
    token = _login("merchant@example.com").json()["data"]["token"]

    assert _bearer(token).get("/api/me").json()["data"]["email"] == "merchant@example.com"


@pytest.mark.django_db
def test_login_email_case_insensitive(merchant_user):
    response = _login("  Merchant@EXAMPLE.com ")

    assert response.status_code == 200, response.json()


@pytest.mark.django_db
def test_login_failures_look_alike(merchant_user, inactive_user):
    unknown = _login("nobody@example.com")
    wrong_password = _login("merchant@example.com", "Wrong-Password-1")
    inactive = _login("inactive@example.com")

    for response in (unknown, wrong_password, inactive):
        assert_error_envelope(response, 401)
        assert response["WWW-Authenticate"] == "Bearer"
    assert unknown.json() == wrong_password.json()
    assert wrong_password.json() == inactive.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, field",
    [
        ({"email": ["merchant@example.com"], "password": DEFAULT_PASSWORD}, "email"),
        ({"email": "merchant@example.com", "password": 12345678}, "password"),
        ({"email": None, "password": DEFAULT_PASSWORD}, "email"),
        ({"email": "merchant@example.com"}, "password"),
        ({"email": "merchant@example.com", "password": DEFAULT_PASSWORD, "role": "admin"}, "role"),
    ],
)
def test_login_invalid_body_400(merchant_user, body, field):
    response = APIClient().post("/api/login", body, format="json")

    assert_error_envelope(response, 400, field)


# Refresh and logout


@pytest.mark.django_db
def test_refresh_rotates_tokens(merchant_user):
    old = tokens_issue(merchant_user)

    response = _refresh(old["refresh"])

    data = response.json()["data"]
    assert response.status_code == 200
    assert data["refresh"] != old["refresh"]
    assert _bearer(data["token"]).get("/api/me").status_code == 200
    assert _refresh(data["refresh"]).status_code == 200


@pytest.mark.django_db
def test_refresh_old_token_rejected(merchant_user):
    old = tokens_issue(merchant_user)
    _refresh(old["refresh"])

    response = _refresh(old["refresh"])

    assert_error_envelope(response, 401)
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.django_db
@pytest.mark.parametrize("refresh", ["not-a-token", "a.b.c"])
def test_refresh_invalid_token_401(db, refresh):
    assert_error_envelope(_refresh(refresh), 401)


@pytest.mark.django_db
def test_refresh_access_token_rejected(merchant_user):
    assert_error_envelope(_refresh(tokens_issue(merchant_user)["token"]), 401)


@pytest.mark.django_db
def test_logout_revokes_refresh(merchant_user):
    tokens = tokens_issue(merchant_user)

    response = _bearer(tokens["token"]).post("/api/logout", {"refresh": tokens["refresh"]}, format="json")

    assert response.json() == {"status": 200, "message": "Logged out"}
    assert_error_envelope(_refresh(tokens["refresh"]), 401)


# Registration


@pytest.mark.django_db
def test_register_creates_merchant(db):
    response = APIClient().post("/api/register", {"email": "New@Example.com", "password": NEW_PASSWORD}, format="json")

    assert response.status_code == 201
    assert response.json() == {
        "status": 201,
        "message": "User registered",
        "data": {"email": "new@example.com", "role": "merchant"},
    }
    assert User.objects.get(email="new@example.com").check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_register_explicit_merchant_role(db):
    body = {"email": "new@example.com", "password": NEW_PASSWORD, "role": "merchant"}

    assert APIClient().post("/api/register", body, format="json").status_code == 201


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["merchant@example.com", "MERCHANT@example.com", "Merchant@Example.Com"])
def test_register_duplicate_409(merchant_user, email):
    before = row_counts()

    response = APIClient().post("/api/register", {"email": email, "password": NEW_PASSWORD}, format="json")

    assert_error_envelope(response, 409)
    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, field",
    [
        ({"email": "new@example.com", "password": NEW_PASSWORD, "role": "admin"}, "role"),
        ({"email": "new@example.com", "password": NEW_PASSWORD, "role": "finance"}, "role"),
        ({"email": "new@example.com", "password": "short"}, "password"),
        ({"email": "new@example.com", "password": "password123"}, "password"),
        ({"email": "new@example.com", "password": "1234567890123"}, "password"),
        ({"email": "new@example.com", "password": "new@example.com"}, "password"),
        ({"email": "not-an-email", "password": NEW_PASSWORD}, "email"),
        ({"email": "new@example.com"}, "password"),
    ],
)
def test_register_invalid_400(db, body, field):
    before = row_counts()

    response = APIClient().post("/api/register", body, format="json")

    assert_error_envelope(response, 400, field)
    assert row_counts() == before


# /api/me and the password change


@pytest.mark.django_db
def test_me_returns_account(merchant_client, merchant_user):
    response = merchant_client.get("/api/me")

    assert response.json() == {
        "status": 200,
        "data": {
            "email": "merchant@example.com",
            "role": "merchant",
            "date_joined": merchant_user.date_joined.isoformat().replace("+00:00", "Z"),
        },
    }


@pytest.mark.django_db
def test_password_change_success(merchant_user):
    tokens = tokens_issue(merchant_user)

    response = _bearer(tokens["token"]).post(
        "/api/me/password", {"current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD}, format="json"
    )

    assert response.json() == {"status": 200, "message": "Password changed"}
    assert _login("merchant@example.com", NEW_PASSWORD).status_code == 200
    assert _login("merchant@example.com", DEFAULT_PASSWORD).status_code == 401


@pytest.mark.django_db
def test_password_change_revokes_old_tokens(merchant_user):
    tokens = tokens_issue(merchant_user)
    _bearer(tokens["token"]).post(
        "/api/me/password", {"current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD}, format="json"
    )

    assert_error_envelope(_bearer(tokens["token"]).get("/api/me"), 401)
    assert_error_envelope(_refresh(tokens["refresh"]), 401)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, field",
    [
        ({"current_password": "Wrong-Password-1", "new_password": NEW_PASSWORD}, "current_password"),
        ({"current_password": DEFAULT_PASSWORD, "new_password": "short"}, "new_password"),
        ({"current_password": DEFAULT_PASSWORD}, "new_password"),
    ],
)
def test_password_change_invalid_400(merchant_client, merchant_user, body, field):
    response = merchant_client.post("/api/me/password", body, format="json")

    assert_error_envelope(response, 400, field)
    merchant_user.refresh_from_db()
    assert merchant_user.check_password(DEFAULT_PASSWORD)


# Tokens that must be rejected


@pytest.mark.django_db
def test_deleted_user_token_401(merchant_user):
    token = tokens_issue(merchant_user)["token"]
    User.objects.filter(pk=merchant_user.pk).delete()

    response = _bearer(token).get("/api/me")

    assert_error_envelope(response, 401)
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.django_db
@pytest.mark.parametrize("authorization", [None, "Bearer", "Bearer not-a-jwt", "Token abc", "Bearer a.b.c"])
def test_bad_authorization_401(db, authorization):
    client = APIClient()
    if authorization is not None:
        client.credentials(HTTP_AUTHORIZATION=authorization)

    response = client.get("/api/payments")

    assert_error_envelope(response, 401)
    assert response["WWW-Authenticate"] == "Bearer"


# Throttling


@pytest.mark.django_db
def test_login_throttled_per_email(settings, merchant_user):
    settings.LOGIN_RATE_PER_EMAIL = "3/min"
    settings.LOGIN_RATE_PER_CLIENT = "100/min"
    for _ in range(3):
        assert _login("merchant@example.com", "Wrong-Password-1").status_code == 401

    response = _login("MERCHANT@example.com")

    assert_error_envelope(response, 429)
    assert int(response["Retry-After"]) > 0


@pytest.mark.django_db
def test_email_throttle_spares_other_emails(settings, merchant_user, other_merchant_user):
    settings.LOGIN_RATE_PER_EMAIL = "2/min"
    settings.LOGIN_RATE_PER_CLIENT = "100/min"
    for _ in range(2):
        _login("merchant@example.com", "Wrong-Password-1")

    assert _login("other.merchant@example.com").status_code == 200


@pytest.mark.django_db
def test_login_throttled_per_client(settings, merchant_user):
    settings.LOGIN_RATE_PER_EMAIL = "100/min"
    settings.LOGIN_RATE_PER_CLIENT = "3/min"
    for index in range(3):
        _login(f"guess{index}@example.com")

    response = _login("merchant@example.com")

    assert_error_envelope(response, 429)
    assert "Retry-After" in response


# Password hashes


@pytest.mark.django_db
@pytest.mark.parametrize("hasher", ["pbkdf2_sha256", "md5"])
def test_login_upgrades_hash_to_argon2(settings, hasher):
    settings.PASSWORD_HASHERS = ARGON2_FIRST
    user = UserFactory(email="legacy@example.com")
    User.objects.filter(pk=user.pk).update(password=make_password(DEFAULT_PASSWORD, hasher=hasher))

    response = _login("legacy@example.com")

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.password.startswith("argon2$")


@pytest.mark.django_db
def test_failed_login_keeps_old_hash(settings):
    settings.PASSWORD_HASHERS = ARGON2_FIRST
    user = UserFactory(email="legacy@example.com")
    legacy_hash = make_password(DEFAULT_PASSWORD, hasher="pbkdf2_sha256")
    User.objects.filter(pk=user.pk).update(password=legacy_hash)

    _login("legacy@example.com", "Wrong-Password-1")

    user.refresh_from_db()
    assert user.password == legacy_hash
