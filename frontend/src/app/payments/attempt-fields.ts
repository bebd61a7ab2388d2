import { Component, input, output } from '@angular/core';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';

import { controlMessage } from '../shared/form-errors';
import { AttemptForm, MAX_ATTEMPTS_PER_REQUEST } from './attempt-form';

/** Editable rows of provider attempts inside a payment or attempts form. */
@Component({
  selector: 'app-attempt-fields',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule],
  template: `
    <fieldset class="attempts">
      <legend>Provider attempts</legend>
      @for (attempt of attempts().controls; track attempt; let index = $index) {
        <div class="form-row attempt" [formGroup]="attempt" data-testid="attempt-row">
          <mat-form-field appearance="outline">
            <mat-label>Provider</mat-label>
            <input matInput formControlName="provider" maxlength="50" />
            @if (attempt.controls.provider.invalid) {
              <mat-error>{{ controlMessage(attempt.controls.provider, 'Provider') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Result</mat-label>
            <mat-select formControlName="result">
              <mat-option value="success">success</mat-option>
              <mat-option value="failure">failure</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Latency (ms)</mat-label>
            <input matInput type="number" inputmode="numeric" min="0" max="600000" step="1" formControlName="latency_ms" />
            @if (attempt.controls.latency_ms.invalid) {
              <mat-error>{{ controlMessage(attempt.controls.latency_ms, 'Latency') }}</mat-error>
            }
          </mat-form-field>
          <button
            mat-icon-button
            type="button"
            (click)="remove.emit(index)"
            [attr.aria-label]="'Remove attempt ' + (index + 1)"
          >
            <mat-icon>delete</mat-icon>
          </button>
        </div>
      } @empty {
        <p class="hint">No attempts yet.</p>
      }
      <button
        mat-stroked-button
        type="button"
        (click)="add.emit()"
        [disabled]="attempts().length >= maxAttempts"
      >
        <mat-icon>add</mat-icon> Add attempt
      </button>
    </fieldset>
  `,
  styles: `
    .attempts {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px 12px;
      margin: 0;
    }

    .attempt {
      align-items: baseline;
    }

    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  // Default change detection, because the parent form changes these rows' state (server errors) without new inputs.
})
export class AttemptFields {
  readonly attempts = input.required<FormArray<AttemptForm>>();
  readonly add = output<void>();
  readonly remove = output<number>();

  protected readonly maxAttempts = MAX_ATTEMPTS_PER_REQUEST;
  protected readonly controlMessage = controlMessage;
}
