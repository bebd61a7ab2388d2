"""Page-number pagination for the payment list, in the contract's shape."""
from rest_framework import serializers
from rest_framework.pagination import BasePagination

DEFAULT_LIMIT = 10
MAX_LIMIT = 100


class DigitsIntegerField(serializers.IntegerField):
    """An integer written only with ASCII digits.

    int() also takes "+1", " 1" and other scripts' digits such as a fullwidth
    "１", which a query string should not carry.
    """

    def to_internal_value(self, data):
        if not (isinstance(data, str) and data.isascii() and data.isdigit()):
            self.fail("invalid")
        return super().to_internal_value(data)


class PageQuerySerializer(serializers.Serializer):
    page = DigitsIntegerField(min_value=1, default=1)
    limit = DigitsIntegerField(min_value=1, max_value=MAX_LIMIT, default=DEFAULT_LIMIT)


class PageLimitPagination(BasePagination):
    """`page` and `limit` query parameters; renders `payments`, `page`, `limit`, `total`.

    Unlike DRF's PageNumberPagination, an invalid `page` or `limit` is a 400
    instead of being clamped, and a page past the last is an empty list, not a 404.
    """

    def paginate_queryset(self, queryset, request, view=None):
        # An empty value means the default, as an empty `status`, `from` or `to` means no filter.
        non_empty = {key: request.query_params[key] for key in ("page", "limit") if request.query_params.get(key, "") != ""}
        params = PageQuerySerializer(data=non_empty)
        params.is_valid(raise_exception=True)
        self.page = params.validated_data["page"]
        self.limit = params.validated_data["limit"]

        self.total = queryset.count()
        offset = (self.page - 1) * self.limit
        if offset >= self.total:
            return []
        return list(queryset[offset : offset + self.limit])

    def get_paginated_data(self, payments: list) -> dict:
        return {"payments": payments, "page": self.page, "limit": self.limit, "total": self.total}

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "default": 1},
                "description": "Page number, from 1. A page past the last is an empty list.",
            },
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
                "description": "Payments per page.",
            },
        ]
