import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';

import { PAYMENT_STATUSES, PaymentFilters, PaymentStatus } from './payment';

/** Rejects a range whose start is after its end, as the API does. */
function orderedRange(group: AbstractControl): ValidationErrors | null {
  const from = group.get('from')?.value as string;
  const to = group.get('to')?.value as string;
  return from && to && from > to ? { range: true } : null;
}

/** Status and date-range filters of the payment list and the dashboard. */
@Component({
  selector: 'app-filter-bar',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <form class="filters" [formGroup]="form" (ngSubmit)="apply()" aria-label="Filters">
      @if (showStatus()) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <mat-select formControlName="status" (selectionChange)="apply()" data-testid="filter-status">
            <mat-option value="">All statuses</mat-option>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ status }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>From</mat-label>
        <input matInput type="date" formControlName="from" data-testid="filter-from" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>To</mat-label>
        <input matInput type="date" formControlName="to" data-testid="filter-to" />
        @if (form.hasError('range')) {
          <mat-hint class="range-error" role="alert">"From" must not be after "To".</mat-hint>
        }
      </mat-form-field>
      <button mat-stroked-button type="submit" data-testid="filter-apply">Apply</button>
      <button mat-button type="button" (click)="reset()">Clear</button>
    </form>
  `,
  styles: `
    .range-error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterBar {
  readonly filters = input.required<PaymentFilters>();
  readonly showStatus = input(true);
  readonly filtersChange = output<PaymentFilters>();

  protected readonly statuses = PAYMENT_STATUSES;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      status: '' as PaymentStatus | '',
      from: '',
      to: '',
    },
    { validators: orderedRange },
  );

  constructor() {
    effect(() => this.showFilters(this.filters()));
  }

  protected apply(): void {
    if (this.form.invalid) {
      return;
    }

    const { status, from, to } = this.form.getRawValue();
    this.filtersChange.emit({ status: status || null, from: from || null, to: to || null });
  }

  protected reset(): void {
    this.form.reset();
    this.apply();
  }

  private showFilters(filters: PaymentFilters): void {
    this.form.setValue({ status: filters.status ?? '', from: filters.from ?? '', to: filters.to ?? '' });
  }
}
