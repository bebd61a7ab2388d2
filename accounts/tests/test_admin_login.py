import pytest

from accounts.tests.factories import DEFAULT_PASSWORD


@pytest.mark.django_db
def test_admin_login_throttled_after_limit(client, admin_user, settings):
    settings.LOGIN_RATE_PER_EMAIL = "3/min"
    form = {"username": admin_user.email, "password": "wrong-password", "next": "/admin/"}

    statuses = [client.post("/admin/login/", form).status_code for _ in range(4)]
    blocked = client.post("/admin/login/", {**form, "password": DEFAULT_PASSWORD})

    assert statuses == [200, 200, 200, 429]
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0


@pytest.mark.django_db
def test_admin_login_works_for_admin_role(client, admin_user):
    response = client.post("/admin/login/", {"username": admin_user.email, "password": DEFAULT_PASSWORD, "next": "/admin/"})

    assert response.status_code == 302
    assert client.get("/admin/payments/payment/").status_code == 200


@pytest.mark.django_db
def test_admin_login_rejects_finance_role(client, finance_user):
    client.post("/admin/login/", {"username": finance_user.email, "password": DEFAULT_PASSWORD, "next": "/admin/"})

    assert client.get("/admin/payments/payment/").status_code == 302
