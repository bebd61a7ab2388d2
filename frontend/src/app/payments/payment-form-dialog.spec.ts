import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { Payment } from './payment';
import { PaymentFormDialog } from './payment-form-dialog';

const STORED: Payment = {
  id: 'p-1',
  merchant: 'Spotify',
  payment_type: 'subscription',
  amount_minor: 1299,
  currency: 'GBP',
  region: 'UK',
  status: 'pending',
  created_by: 'arjun@payments.com',
  initiated_at: '2026-01-03T10:00:00Z',
  updated_at: '2026-01-03T10:00:00Z',
  customer_details: { name: 'Ava Reed', email: 'ava.reed@example.com', country: 'GB' },
  provider_attempts: [],
};

describe('PaymentFormDialog', () => {
  let http: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;

  async function render(payment?: Payment) {
    close = vi.fn();
    TestBed.configureTestingModule({
      imports: [PaymentFormDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { payment } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PaymentFormDialog);
    await fixture.whenStable();
    return fixture;
  }

  function type(element: HTMLElement, name: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(`input[formControlName=${name}]`);
    if (!input) {
      throw new Error(`No input named ${name}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function fillValidForm(element: HTMLElement): void {
    type(element, 'merchant', ' Corner Shop ');
    type(element, 'currency', 'kwd');
    type(element, 'amount', '1.299');
    type(element, 'region', 'eu');
    type(element, 'name', 'Ava Reed');
    type(element, 'email', 'ava.reed@example.com');
    type(element, 'country', 'de');
  }

  afterEach(() => http.verify());

  it('sends minor units and normalised codes', async () => {
    const fixture = await render();
    const element = fixture.nativeElement as HTMLElement;
    fillValidForm(element);
    element.querySelector('form')?.dispatchEvent(new Event('submit'));

    const request = http.expectOne('/api/payments');
    expect(request.request.body).toEqual({
      merchant: 'Corner Shop',
      payment_type: 'one_time',
      amount_minor: 1299,
      currency: 'KWD',
      region: 'EU',
      customer_details: { name: 'Ava Reed', email: 'ava.reed@example.com', country: 'DE' },
    });
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    request.flush({ status: 201, data: { ...STORED, currency: 'KWD' } });

    expect(close).toHaveBeenCalled();
  });

  it('shows server field errors beside the right fields', async () => {
    const fixture = await render();
    const element = fixture.nativeElement as HTMLElement;
    fillValidForm(element);
    element.querySelector('form')?.dispatchEvent(new Event('submit'));

    http.expectOne('/api/payments').flush(
      {
        status: 400,
        message: 'Invalid request.',
        errors: { currency: ['"KWD" is not an active currency.'], amount_minor: ['Too large.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(element.querySelector('[data-testid=currency-error]')?.textContent).toContain('is not an active currency');
    expect(element.querySelector('[data-testid=amount-error]')?.textContent).toContain('Too large.');
    expect(element.querySelector('[data-testid=merchant-error]')).toBeNull();
    expect(element.querySelector('[data-testid=form-error]')?.textContent).toContain('Correct the highlighted fields.');
    expect(close).not.toHaveBeenCalled();
  });

  it('sends nothing while a field is invalid', async () => {
    const fixture = await render();
    const element = fixture.nativeElement as HTMLElement;
    fillValidForm(element);
    type(element, 'amount', '1.2999');
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();

    http.expectNone('/api/payments');
    expect(element.querySelector('[data-testid=amount-error]')?.textContent).toContain('at most 3 decimals');
  });

  it('patches only the changed fields when editing', async () => {
    const fixture = await render(STORED);
    const element = fixture.nativeElement as HTMLElement;
    type(element, 'amount', '14.99');
    type(element, 'email', 'new@example.com');
    element.querySelector('form')?.dispatchEvent(new Event('submit'));

    const request = http.expectOne('/api/payments/p-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ amount_minor: 1499, customer_details: { email: 'new@example.com' } });
    request.flush({ status: 200, data: STORED });
  });
});
