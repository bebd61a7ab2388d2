import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';

import { applyServerErrors, controlMessage, formErrorSummary } from './form-errors';

function badRequest(errors: Record<string, unknown>): HttpErrorResponse {
  return new HttpErrorResponse({ status: 400, error: { status: 400, message: 'Invalid request.', errors } });
}

function paymentForm(): FormGroup {
  return new FormGroup({
    amount: new FormControl(''),
    currency: new FormControl(''),
    customer_details: new FormGroup({ email: new FormControl('') }),
  });
}

describe('applyServerErrors', () => {
  it('puts each message on its control', () => {
    const form = paymentForm();
    const unmatched = applyServerErrors(form, badRequest({ currency: ['Unknown currency.'], customer_details: { email: ['Enter a valid email address.'] } }));

    expect(unmatched).toEqual([]);
    expect(form.get('currency')?.getError('server')).toBe('Unknown currency.');
    expect(form.get('customer_details.email')?.getError('server')).toBe('Enter a valid email address.');
    expect(form.get('currency')?.touched).toBe(true);
  });

  it('maps renamed fields through aliases', () => {
    const form = paymentForm();
    applyServerErrors(form, badRequest({ amount_minor: ['Must be a positive integer.'] }), { amount_minor: 'amount' });

    expect(form.get('amount')?.getError('server')).toBe('Must be a positive integer.');
  });

  it('returns messages that match no control', () => {
    const form = paymentForm();
    const unmatched = applyServerErrors(form, badRequest({ non_field_errors: ['Body must be an object.'], id: ['Unknown field.'] }));

    expect(unmatched).toEqual(['Body must be an object.', 'Id: Unknown field.']);
  });
});

describe('formErrorSummary', () => {
  it('points at the fields when every message matched', () => {
    expect(formErrorSummary(badRequest({ currency: ['x'] }), [])).toBe('Correct the highlighted fields.');
  });

  it('lists unmatched messages', () => {
    expect(formErrorSummary(badRequest({ id: ['x'] }), ['Id: x'])).toBe('Id: x');
  });

  it('describes errors without fields', () => {
    const error = new HttpErrorResponse({ status: 401, error: { status: 401, message: 'Invalid credentials.' } });

    expect(formErrorSummary(error, [])).toBe('Invalid credentials.');
  });
});

describe('controlMessage', () => {
  it('prefers the server message', () => {
    const control = new FormControl('');
    control.setErrors({ required: true, server: 'Taken.' });

    expect(controlMessage(control, 'E-mail')).toBe('Taken.');
  });

  it('names the field for required values', () => {
    const control = new FormControl('');
    control.setErrors({ required: true });

    expect(controlMessage(control, 'Merchant')).toBe('Merchant is required.');
  });

  it('returns nothing for a valid control', () => {
    expect(controlMessage(new FormControl('ok'), 'Merchant')).toBe('');
  });
});
