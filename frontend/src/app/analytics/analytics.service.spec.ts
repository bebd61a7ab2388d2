import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { AnalyticsSnapshot, overallLatencyMs, overallSuccessRate } from './analytics';
import { AnalyticsService } from './analytics.service';

describe('AnalyticsService', () => {
  let service: AnalyticsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(AnalyticsService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads all three aggregates with the same filters', () => {
    let snapshot: AnalyticsSnapshot | undefined;
    service.snapshot({ status: 'success', from: '2026-01-01', to: null }).subscribe((value) => (snapshot = value));

    const requests = http.match((request) => request.url.startsWith('/api/analytics/'));
    expect(requests.map((request) => request.request.url).sort()).toEqual([
      '/api/analytics/provider-latency',
      '/api/analytics/status',
      '/api/analytics/volume',
    ]);
    for (const request of requests) {
      expect(request.request.params.toString()).toBe('status=success&from=2026-01-01');
    }

    requests.find((request) => request.request.url.endsWith('volume'))?.flush({
      status: 200,
      data: [{ currency: 'GBP', total_volume: 124900, count: 96 }],
    });
    requests.find((request) => request.request.url.endsWith('latency'))?.flush({ status: 200, data: [] });
    requests.find((request) => request.request.url.endsWith('status'))?.flush({
      status: 200,
      data: [{ status: 'success', count: 96 }],
    });

    expect(snapshot?.volume[0].total_volume).toBe(124900);
    expect(snapshot?.latency).toEqual([]);
    expect(snapshot?.statuses).toEqual([{ status: 'success', count: 96 }]);
  });
});

describe('overall provider figures', () => {
  const rows = [
    { provider: 'Stripe', average_latency_ms: 100, attempts: 3, success_rate: 1 },
    { provider: 'Adyen', average_latency_ms: 200, attempts: 1, success_rate: 0 },
  ];

  it('weights the latency by attempts', () => {
    expect(overallLatencyMs(rows)).toBe(125);
  });

  it('weights the success rate by attempts', () => {
    expect(overallSuccessRate(rows)).toBe(0.75);
  });

  it('returns null without attempts', () => {
    expect(overallLatencyMs([])).toBeNull();
    expect(overallSuccessRate([])).toBeNull();
  });
});
