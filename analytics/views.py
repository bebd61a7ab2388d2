"""Analytics endpoints: each figure over the caller's payments, after the filters."""
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.views import APIView

from analytics import selectors
from paygate.api.envelope import api_response
from paygate.api.schema import envelope_responses
from payments.filters import PaymentScopeFilter
from payments.selectors import payments_visible_to


class AnalyticsView(APIView):
    """Base for the analytics views: scope, then the shared status/from/to filters."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = PaymentScopeFilter

    def filtered_payments(self, request):
        payments = payments_visible_to(request.user)
        return DjangoFilterBackend().filter_queryset(request, payments, self)


class VolumeRow(serializers.Serializer):
    currency = serializers.CharField()
    total_volume = serializers.IntegerField(help_text="Sum of amount_minor in this currency.")
    count = serializers.IntegerField()


class ProviderLatencyRow(serializers.Serializer):
    provider = serializers.CharField()
    average_latency_ms = serializers.FloatField()
    attempts = serializers.IntegerField()
    success_rate = serializers.FloatField()


class StatusRow(serializers.Serializer):
    status = serializers.CharField()
    count = serializers.IntegerField()


class VolumeView(AnalyticsView):
    @extend_schema(responses=envelope_responses("Volume", VolumeRow(many=True), 200, 400, 401))
    def get(self, request):
        return api_response(selectors.volume_by_currency(self.filtered_payments(request)))


class ProviderLatencyView(AnalyticsView):
    @extend_schema(responses=envelope_responses("ProviderLatency", ProviderLatencyRow(many=True), 200, 400, 401))
    def get(self, request):
        return api_response(selectors.provider_latency(self.filtered_payments(request)))


class StatusView(AnalyticsView):
    @extend_schema(responses=envelope_responses("StatusCounts", StatusRow(many=True), 200, 400, 401))
    def get(self, request):
        return api_response(selectors.status_counts(self.filtered_payments(request)))
