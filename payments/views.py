"""The payments API: list, detail, create, update, history and delete."""
import uuid

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from accounts.models import Role
from accounts.permissions import IsAdmin, IsFinance, IsMerchant
from paygate.api.envelope import api_response, envelope
from paygate.api.schema import envelope_responses
from payments import idempotency, selectors, services
from payments.filters import PaymentListFilter
from payments.models import Payment
from payments.pagination import PageLimitPagination
from payments.serializers import (
    PaymentCreateSerializer,
    PaymentEventSerializer,
    PaymentSerializer,
    PaymentUpdateSerializer,
)
from payments.services import CORE_FIELDS

# Fields a finance user may not send: everything but status, reason and attempts.
FINANCE_FORBIDDEN_FIELDS = (*CORE_FIELDS, "customer_details")

PaymentList = {
    "payments": PaymentSerializer(many=True),
    "page": int,
    "limit": int,
    "total": int,
}


class PaymentViewSet(viewsets.GenericViewSet):
    lookup_value_regex = "[^/]+"
    filterset_class = PaymentListFilter
    pagination_class = PageLimitPagination
    serializer_class = PaymentSerializer

    def get_queryset(self):
        # drf-spectacular inspects the view without a real user.
        if getattr(self, "swagger_fake_view", False):
            return Payment.objects.none()
        return selectors.payment_list(self.request.user)

    def get_permissions(self):
        if self.action == "create":
            return [(IsAdmin | IsMerchant)()]
        if self.action in ("partial_update", "update"):
            return [(IsAdmin | IsFinance)()]
        if self.action == "destroy":
            return [IsAdmin()]
        return [IsAuthenticated()]

    def get_object(self):
        # A malformed id cannot exist, so it is a 404 like any other unknown id.
        queryset = self.get_queryset()
        return get_object_or_404(queryset, pk=_uuid_or_none(self.kwargs["pk"]))

    @extend_schema(responses=envelope_responses("PaymentPage", PaymentList, 200, 400, 401))
    def list(self, request):
        payments = self.filter_queryset(self.get_queryset())
        page = self.paginator.paginate_queryset(payments, request, view=self)
        data = self.paginator.get_paginated_data(PaymentSerializer(page, many=True).data)
        return api_response(data)

    @extend_schema(responses=envelope_responses("PaymentDetail", PaymentSerializer, 200, 401, 404))
    def retrieve(self, request, pk=None):
        return api_response(PaymentSerializer(self.get_object()).data)

    @extend_schema(
        request=PaymentCreateSerializer,
        parameters=[
            OpenApiParameter(
                idempotency.HEADER,
                str,
                OpenApiParameter.HEADER,
                description=(
                    "1 to 255 printable ASCII characters, scoped to the account and kept for 24 hours. "
                    "A repeat with the same body replays the first response with `Idempotent-Replayed: true`; "
                    "a different body is a 422; a repeat while the first is running is a 409."
                ),
            )
        ],
        responses=envelope_responses("PaymentCreated", PaymentSerializer, 201, 400, 401, 403, 409, 422),
    )
    def create(self, request):
        key = idempotency.key_from_request(request)
        if key is None:
            data, message, status_code = self._create(request)
            return api_response(data, message=message, status=status_code)

        status_code, body, replayed = idempotency.run_once(
            user=request.user,
            key=key,
            fingerprint=idempotency.request_fingerprint(request.data),
            operation=lambda: self._create_envelope(request),
        )
        headers = {"Idempotent-Replayed": "true"} if replayed else None
        return Response(body, status=status_code, headers=headers)

    def _create(self, request) -> tuple[dict, str, int]:
        serializer = PaymentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        payment = services.payment_create(created_by=request.user, data=dict(serializer.validated_data))
        data = PaymentSerializer(selectors.payment_list(request.user).get(pk=payment.pk)).data
        return data, "Payment created", status.HTTP_201_CREATED

    def _create_envelope(self, request) -> tuple[int, dict]:
        data, message, status_code = self._create(request)
        return status_code, envelope(status_code, message, data)

    @extend_schema(
        request=PaymentUpdateSerializer,
        responses=envelope_responses("PaymentUpdated", PaymentSerializer, 200, 400, 401, 403, 404, 409),
    )
    def partial_update(self, request, pk=None):
        payment = self.get_object()
        self._check_fields_allowed(request)

        serializer = PaymentUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        services.payment_update(payment=payment, actor=request.user, changes=serializer.validated_data)
        data = PaymentSerializer(self.get_queryset().get(pk=payment.pk)).data
        return api_response(data, message="Updated")

    @extend_schema(
        request=PaymentUpdateSerializer,
        responses=envelope_responses("PaymentReplaced", PaymentSerializer, 200, 400, 401, 403, 404, 409),
        description="Same partial semantics as PATCH.",
    )
    def update(self, request, pk=None):
        return self.partial_update(request, pk)

    @extend_schema(responses=envelope_responses("PaymentDeleted", None, 200, 401, 403, 404))
    def destroy(self, request, pk=None):
        services.payment_delete(payment=self.get_object(), actor=request.user)
        return api_response(message="Deleted")

    @extend_schema(
        filters=False,
        parameters=[OpenApiParameter("id", str, OpenApiParameter.PATH)],
        responses=envelope_responses("PaymentEvents", PaymentEventSerializer(many=True), 200, 401, 404),
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def events(self, request, pk=None):
        payment = self.get_object()
        return api_response(PaymentEventSerializer(payment.events.all(), many=True).data)

    def _check_fields_allowed(self, request):
        if request.user.role != Role.FINANCE or not isinstance(request.data, dict):
            return
        forbidden = sorted(field for field in request.data if field in FINANCE_FORBIDDEN_FIELDS)
        if forbidden:
            raise PermissionDenied(f"Finance accounts may change only status and provider attempts, not: {', '.join(forbidden)}.")


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
