import { Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormArray, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Observable } from 'rxjs';

import { applyServerErrors, controlMessage, formErrorSummary } from '../shared/form-errors';
import { currencyDigits, minorToInput, parseMajorAmount } from '../shared/money';
import { AttemptFields } from './attempt-fields';
import { AttemptForm, attemptForm, attemptsValue } from './attempt-form';
import { NewPayment, Payment, PAYMENT_TYPE_LABELS, PAYMENT_TYPES, PaymentEdit, PaymentType } from './payment';
import { PaymentsService } from './payments.service';

export interface PaymentFormDialogData {
  /** The payment to edit; without it the dialog creates a new one. */
  payment?: Payment;
}

/** The largest amount the API accepts, in minor units. */
const MAX_AMOUNT_MINOR = 1_000_000_000_000;

/** Currencies offered as suggestions; the server accepts any active ISO 4217 code. */
export const COMMON_CURRENCIES = ['AUD', 'CAD', 'CHF', 'EUR', 'GBP', 'INR', 'JPY', 'KWD', 'SGD', 'USD'];

/** Validates the typed major-unit amount against the sibling currency's decimals and the API's range. */
function amountValidator(control: AbstractControl): ValidationErrors | null {
  const text = String(control.value ?? '').trim();
  if (!text) {
    return null;
  }

  const currency = String(control.parent?.get('currency')?.value ?? '');
  const minor = parseMajorAmount(text, currency || 'XXX');
  if (minor === null) {
    const digits = currencyDigits(currency || 'XXX');
    return { invalid: digits === 0 ? `Enter a whole amount; ${currency} has no decimals.` : `Enter a positive amount with at most ${digits} decimals.` };
  }
  if (minor < 1) {
    return { invalid: 'The amount must be greater than zero.' };
  }
  if (minor > MAX_AMOUNT_MINOR) {
    return { invalid: 'The amount is too large.' };
  }

  return null;
}

/** The create and admin edit form of a payment, with the same field rules as the API. */
@Component({
  selector: 'app-payment-form-dialog',
  imports: [
    ReactiveFormsModule,
    AttemptFields,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './payment-form-dialog.html',
})
export class PaymentFormDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly payments = inject(PaymentsService);
  private readonly dialogRef = inject<MatDialogRef<PaymentFormDialog, Payment>>(MatDialogRef);
  private readonly editing = inject<PaymentFormDialogData>(MAT_DIALOG_DATA)?.payment ?? null;

  // A retried submission of this dialog reuses the key, so the server creates the payment only once.
  private readonly idempotencyKey = crypto.randomUUID();

  protected readonly isEdit = this.editing !== null;
  protected readonly types = PAYMENT_TYPES;
  protected readonly typeLabels = PAYMENT_TYPE_LABELS;
  protected readonly currencies = COMMON_CURRENCIES;
  protected readonly submitting = signal(false);
  protected readonly error = signal('');
  protected readonly controlMessage = controlMessage;

  protected readonly form = this.fb.group({
    merchant: [this.editing?.merchant ?? '', [Validators.required, Validators.maxLength(100), Validators.pattern(/\S/)]],
    payment_type: this.fb.control<PaymentType>(this.editing?.payment_type ?? 'one_time', Validators.required),
    currency: [this.editing?.currency ?? 'GBP', [Validators.required, Validators.pattern(/^[A-Za-z]{3}$/)]],
    amount: [
      this.editing ? minorToInput(this.editing.amount_minor, this.editing.currency) : '',
      [Validators.required, amountValidator],
    ],
    region: [this.editing?.region ?? '', [Validators.required, Validators.pattern(/^[A-Za-z0-9-]{2,16}$/)]],
    customer_details: this.fb.group({
      name: [this.editing?.customer_details.name ?? '', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
      email: [this.editing?.customer_details.email ?? '', [Validators.required, Validators.email]],
      country: [this.editing?.customer_details.country ?? '', [Validators.required, Validators.pattern(/^[A-Za-z]{2}$/)]],
    }),
    provider_attempts: this.fb.array<AttemptForm>([]),
  });

  private readonly currency = toSignal(this.form.controls.currency.valueChanges, {
    initialValue: this.form.controls.currency.value,
  });
  protected readonly amountHint = computed(() => {
    const code = this.currency().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) {
      return '';
    }
    const digits = currencyDigits(code);
    return digits === 0 ? `${code} has no minor unit.` : `In ${code}, with up to ${digits} decimals.`;
  });

  constructor() {
    // A new currency changes how many decimals the amount may have.
    this.form.controls.currency.valueChanges.subscribe(() => this.form.controls.amount.updateValueAndValidity());
  }

  protected get attempts(): FormArray<AttemptForm> {
    return this.form.controls.provider_attempts;
  }

  protected addAttempt(): void {
    this.attempts.push(attemptForm(this.fb));
  }

  protected removeAttempt(index: number): void {
    this.attempts.removeAt(index);
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) {
      this.error.set(this.form.invalid ? 'Correct the highlighted fields.' : '');
      return;
    }

    this.submitting.set(true);
    this.error.set('');
    this.save().subscribe({
      next: (payment) => this.dialogRef.close(payment),
      error: (error: unknown) => this.showError(error),
    });
  }

  private save(): Observable<Payment> {
    const payment = this.paymentValue();
    if (!this.editing) {
      return this.payments.create(payment, this.idempotencyKey);
    }

    return this.payments.update(this.editing.id, this.changedFields(this.editing, payment));
  }

  private paymentValue(): NewPayment {
    const value = this.form.getRawValue();
    const currency = value.currency.trim().toUpperCase();
    const payment: NewPayment = {
      merchant: value.merchant.trim(),
      payment_type: value.payment_type,
      amount_minor: parseMajorAmount(value.amount, currency) ?? 0,
      currency,
      region: value.region.trim().toUpperCase(),
      customer_details: {
        name: value.customer_details.name.trim(),
        email: value.customer_details.email.trim(),
        country: value.customer_details.country.trim().toUpperCase(),
      },
    };

    if (this.attempts.length) {
      payment.provider_attempts = attemptsValue(this.attempts);
    }

    return payment;
  }

  /** Keeps only the fields that differ from the stored payment, so that an edit never rewrites the rest. */
  private changedFields(original: Payment, next: NewPayment): PaymentEdit {
    const changes: PaymentEdit = {};
    const keys = ['merchant', 'payment_type', 'amount_minor', 'currency', 'region'] as const;
    for (const key of keys) {
      if (next[key] !== original[key]) {
        Object.assign(changes, { [key]: next[key] });
      }
    }

    const customer: Partial<NewPayment['customer_details']> = {};
    for (const key of ['name', 'email', 'country'] as const) {
      if (next.customer_details[key] !== original.customer_details[key]) {
        customer[key] = next.customer_details[key];
      }
    }
    if (Object.keys(customer).length) {
      changes.customer_details = customer;
    }

    return changes;
  }

  private showError(error: unknown): void {
    this.submitting.set(false);
    const unmatched = applyServerErrors(this.form, error, { amount_minor: 'amount' });
    this.error.set(formErrorSummary(error, unmatched));
  }
}
