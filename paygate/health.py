import logging

from django.db import DatabaseError, connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from paygate.api.envelope import api_response

logger = logging.getLogger(__name__)


class HealthView(APIView):
    """Liveness and database reachability, for load balancers and monitors."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses={
            code: inline_serializer(
                f"Health{code}",
                {"status": serializers.IntegerField(), "data": inline_serializer(f"Health{code}Data", {"database": serializers.CharField()})},
            )
            for code in (200, 503)
        }
    )
    def get(self, request):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError as error:
            logger.error("health_check_failed: %s", error)
            return api_response({"database": "unavailable"}, status=503)
        return api_response({"database": "ok"})
