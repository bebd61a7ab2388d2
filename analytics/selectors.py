"""Analytics figures, aggregated in PostgreSQL over the caller's filtered payments."""
from django.db.models import Avg, Count, Q, QuerySet, Sum

from payments.models import AttemptResult, PaymentStatus, ProviderAttempt


def volume_by_currency(payments: QuerySet) -> list[dict]:
    """Sum and count per currency; amounts in different currencies are never added."""
    rows = payments.order_by().values("currency").annotate(total_volume=Sum("amount_minor"), count=Count("id"))
    return [
        {"currency": row["currency"], "total_volume": int(row["total_volume"]), "count": row["count"]}
        for row in rows.order_by("currency")
    ]


def provider_latency(payments: QuerySet) -> list[dict]:
    """Average latency and success rate per provider over every attempt of the payments."""
    rows = (
        ProviderAttempt.objects.filter(payment__in=payments.order_by().values("id"))
        .values("provider")
        .annotate(
            average_latency_ms=Avg("latency_ms"),
            attempts=Count("id"),
            successes=Count("id", filter=Q(result=AttemptResult.SUCCESS)),
        )
        .order_by("provider")
    )
    return [
        {
            "provider": row["provider"],
            "average_latency_ms": round(float(row["average_latency_ms"]), 1),
            "attempts": row["attempts"],
            "success_rate": round(row["successes"] / row["attempts"], 3),
        }
        for row in rows
    ]


def status_counts(payments: QuerySet) -> list[dict]:
    """Count payments per status, with 0 for a status no payment has."""
    counts = dict(payments.order_by().values_list("status").annotate(count=Count("id")))
    return [{"status": status, "count": counts.get(status, 0)} for status in sorted(PaymentStatus.values)]
