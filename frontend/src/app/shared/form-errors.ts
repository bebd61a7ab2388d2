import { AbstractControl, FormGroup } from '@angular/forms';

import { describeHttpError, errorEnvelope, flattenFieldErrors, humanizeField } from './http-error';

/** Server field names whose form control carries another name, such as `amount_minor` typed in major units. */
export type FieldAliases = Record<string, string>;

/**
 * Puts each server field message on the form control with the same path, as the
 * `server` validation error, and returns the messages that matched no control so
 * the form can show them above its fields.
 */
export function applyServerErrors(form: FormGroup, error: unknown, aliases: FieldAliases = {}): string[] {
  const envelope = errorEnvelope(error);
  const unmatched: string[] = [];

  for (const { path, message } of flattenFieldErrors(envelope?.errors)) {
    const control = form.get(aliases[path] ?? path);
    if (control && control !== form) {
      appendServerError(control, message);
    } else if (path === 'non_field_errors') {
      unmatched.push(message);
    } else {
      unmatched.push(`${humanizeField(path)}: ${message}`);
    }
  }

  return unmatched;
}

function appendServerError(control: AbstractControl, message: string): void {
  const previous = control.getError('server') as string | null;
  control.setErrors({ ...control.errors, server: previous ? `${previous} ${message}` : message });
  control.markAsTouched();
}

/** Returns the first readable message for a control's validation errors, or an empty string. */
export function controlMessage(control: AbstractControl | null, label: string): string {
  if (!control?.errors) {
    return '';
  }

  const errors = control.errors;
  if (errors['server']) {
    return String(errors['server']);
  }
  if (errors['required']) {
    return `${label} is required.`;
  }
  if (errors['email']) {
    return 'Enter a valid e-mail address.';
  }
  if (errors['minlength']) {
    return `${label} must be at least ${errors['minlength'].requiredLength} characters.`;
  }
  if (errors['maxlength']) {
    return `${label} must be at most ${errors['maxlength'].requiredLength} characters.`;
  }
  if (errors['min']) {
    return `${label} must be at least ${errors['min'].min}.`;
  }
  if (errors['max']) {
    return `${label} must be at most ${errors['max'].max}.`;
  }
  if (errors['pattern']) {
    return `${label} has an invalid format.`;
  }
  if (errors['invalid']) {
    return String(errors['invalid']);
  }

  return `${label} is invalid.`;
}

/**
 * Returns the text to show above a form after a failed submission. That is the
 * server messages that matched no field, or a pointer to the highlighted fields
 * when all of them matched. Without field errors it describes the failure.
 */
export function formErrorSummary(error: unknown, unmatched: string[]): string {
  if (unmatched.length) {
    return unmatched.join(' ');
  }
  if (flattenFieldErrors(errorEnvelope(error)?.errors).length) {
    return 'Correct the highlighted fields.';
  }

  return describeHttpError(error);
}
