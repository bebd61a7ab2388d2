import { PaymentStatus } from '../payments/payment';

export interface CurrencyVolume {
  currency: string;
  total_volume: number;
  count: number;
}

export interface ProviderLatency {
  provider: string;
  average_latency_ms: number;
  attempts: number;
  success_rate: number;
}

export interface StatusCount {
  status: PaymentStatus;
  count: number;
}

export interface AnalyticsSnapshot {
  volume: CurrencyVolume[];
  latency: ProviderLatency[];
  statuses: StatusCount[];
}

/** Returns the mean latency over every attempt, weighting each provider's average by its attempt count. */
export function overallLatencyMs(rows: ProviderLatency[]): number | null {
  const attempts = rows.reduce((sum, row) => sum + row.attempts, 0);
  if (attempts === 0) {
    return null;
  }

  const total = rows.reduce((sum, row) => sum + row.average_latency_ms * row.attempts, 0);
  return Math.round((total / attempts) * 10) / 10;
}

/** Returns the share of successful attempts over every provider, or null without attempts. */
export function overallSuccessRate(rows: ProviderLatency[]): number | null {
  const attempts = rows.reduce((sum, row) => sum + row.attempts, 0);
  if (attempts === 0) {
    return null;
  }

  const successes = rows.reduce((sum, row) => sum + row.success_rate * row.attempts, 0);
  return successes / attempts;
}
