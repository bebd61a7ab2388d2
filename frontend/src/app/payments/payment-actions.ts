import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { EMPTY, filter, Observable, switchMap, tap } from 'rxjs';
import { catchError } from 'rxjs/operators';

import { ConfirmDialog, ConfirmDialogData, ConfirmDialogResult } from '../shared/confirm-dialog';
import { describeHttpError, errorEnvelope } from '../shared/http-error';
import { formatMinorAmount } from '../shared/money';
import { AttemptsDialog } from './attempts-dialog';
import { Payment } from './payment';
import { PaymentFormDialog, PaymentFormDialogData } from './payment-form-dialog';
import { PaymentsService } from './payments.service';

export type ReviewDecision = 'success' | 'failed';

const DECISION_VERBS: Record<ReviewDecision, { verb: string; past: string }> = {
  success: { verb: 'approve', past: 'approved' },
  failed: { verb: 'reject', past: 'rejected' },
};

/** Explains a failed review; a 409 means that someone else reviewed the payment first. */
export function describeReviewError(error: unknown, decision: ReviewDecision): string {
  if (errorEnvelope(error)?.status !== 409) {
    return describeHttpError(error);
  }

  const serverMessage = errorEnvelope(error)?.message ?? '';
  return (
    `This payment could not be ${DECISION_VERBS[decision].past} because it is no longer pending: ` +
    `it has already been reviewed. ${serverMessage}`.trim()
  );
}

function paymentLabel(payment: Payment): string {
  return `${payment.merchant}, ${formatMinorAmount(payment.amount_minor, payment.currency)}`;
}

/**
 * The dialogs and requests behind each payment action, shared by the table and
 * the detail page. Each method emits the changed payment (nothing after a delete)
 * and shows the outcome in a snackbar. A cancelled dialog emits nothing.
 */
@Injectable({ providedIn: 'root' })
export class PaymentActions {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly payments = inject(PaymentsService);

  create(): Observable<Payment> {
    return this.openForm({}).pipe(tap((payment) => this.notify(`Payment for ${paymentLabel(payment)} created.`)));
  }

  edit(payment: Payment): Observable<Payment> {
    return this.openForm({ payment }).pipe(tap(() => this.notify('Payment updated.')));
  }

  addAttempts(payment: Payment): Observable<Payment> {
    return this.dialog
      .open<AttemptsDialog, Payment, Payment>(AttemptsDialog, { data: payment, width: '720px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(
        filter((updated): updated is Payment => !!updated),
        tap(() => this.notify('Provider attempts added.')),
      );
  }

  review(payment: Payment, decision: ReviewDecision): Observable<Payment> {
    const { verb, past } = DECISION_VERBS[decision];
    const data: ConfirmDialogData = {
      title: `${verb.charAt(0).toUpperCase()}${verb.slice(1)} payment?`,
      message: `The payment for ${paymentLabel(payment)} will be marked as ${decision}. This cannot be undone.`,
      confirmLabel: verb.charAt(0).toUpperCase() + verb.slice(1),
      destructive: decision === 'failed',
      reasonLabel: 'Reason (optional)',
    };

    return this.confirm(data).pipe(
      switchMap(({ reason }) => this.payments.review(payment.id, decision, reason)),
      tap(() => this.notify(`Payment ${past}.`)),
      catchError((error: unknown) => {
        this.notify(describeReviewError(error, decision), 12000);
        if (errorEnvelope(error)?.status === 409) {
          // Someone else changed the payment, so the pages reload to show its current status.
          this.payments.notifyChanged();
        }
        return EMPTY;
      }),
    );
  }

  delete(payment: Payment): Observable<void> {
    const data: ConfirmDialogData = {
      title: 'Delete payment?',
      message: `The payment for ${paymentLabel(payment)} and its history will be deleted for good.`,
      confirmLabel: 'Delete',
      destructive: true,
    };

    return this.confirm(data).pipe(
      switchMap(() => this.payments.delete(payment.id)),
      tap(() => this.notify('Payment deleted.')),
      catchError((error: unknown) => {
        this.notify(describeHttpError(error), 12000);
        return EMPTY;
      }),
    );
  }

  private openForm(data: PaymentFormDialogData): Observable<Payment> {
    return this.dialog
      .open<PaymentFormDialog, PaymentFormDialogData, Payment>(PaymentFormDialog, {
        data,
        width: '760px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(filter((payment): payment is Payment => !!payment));
  }

  private confirm(data: ConfirmDialogData): Observable<ConfirmDialogResult> {
    return this.dialog
      .open<ConfirmDialog, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialog, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(
        filter((result): result is ConfirmDialogResult => !!result),
      );
  }

  private notify(message: string, duration = 5000): void {
    this.snackBar.open(message, 'Dismiss', { duration });
  }
}
