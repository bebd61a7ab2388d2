import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { catchError, combineLatest, forkJoin, map, of, switchMap, tap } from 'rxjs';

import { SessionStore } from '../auth/session';
import { describeHttpError } from '../shared/http-error';
import { formatMinorAmount } from '../shared/money';
import { Payment, PAYMENT_TYPE_LABELS, PaymentEvent } from './payment';
import { PaymentActions, ReviewDecision } from './payment-actions';
import { PaymentsService } from './payments.service';

/** Turns an event's details into one readable line. */
export function describeEvent(event: PaymentEvent): string {
  const details = event.details ?? {};
  switch (event.type) {
    case 'created':
      return 'Created';
    case 'status_changed': {
      const reason = details['reason'] ? ` (${String(details['reason'])})` : '';
      return `Status changed from ${String(details['from'])} to ${String(details['to'])}${reason}`;
    }
    case 'attempts_added': {
      const count = Number(details['count'] ?? 0);
      return `${count} provider attempt${count === 1 ? '' : 's'} added`;
    }
    case 'updated': {
      const changes = details['changes'];
      const fields = changes && typeof changes === 'object' ? Object.keys(changes) : [];
      return fields.length ? `Edited ${fields.join(', ').replace(/_/g, ' ')}` : 'Edited';
    }
    default:
      return String(event.type);
  }
}

/** One payment with its customer, its provider attempts as a timeline and its history. */
@Component({
  selector: 'app-payment-detail-page',
  imports: [DatePipe, DecimalPipe, RouterLink, MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule],
  templateUrl: './payment-detail-page.html',
  styleUrl: './payment-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentDetailPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly payments = inject(PaymentsService);
  private readonly actions = inject(PaymentActions);
  private readonly session = inject(SessionStore);

  protected readonly payment = signal<Payment | null>(null);
  protected readonly events = signal<PaymentEvent[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal('');
  protected readonly typeLabels = PAYMENT_TYPE_LABELS;
  protected readonly describeEvent = describeEvent;

  protected readonly amount = computed(() => {
    const payment = this.payment();
    return payment ? formatMinorAmount(payment.amount_minor, payment.currency) : '';
  });
  protected readonly canReview = computed(
    () => this.payment()?.status === 'pending' && this.session.hasRole('admin', 'finance'),
  );
  protected readonly canAddAttempts = computed(() => this.session.hasRole('admin', 'finance'));
  protected readonly isAdmin = computed(() => this.session.hasRole('admin'));

  constructor() {
    this.loadOnRouteOrChange();
  }

  protected review(decision: ReviewDecision): void {
    const payment = this.payment();
    if (payment) {
      this.actions.review(payment, decision).subscribe();
    }
  }

  protected addAttempts(): void {
    const payment = this.payment();
    if (payment) {
      this.actions.addAttempts(payment).subscribe();
    }
  }

  protected edit(): void {
    const payment = this.payment();
    if (payment) {
      this.actions.edit(payment).subscribe();
    }
  }

  protected delete(): void {
    const payment = this.payment();
    if (payment) {
      this.actions.delete(payment).subscribe(() => void this.router.navigate(['/payments']));
    }
  }

  /**
   * Loads the payment and its events, again after every change made anywhere in
   * the app, so that a rejected review (409) also shows the status that won.
   */
  private loadOnRouteOrChange(): void {
    const id$ = this.route.paramMap.pipe(map((params) => params.get('id') ?? ''));

    combineLatest([id$, toObservable(this.payments.changes)])
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(([id]) =>
          forkJoin({ payment: this.payments.get(id), events: this.payments.events(id) }).pipe(
            tap(({ payment, events }) => {
              this.payment.set(payment);
              this.events.set(events);
              this.error.set('');
            }),
            catchError((error: unknown) => {
              this.payment.set(null);
              this.error.set(describeHttpError(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.loading.set(false));
  }
}
