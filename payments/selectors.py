"""Reads on payments, scoped to what the caller may see."""
from django.db.models import QuerySet

from accounts.models import Role, User
from payments.models import Payment


def payments_visible_to(user: User) -> QuerySet[Payment]:
    """Every payment for admin and finance; a merchant's own payments only.

    The one definition of scope: lists, details, updates, history and analytics
    all start from it, so an out-of-scope payment is simply not found.
    """
    payments = Payment.objects.all()
    if user.role == Role.MERCHANT:
        payments = payments.filter(created_by=user)
    return payments


def payment_list(user: User) -> QuerySet[Payment]:
    """The visible payments with what the payment object shows, in constant queries."""
    return payments_visible_to(user).select_related("created_by").prefetch_related("provider_attempts")
