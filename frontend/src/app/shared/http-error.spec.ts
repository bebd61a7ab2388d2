import { HttpErrorResponse } from '@angular/common/http';

import { describeHttpError, flattenFieldErrors, humanizeField } from './http-error';

function httpError(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

describe('flattenFieldErrors', () => {
  it('flattens nested objects and lists into dotted paths', () => {
    const messages = flattenFieldErrors({
      amount_minor: ['Must be a positive integer.'],
      customer_details: { email: ['Enter a valid email address.'] },
      provider_attempts: [{}, { latency_ms: ['Ensure this value is less than or equal to 600000.'] }],
    });

    expect(messages).toEqual([
      { path: 'amount_minor', message: 'Must be a positive integer.' },
      { path: 'customer_details.email', message: 'Enter a valid email address.' },
      { path: 'provider_attempts.1.latency_ms', message: 'Ensure this value is less than or equal to 600000.' },
    ]);
  });

  it('turns the API bracket index into a dotted path', () => {
    expect(flattenFieldErrors({ 'provider_attempts[1].latency_ms': ['Must be an integer.'] })).toEqual([
      { path: 'provider_attempts.1.latency_ms', message: 'Must be an integer.' },
    ]);
  });

  it('accepts already dotted keys and single strings', () => {
    expect(flattenFieldErrors({ 'customer_details.country': 'Invalid country.' })).toEqual([
      { path: 'customer_details.country', message: 'Invalid country.' },
    ]);
  });

  it('returns nothing without errors', () => {
    expect(flattenFieldErrors(undefined)).toEqual([]);
  });
});

describe('describeHttpError', () => {
  it('uses the server message and field messages', () => {
    const error = httpError(400, { status: 400, message: 'Invalid request.', errors: { amount_minor: ['Must be a positive integer.'] } });

    expect(describeHttpError(error)).toBe('Invalid request. Amount minor: Must be a positive integer.');
  });

  it('explains a status without an envelope', () => {
    expect(describeHttpError(httpError(0, null))).toContain('could not be reached');
    expect(describeHttpError(httpError(502, '<html>Bad gateway</html>'))).toBe('The request failed (HTTP 502).');
  });

  it('never shows a raw body', () => {
    expect(describeHttpError(httpError(500, { unexpected: true }))).not.toContain('{');
  });

  it('handles errors that are not HTTP errors', () => {
    expect(describeHttpError(new Error('boom'))).toBe('Something went wrong. Try again.');
  });
});

describe('humanizeField', () => {
  it('turns a path into words', () => {
    expect(humanizeField('customer_details.email')).toBe('Customer details email');
  });
});
