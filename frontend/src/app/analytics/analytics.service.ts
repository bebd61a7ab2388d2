import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { forkJoin, map, Observable } from 'rxjs';

import { PaymentFilters } from '../payments/payment';
import { toHttpParams } from '../payments/payment-query';
import { API_BASE_URL, ApiResponse } from '../shared/api';
import { AnalyticsSnapshot, CurrencyVolume, ProviderLatency, StatusCount } from './analytics';

/** Reads the three aggregate endpoints under `/api/analytics`, scoped by the server to the caller. */
@Injectable({ providedIn: 'root' })
export class AnalyticsService {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/analytics`;

  volume(filters: PaymentFilters): Observable<CurrencyVolume[]> {
    return this.read<CurrencyVolume[]>('volume', filters);
  }

  providerLatency(filters: PaymentFilters): Observable<ProviderLatency[]> {
    return this.read<ProviderLatency[]>('provider-latency', filters);
  }

  statusCounts(filters: PaymentFilters): Observable<StatusCount[]> {
    return this.read<StatusCount[]>('status', filters);
  }

  /** Loads all three aggregates with the same filters in parallel. */
  snapshot(filters: PaymentFilters): Observable<AnalyticsSnapshot> {
    return forkJoin({
      volume: this.volume(filters),
      latency: this.providerLatency(filters),
      statuses: this.statusCounts(filters),
    });
  }

  private read<T>(path: string, filters: PaymentFilters): Observable<T> {
    return this.http
      .get<ApiResponse<T>>(`${this.url}/${path}`, { params: toHttpParams(filters) })
      .pipe(map(({ data }) => data));
  }
}
