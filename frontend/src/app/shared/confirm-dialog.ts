import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface ConfirmDialogData {
  title: string;
  message: string;
  confirmLabel: string;
  /** Styles the confirm button as a destructive action. */
  destructive?: boolean;
  /** Offers an optional free-text reason, such as the note that goes with a review. */
  reasonLabel?: string;
}

export interface ConfirmDialogResult {
  reason: string;
}

export const REASON_MAX_LENGTH = 500;

/** Asks the user to confirm an action; closes with the reason, or with nothing when cancelled. */
@Component({
  selector: 'app-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
      @if (data.reasonLabel) {
        <mat-form-field appearance="outline" class="reason">
          <mat-label>{{ data.reasonLabel }}</mat-label>
          <textarea matInput [formControl]="reason" rows="3" [maxlength]="maxLength"></textarea>
          <mat-hint align="end">{{ reason.value.length }} / {{ maxLength }}</mat-hint>
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="button"
        [class.destructive]="data.destructive"
        [disabled]="reason.invalid"
        (click)="confirm()"
        cdkFocusInitial
      >
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .reason {
      width: 100%;
    }

    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  private readonly dialogRef = inject<MatDialogRef<ConfirmDialog, ConfirmDialogResult>>(MatDialogRef);

  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
  protected readonly maxLength = REASON_MAX_LENGTH;
  protected readonly reason = inject(NonNullableFormBuilder).control('', Validators.maxLength(REASON_MAX_LENGTH));

  protected confirm(): void {
    this.dialogRef.close({ reason: this.reason.value.trim() });
  }
}
