import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';

import { AttemptResult, NewProviderAttempt } from './payment';

/** The API accepts at most this many attempts in one request. */
export const MAX_ATTEMPTS_PER_REQUEST = 20;
export const MAX_LATENCY_MS = 600_000;

export type AttemptForm = FormGroup<{
  provider: FormControl<string>;
  result: FormControl<AttemptResult>;
  latency_ms: FormControl<number | null>;
}>;

/** Builds one attempt row with the same rules as the server. */
export function attemptForm(fb: NonNullableFormBuilder): AttemptForm {
  return fb.group({
    provider: fb.control('', [Validators.required, Validators.maxLength(50), Validators.pattern(/\S/)]),
    result: fb.control<AttemptResult>('success', Validators.required),
    latency_ms: new FormControl<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.max(MAX_LATENCY_MS),
      Validators.pattern(/^\d+$/),
    ]),
  });
}

export function attemptsValue(attempts: FormArray<AttemptForm>): NewProviderAttempt[] {
  return attempts.getRawValue().map((attempt) => ({
    provider: attempt.provider.trim(),
    result: attempt.result,
    latency_ms: Number(attempt.latency_ms),
  }));
}
