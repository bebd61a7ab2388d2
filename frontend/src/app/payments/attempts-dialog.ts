import { Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { applyServerErrors, formErrorSummary } from '../shared/form-errors';
import { AttemptFields } from './attempt-fields';
import { AttemptForm, attemptForm, attemptsValue } from './attempt-form';
import { Payment } from './payment';
import { PaymentsService } from './payments.service';

/** Appends provider attempts to a payment; existing attempts are never changed. */
@Component({
  selector: 'app-attempts-dialog',
  imports: [ReactiveFormsModule, AttemptFields, MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Add provider attempts</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p>Attempts are added after the {{ payment.provider_attempts.length }} already recorded for {{ payment.merchant }}.</p>
        @if (submitting()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving" />
        }
        @if (error()) {
          <div class="error-banner" role="alert" data-testid="form-error">
            <mat-icon aria-hidden="true">error</mat-icon>
            <span>{{ error() }}</span>
          </div>
        }
        <app-attempt-fields [attempts]="form.controls.provider_attempts" (add)="add()" (remove)="remove($event)" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="submitting()">Add attempts</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class AttemptsDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly payments = inject(PaymentsService);
  private readonly dialogRef = inject<MatDialogRef<AttemptsDialog, Payment>>(MatDialogRef);

  protected readonly payment = inject<Payment>(MAT_DIALOG_DATA);
  protected readonly submitting = signal(false);
  protected readonly error = signal('');
  protected readonly form = this.fb.group({
    provider_attempts: this.fb.array<AttemptForm>([attemptForm(this.fb)]),
  });

  protected add(): void {
    this.form.controls.provider_attempts.push(attemptForm(this.fb));
  }

  protected remove(index: number): void {
    this.form.controls.provider_attempts.removeAt(index);
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    const attempts = this.form.controls.provider_attempts;
    if (attempts.length === 0) {
      this.error.set('Add at least one attempt.');
      return;
    }
    if (this.form.invalid || this.submitting()) {
      return;
    }

    this.submitting.set(true);
    this.error.set('');
    this.payments.appendAttempts(this.payment.id, attemptsValue(attempts)).subscribe({
      next: (payment) => this.dialogRef.close(payment),
      error: (error: unknown) => {
        this.submitting.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.error.set(formErrorSummary(error, unmatched));
      },
    });
  }
}
