import { HttpErrorResponse } from '@angular/common/http';

import { ApiEnvelope, FieldErrors } from './api';

/** One server validation message and the dotted path of the field it belongs to. */
export interface FieldMessage {
  path: string;
  message: string;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: 'The server could not be reached. Check your connection and try again.',
  400: 'The request was invalid.',
  401: 'Your session has expired. Sign in again.',
  403: 'Your role is not allowed to do this.',
  404: 'Not found. It may have been deleted, or it is outside what you can see.',
  409: 'The request conflicts with the current state. Reload and try again.',
  413: 'The request is too large.',
  415: 'The request was not sent as JSON.',
  429: 'Too many attempts. Wait a moment and try again.',
};

/** Returns the API envelope carried by an error response, or null for any other body. */
export function errorEnvelope(error: unknown): ApiEnvelope<unknown> | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }

  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'status' in body) {
    return body as ApiEnvelope<unknown>;
  }

  return null;
}

/**
 * Flattens DRF-style field errors into dotted paths that `AbstractControl.get()`
 * understands: `{"customer_details": {"email": ["..."]}}` becomes
 * `customer_details.email`, and list items add their index, as in
 * `provider_attempts.0.latency_ms`.
 */
export function flattenFieldErrors(errors: FieldErrors | undefined, prefix = ''): FieldMessage[] {
  if (!errors) {
    return [];
  }

  const messages: FieldMessage[] = [];
  for (const [rawKey, value] of Object.entries(errors)) {
    // The API names list items with brackets (`provider_attempts[0].latency_ms`).
    const key = rawKey.replace(/\[(\d+)\]/g, '.$1');
    const path = prefix ? `${prefix}.${key}` : key;
    messages.push(...flattenValue(value, path));
  }

  return messages;
}

function flattenValue(value: unknown, path: string): FieldMessage[] {
  if (typeof value === 'string') {
    return [{ path, message: value }];
  }

  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      typeof item === 'string' ? [{ path, message: item }] : flattenValue(item, `${path}.${index}`),
    );
  }

  if (value && typeof value === 'object') {
    return flattenFieldErrors(value as FieldErrors, path);
  }

  return [];
}

/**
 * Builds one readable sentence for a failed request: the server's message, then its
 * field messages, or a plain explanation of the status when the body is not the envelope.
 */
export function describeHttpError(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something went wrong. Try again.';
  }

  const envelope = errorEnvelope(error);
  const fallback = FALLBACK_MESSAGES[error.status] ?? `The request failed (HTTP ${error.status}).`;
  const message = envelope?.message?.trim() || fallback;
  const fieldMessages = flattenFieldErrors(envelope?.errors).map((item) =>
    item.path === 'non_field_errors' ? item.message : `${humanizeField(item.path)}: ${item.message}`,
  );

  return [message, ...fieldMessages].join(' ');
}

/** Turns `customer_details.email` into `Customer details email` for messages. */
export function humanizeField(path: string): string {
  const words = path.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
