"""Create the demo accounts and demo payments. Safe to run again: nothing is duplicated."""
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from accounts.models import User
from payments.demo_data import DEMO_ACCOUNTS, DEMO_PASSWORD, build_demo_payment, demo_payment_id
from payments.models import Payment, PaymentEvent, ProviderAttempt

BATCH_SIZE = 1000


class Command(BaseCommand):
    help = "Create the demo accounts and demo payments 1 to N, spread over the last 90 days, where missing."

    def add_arguments(self, parser):
        parser.add_argument("--payments", type=int, default=500, help="Demo payments 1 to N are created where missing (default 500). Nothing is deleted.")

    def handle(self, *args, payments: int, **options):
        if payments < 0:
            raise CommandError("--payments must be 0 or more.")

        started = time.monotonic()
        accounts = self._ensure_accounts()
        created = self._ensure_payments(payments, accounts)

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(accounts)} accounts; of demo payments 1 to {payments}, "
                f"{created} created and {payments - created} already present ({time.monotonic() - started:.1f}s). "
                "Seeding never deletes payments."
            )
        )

    def _ensure_accounts(self) -> dict[str, User]:
        accounts = {}
        for demo in DEMO_ACCOUNTS:
            user = User.objects.filter(email__iexact=demo.email).first()
            if user is None:
                # Demo passwords skip the validators on purpose: they are the
                # documented local logins, never for a deployment.
                user = User.objects.create_user(demo.email, DEMO_PASSWORD, role=demo.role)
            accounts[demo.email] = user
        return accounts

    def _ensure_payments(self, count: int, accounts: dict[str, User]) -> int:
        merchants = [
            (accounts[demo.email], name) for demo in DEMO_ACCOUNTS for name in demo.trading_names
        ]
        reviewer = next(demo.email for demo in DEMO_ACCOUNTS if demo.role == "finance")
        now = timezone.now()

        expected_ids = {demo_payment_id(index): index for index in range(count)}
        existing = set(Payment.objects.filter(id__in=list(expected_ids)).values_list("id", flat=True))
        missing = [index for payment_id, index in expected_ids.items() if payment_id not in existing]

        with tqdm(total=len(missing), desc="Seeding payments", unit="payment", disable=not missing) as progress:
            for start in range(0, len(missing), BATCH_SIZE):
                batch = [
                    build_demo_payment(index, merchants=merchants, now=now, reviewer_email=reviewer)
                    for index in missing[start : start + BATCH_SIZE]
                ]
                with transaction.atomic():
                    Payment.objects.bulk_create([payment for payment, _, _ in batch])
                    ProviderAttempt.objects.bulk_create([attempt for _, attempts, _ in batch for attempt in attempts])
                    PaymentEvent.objects.bulk_create([event for _, _, events in batch for event in events])
                progress.update(len(batch))
        return len(missing)
