"""The envelope on unusual paths and methods, health, the schema and the management commands."""
import io

import pytest
import yaml
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from accounts.models import User
from conftest import assert_error_envelope, row_counts

DOCUMENTED_PATHS = {
    "/api/login",
    "/api/token/refresh",
    "/api/logout",
    "/api/register",
    "/api/me",
    "/api/me/password",
    "/api/payments",
    "/api/payments/{id}",
    "/api/payments/{id}/events",
    "/api/analytics/volume",
    "/api/analytics/provider-latency",
    "/api/analytics/status",
    "/api/health",
}


# Envelope on paths and methods


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post", "delete"])
@pytest.mark.parametrize("path", ["/api/nope", "/api/payments/x/y/z", "/api/analytics", "/api/"])
def test_unknown_api_path_404(admin_client, method, path):
    response = getattr(admin_client, method)(path)

    assert response.status_code == 404
    assert response.json() == {"status": 404, "message": "Not found."}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method, path",
    [
        ("delete", "/api/payments"),
        ("put", "/api/payments"),
        ("post", "/api/payments/{id}"),
        ("get", "/api/login"),
        ("get", "/api/me/password"),
        ("post", "/api/analytics/volume"),
        ("post", "/api/payments/{id}/events"),
        ("delete", "/api/health"),
    ],
)
def test_wrong_method_405(admin_client, pending_payment, method, path):
    before = row_counts()

    response = getattr(admin_client, method)(path.format(id=pending_payment.pk), {}, format="json")

    assert_error_envelope(response, 405)
    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/api/payments", "/api/payments/{id}", "/api/payments/{id}/events", "/api/me", "/api/analytics/status", "/api/health"],
)
def test_trailing_slash_served_same(admin_client, pending_payment, path):
    path = path.format(id=pending_payment.pk)

    without_slash = admin_client.get(path)
    with_slash = admin_client.get(path + "/")

    assert with_slash.status_code == 200
    assert with_slash.json() == without_slash.json()


@pytest.mark.django_db
def test_trailing_slash_post_not_redirected(merchant_user):
    response = APIClient().post(
        "/api/login/", {"email": "merchant@example.com", "password": "Correct-Horse-42"}, format="json"
    )

    assert response.status_code == 200


@pytest.mark.django_db
def test_query_nul_character_400(admin_client):
    response = admin_client.get("/api/payments?ordering=initiated%00_at")

    assert_error_envelope(response, 400, "ordering")


# Health and schema


@pytest.mark.django_db
def test_health_ok(anonymous_client):
    response = anonymous_client.get("/api/health")

    assert response.status_code == 200
    assert response.json() == {"status": 200, "data": {"database": "ok"}}


@pytest.mark.django_db
def test_schema_lists_every_path(anonymous_client):
    response = anonymous_client.get("/api/schema")

    document = yaml.safe_load(response.content)
    assert response.status_code == 200
    assert document["openapi"].startswith("3.")
    assert DOCUMENTED_PATHS <= set(document["paths"])


@pytest.mark.django_db
def test_schema_documents_methods(anonymous_client):
    paths = yaml.safe_load(anonymous_client.get("/api/schema").content)["paths"]

    assert set(paths["/api/payments"]) >= {"get", "post"}
    assert set(paths["/api/payments/{id}"]) >= {"get", "patch", "put", "delete"}
    assert set(paths["/api/me"]) >= {"get", "delete"}


# Management commands


@pytest.mark.django_db
def test_seed_demo_twice_creates_nothing_new():
    call_command("seed_demo", "--payments", "30", stdout=io.StringIO())
    after_first = row_counts()

    call_command("seed_demo", "--payments", "30", stdout=io.StringIO())

    assert after_first["payments"] == 30
    assert after_first["attempts"] >= 30
    assert row_counts() == after_first


@pytest.mark.django_db
def test_seed_demo_creates_demo_logins():
    call_command("seed_demo", "--payments", "0", stdout=io.StringIO())

    roles = dict(User.objects.values_list("email", "role"))
    assert roles["parth@payments.com"] == "admin"
    assert roles["arjun@payments.com"] == "merchant"
    assert "finance" in roles.values()
    assert User.objects.get(email="arjun@payments.com").check_password("admin123")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["admin", "finance", "merchant"])
def test_createuser_creates_role(role):
    call_command("createuser", "Ops@Example.com", "--role", role, "--password", "Brand-New-Passphrase-77", stdout=io.StringIO())

    user = User.objects.get(email="ops@example.com")
    assert user.role == role
    assert user.check_password("Brand-New-Passphrase-77")


@pytest.mark.django_db
def test_createuser_duplicate_email(finance_user):
    before = row_counts()

    with pytest.raises(CommandError, match="already exists"):
        call_command("createuser", "FINANCE@example.com", "--role", "admin", "--password", "Brand-New-Passphrase-77")

    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["short", "password123", "12345678901"])
def test_createuser_weak_password(db, password):
    with pytest.raises(CommandError, match="too weak"):
        call_command("createuser", "ops@example.com", "--role", "finance", "--password", password)

    assert not User.objects.filter(email="ops@example.com").exists()


@pytest.mark.django_db
def test_createuser_invalid_email(db):
    with pytest.raises(CommandError, match="not a valid e-mail"):
        call_command("createuser", "not-an-email", "--role", "finance", "--password", "Brand-New-Passphrase-77")


@pytest.mark.django_db
def test_createuser_unknown_role(db):
    with pytest.raises(CommandError):
        call_command("createuser", "ops@example.com", "--role", "owner", "--password", "Brand-New-Passphrase-77")
