"""Role permission classes, combined per action with `|`."""
from rest_framework.permissions import BasePermission

from accounts.models import Role


class _HasRole(BasePermission):
    role: str

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.role == self.role)


class IsAdmin(_HasRole):
    """The account is a platform operator."""

    role = Role.ADMIN
    message = "Only admin accounts may do this."


class IsFinance(_HasRole):
    """The account belongs to the finance review staff."""

    role = Role.FINANCE
    message = "Only finance accounts may do this."


class IsMerchant(_HasRole):
    """The account is a merchant's."""

    role = Role.MERCHANT
    message = "Only merchant accounts may do this."
