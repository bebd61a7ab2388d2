"""DELETE /api/me: a merchant removes its account and exactly its own payments."""
import pytest
from rest_framework.test import APIClient

from accounts.models import User
from accounts.services import tokens_issue
from conftest import assert_error_envelope, row_counts
from payments.models import Payment, PaymentEvent, ProviderAttempt
from payments.tests.factories import PaymentFactory, ProviderAttemptFactory


@pytest.fixture
def merchants_with_history(merchant_user, other_merchant_user, admin_user):
    """Two payments with attempts for `merchant_user`, and one each for another merchant and the admin."""
    own = [PaymentFactory(created_by=merchant_user) for _ in range(2)]
    kept = [PaymentFactory(created_by=other_merchant_user), PaymentFactory(created_by=admin_user)]
    for payment in own + kept:
        ProviderAttemptFactory(payment=payment)
        ProviderAttemptFactory(payment=payment)
        PaymentEvent.objects.create(payment=payment, type="created", actor=payment.created_by.email)
    return {"own": own, "kept": kept}


def _bearer(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.mark.django_db
def test_delete_me_response(merchant_client, merchant_user):
    response = merchant_client.delete("/api/me")

    assert response.status_code == 200
    assert response.json() == {"status": 200, "message": "Account deleted"}


@pytest.mark.django_db
def test_delete_me_removes_own_payments_only(merchant_client, merchant_user, merchants_with_history):
    kept_ids = {payment.pk for payment in merchants_with_history["kept"]}

    merchant_client.delete("/api/me")

    assert not User.objects.filter(pk=merchant_user.pk).exists()
    assert set(Payment.objects.values_list("pk", flat=True)) == kept_ids
    assert set(ProviderAttempt.objects.values_list("payment_id", flat=True)) == kept_ids
    assert ProviderAttempt.objects.count() == 4
    assert set(PaymentEvent.objects.values_list("payment_id", flat=True)) == kept_ids


@pytest.mark.django_db
def test_delete_me_revokes_tokens(merchant_user):
    tokens = tokens_issue(merchant_user)
    _bearer(tokens["token"]).delete("/api/me")

    after_access = _bearer(tokens["token"]).get("/api/me")
    after_refresh = APIClient().post("/api/token/refresh", {"refresh": tokens["refresh"]}, format="json")

    assert_error_envelope(after_access, 401)
    assert after_access["WWW-Authenticate"] == "Bearer"
    assert_error_envelope(after_refresh, 401)


@pytest.mark.django_db
@pytest.mark.parametrize("client_fixture", ["admin_client", "finance_client"])
def test_delete_me_staff_forbidden(request, client_fixture, merchants_with_history):
    client = request.getfixturevalue(client_fixture)
    before = row_counts()

    response = client.delete("/api/me")

    assert_error_envelope(response, 403)
    assert row_counts() == before
