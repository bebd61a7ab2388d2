"""CORS, security headers and the body-size limit."""
import pytest

from conftest import valid_payment_body
from payments.models import Payment

ORIGIN = "https://app.example.com"


@pytest.mark.django_db
def test_cors_closed_by_default(client):
    response = client.get("/api/health", HTTP_ORIGIN=ORIGIN)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.django_db
def test_cors_preflight_rejected_by_default(client):
    response = client.options(
        "/api/payments", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )

    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.django_db
def test_cors_opens_for_named_origin_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]

    allowed = client.get("/api/health", HTTP_ORIGIN=ORIGIN)
    other = client.get("/api/health", HTTP_ORIGIN="https://evil.example.com")

    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Origin" not in other


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/health", "/api/payments", "/"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_hsts_only_when_served_over_https(client, settings):
    # SecurityMiddleware reads its settings once, when the first request builds it.
    settings.SECURE_HSTS_SECONDS = 31536000

    plain = client.get("/api/health")
    secure = client.get("/api/health", secure=True)

    assert "Strict-Transport-Security" not in plain
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.django_db
def test_body_over_64_kib_is_413_before_parsing(merchant_client):
    body = valid_payment_body(merchant="x" * (64 * 1024))

    response = merchant_client.post("/api/payments", body, format="json")

    assert response.status_code == 413
    assert response.json()["status"] == 413
    assert Payment.objects.count() == 0


@pytest.mark.django_db
def test_body_just_under_limit_is_parsed(merchant_client):
    padding = 64 * 1024 - 400
    body = valid_payment_body(merchant="x" * padding)

    response = merchant_client.post("/api/payments", body, format="json")

    # Parsed and validated: rejected for the merchant's length, not for size.
    assert response.status_code == 400
    assert "merchant" in response.json()["errors"]


@pytest.mark.django_db
def test_chunked_body_is_411(client):
    response = client.post(
        "/api/register", b"", content_type="application/json", HTTP_TRANSFER_ENCODING="chunked"
    )

    assert response.status_code == 411
    assert response.json()["status"] == 411


@pytest.mark.django_db
def test_disallowed_host_gets_envelope(client):
    response = client.get("/api/health", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert response.json() == {"status": 400, "message": "The Host header names a host this server does not serve."}


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["\uff11", "+1", " 1", "1.0"])
def test_page_needs_ascii_digits(merchant_client, page):
    response = merchant_client.get("/api/payments", {"page": page})

    assert response.status_code == 400
    assert "page" in response.json()["errors"]


@pytest.mark.django_db
def test_empty_page_and_limit_use_defaults(merchant_client):
    response = merchant_client.get("/api/payments", {"page": "", "limit": ""})

    assert response.status_code == 200
    assert response.json()["data"]["page"] == 1
    assert response.json()["data"]["limit"] == 10


@pytest.mark.django_db
def test_huge_integer_is_plain_400(merchant_client):
    body = '{"amount_minor": ' + "9" * 5000 + "}"

    response = merchant_client.post("/api/payments", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["message"] == "Malformed JSON: a number has more than 4300 digits."
