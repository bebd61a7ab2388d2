"""Reads on payments, scoped to what the caller may see."""
from django.db.models import QuerySet

from accounts.models import Role, User
from payments.models import Payment


def payments_visible_to(user: User) -> QuerySet[Payment]:
    """Return every payment for admin and finance, and only its own payments for a merchant.

    The one definition of scope: lists, details, updates, history and analytics
    all start from it, so an out-of-scope payment is simply not found.
    """
    payments = Payment.objects.all()
    if user.role == Role.MERCHANT:
        payments = payments.filter(created_by=user)
    return payments


def payment_list(user: User) -> QuerySet[Payment]:
    """Return the visible payments with their creator and attempts loaded, in a constant number of queries."""
    return payments_visible_to(user).select_related("created_by").prefetch_related("provider_attempts")
