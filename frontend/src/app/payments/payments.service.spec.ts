import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { NewPayment, Payment } from './payment';
import { PaymentsService } from './payments.service';

const PAYMENT: Payment = {
  id: '3f0c9a52-5d0e-4a8e-9a55-0d6f3c1d2b7e',
  merchant: 'Spotify',
  payment_type: 'subscription',
  amount_minor: 1299,
  currency: 'GBP',
  region: 'UK',
  status: 'pending',
  created_by: 'arjun@payments.com',
  initiated_at: '2026-01-03T10:00:00Z',
  updated_at: '2026-01-03T10:05:12Z',
  customer_details: { name: 'Ava Reed', email: 'ava.reed@example.com', country: 'UK' },
  provider_attempts: [],
};

describe('PaymentsService', () => {
  let service: PaymentsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(PaymentsService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists with the given query and leaves out empty filters', () => {
    let total = 0;
    service
      .list({ page: 2, limit: 25, status: 'failed', from: '2026-01-01', to: null, ordering: '-amount_minor' })
      .subscribe((page) => (total = page.total));

    const request = http.expectOne((candidate) => candidate.url === '/api/payments');
    expect(request.request.params.toString()).toBe('page=2&limit=25&status=failed&from=2026-01-01&ordering=-amount_minor');
    request.flush({ status: 200, data: { payments: [PAYMENT], page: 2, limit: 25, total: 26 } });

    expect(total).toBe(26);
  });

  it('reads one payment from the envelope', () => {
    let merchant = '';
    service.get(PAYMENT.id).subscribe((payment) => (merchant = payment.merchant));

    http.expectOne(`/api/payments/${PAYMENT.id}`).flush({ status: 200, data: PAYMENT });

    expect(merchant).toBe('Spotify');
  });

  it('reads the events of a payment', () => {
    let count = 0;
    service.events(PAYMENT.id).subscribe((events) => (count = events.length));

    http
      .expectOne(`/api/payments/${PAYMENT.id}/events`)
      .flush({ status: 200, data: [{ type: 'created', actor: 'a@b.c', at: '2026-01-03T10:00:00Z', details: {} }] });

    expect(count).toBe(1);
  });

  it('creates with an idempotency key and reports the change', () => {
    const body: NewPayment = {
      merchant: 'Spotify',
      payment_type: 'subscription',
      amount_minor: 1299,
      currency: 'GBP',
      region: 'UK',
      customer_details: PAYMENT.customer_details,
    };
    service.create(body, 'key-1').subscribe();

    const request = http.expectOne('/api/payments');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.headers.get('Idempotency-Key')).toBe('key-1');
    request.flush({ status: 201, message: 'Payment created', data: PAYMENT });

    expect(service.changes()).toBe(1);
  });

  it('sends a review as a status patch with its reason', () => {
    service.review(PAYMENT.id, 'failed', 'Card reported stolen').subscribe();

    const request = http.expectOne(`/api/payments/${PAYMENT.id}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ status: 'failed', reason: 'Card reported stolen' });
    request.flush({ status: 200, data: { ...PAYMENT, status: 'failed' } });
  });

  it('leaves out an empty review reason', () => {
    service.review(PAYMENT.id, 'success', '').subscribe();

    const request = http.expectOne(`/api/payments/${PAYMENT.id}`);
    expect(request.request.body).toEqual({ status: 'success' });
    request.flush({ status: 200, data: PAYMENT });
  });

  it('appends attempts without attempted_at', () => {
    service.appendAttempts(PAYMENT.id, [{ provider: 'Adyen', result: 'success', latency_ms: 80 }]).subscribe();

    const request = http.expectOne(`/api/payments/${PAYMENT.id}`);
    expect(request.request.body).toEqual({ provider_attempts: [{ provider: 'Adyen', result: 'success', latency_ms: 80 }] });
    request.flush({ status: 200, data: PAYMENT });
  });

  it('deletes and reports the change', () => {
    service.delete(PAYMENT.id).subscribe();

    const request = http.expectOne(`/api/payments/${PAYMENT.id}`);
    expect(request.request.method).toBe('DELETE');
    request.flush({ status: 200, message: 'Deleted' });

    expect(service.changes()).toBe(1);
  });

  it('reports no change when a request fails', () => {
    service.review(PAYMENT.id, 'success', '').subscribe({ error: () => undefined });

    http.expectOne(`/api/payments/${PAYMENT.id}`).flush({ status: 409, message: 'Conflict' }, { status: 409, statusText: 'Conflict' });

    expect(service.changes()).toBe(0);
  });
});
