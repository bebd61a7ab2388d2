import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { map, Observable, tap } from 'rxjs';

import { API_BASE_URL, ApiEnvelope, ApiResponse } from '../shared/api';
import {
  NewPayment,
  NewProviderAttempt,
  Payment,
  PaymentEdit,
  PaymentEvent,
  PaymentPage,
  PaymentQuery,
  PaymentStatus,
} from './payment';
import { toHttpParams } from './payment-query';

/** Reads and changes payments through `/api/payments`. The server limits the rows to the caller's scope. */
@Injectable({ providedIn: 'root' })
export class PaymentsService {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/payments`;
  private readonly changeCount = signal(0);

  /** Increases after every successful change, so that tables and figures know to reload. */
  readonly changes = this.changeCount.asReadonly();

  list(query: Partial<PaymentQuery>): Observable<PaymentPage> {
    return this.http
      .get<ApiResponse<PaymentPage>>(this.url, { params: toHttpParams(query) })
      .pipe(map(({ data }) => data));
  }

  get(id: string): Observable<Payment> {
    return this.http.get<ApiResponse<Payment>>(`${this.url}/${encodeURIComponent(id)}`).pipe(map(({ data }) => data));
  }

  events(id: string): Observable<PaymentEvent[]> {
    return this.http
      .get<ApiResponse<PaymentEvent[]>>(`${this.url}/${encodeURIComponent(id)}/events`)
      .pipe(map(({ data }) => data));
  }

  /** Creates a payment; the idempotency key makes a retried submission create it only once. */
  create(payment: NewPayment, idempotencyKey: string): Observable<Payment> {
    return this.http
      .post<ApiResponse<Payment>>(this.url, payment, { headers: { 'Idempotency-Key': idempotencyKey } })
      .pipe(
        map(({ data }) => data),
        tap(() => this.notifyChanged()),
      );
  }

  update(id: string, changes: PaymentEdit): Observable<Payment> {
    return this.patch(id, changes);
  }

  /** Moves a pending payment to `success` or `failed`. The server returns 409 when it is no longer pending. */
  review(id: string, status: Exclude<PaymentStatus, 'pending'>, reason: string): Observable<Payment> {
    return this.patch(id, reason ? { status, reason } : { status });
  }

  appendAttempts(id: string, attempts: NewProviderAttempt[]): Observable<Payment> {
    return this.patch(id, { provider_attempts: attempts });
  }

  delete(id: string): Observable<void> {
    return this.http.delete<ApiEnvelope<never>>(`${this.url}/${encodeURIComponent(id)}`).pipe(
      map(() => undefined),
      tap(() => this.notifyChanged()),
    );
  }

  private patch(id: string, body: object): Observable<Payment> {
    return this.http.patch<ApiResponse<Payment>>(`${this.url}/${encodeURIComponent(id)}`, body).pipe(
      map(({ data }) => data),
      tap(() => this.notifyChanged()),
    );
  }

  /** Makes every open table and figure reload, such as after a conflict showed that the data is stale. */
  notifyChanged(): void {
    this.changeCount.update((count) => count + 1);
  }
}
