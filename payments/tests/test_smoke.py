import pytest

from conftest import valid_payment_body
from payments.models import Payment


@pytest.mark.django_db
def test_merchant_creates_and_lists_payment(merchant_client):
    created = merchant_client.post("/api/payments", valid_payment_body(), format="json")
    listed = merchant_client.get("/api/payments")

    assert created.status_code == 201, created.json()
    assert listed.json()["data"]["total"] == 1
    assert Payment.objects.get().status == "pending"
