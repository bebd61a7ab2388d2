import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { combineLatest, map } from 'rxjs';

import { FilterBar } from '../payments/filter-bar';
import { PaymentFilters } from '../payments/payment';
import { readFilters } from '../payments/payment-query';
import { PaymentsService } from '../payments/payments.service';
import { loadOnEach } from '../shared/load-on-each';
import { formatMinorAmount, minorToMajor } from '../shared/money';
import { AnalyticsSnapshot, overallLatencyMs, overallSuccessRate } from './analytics';
import { AnalyticsService } from './analytics.service';

const STATUS_COLOURS: Record<string, string> = {
  pending: '#e0a800',
  success: '#2e9d57',
  failed: '#d64545',
};

/** Figures and charts from the three analytics endpoints, with the payment list's filters. */
@Component({
  selector: 'app-dashboard-page',
  imports: [DecimalPipe, PercentPipe, BaseChartDirective, FilterBar, MatCardModule, MatIconModule, MatProgressBarModule],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly analytics = inject(AnalyticsService);
  private readonly payments = inject(PaymentsService);

  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(readFilters)), { requireSync: true });
  protected readonly snapshot = signal<AnalyticsSnapshot | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal('');
  protected readonly formatAmount = formatMinorAmount;

  protected readonly totalPayments = computed(() =>
    (this.snapshot()?.statuses ?? []).reduce((sum, row) => sum + row.count, 0),
  );
  protected readonly averageLatency = computed(() => overallLatencyMs(this.snapshot()?.latency ?? []));
  protected readonly successRate = computed(() => overallSuccessRate(this.snapshot()?.latency ?? []));
  protected readonly totalAttempts = computed(() =>
    (this.snapshot()?.latency ?? []).reduce((sum, row) => sum + row.attempts, 0),
  );

  protected readonly volumeChart = computed<ChartConfiguration<'bar'>['data']>(() => {
    const rows = this.snapshot()?.volume ?? [];
    return {
      labels: rows.map((row) => row.currency),
      datasets: [
        {
          label: 'Volume (major units of each currency)',
          data: rows.map((row) => minorToMajor(row.total_volume, row.currency)),
          backgroundColor: '#3f6fd8',
        },
      ],
    };
  });

  protected readonly volumeOptions: ChartConfiguration<'bar'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          // Each bar is in its own currency, so the tooltip formats it with that currency's decimals.
          label: (item) => {
            const row = this.snapshot()?.volume[item.dataIndex];
            return row ? `${formatMinorAmount(row.total_volume, row.currency)} in ${row.count} payments` : '';
          },
        },
      },
    },
    // A log scale keeps JPY-sized and KWD-sized totals readable on one axis.
    scales: { y: { type: 'logarithmic' } },
  };

  protected readonly statusChart = computed<ChartConfiguration<'doughnut'>['data']>(() => {
    const rows = this.snapshot()?.statuses ?? [];
    return {
      labels: rows.map((row) => row.status),
      datasets: [
        {
          data: rows.map((row) => row.count),
          backgroundColor: rows.map((row) => STATUS_COLOURS[row.status] ?? '#888'),
        },
      ],
    };
  });

  protected readonly statusOptions: ChartConfiguration<'doughnut'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom' } },
  };

  protected readonly providerChart = computed<ChartConfiguration['data']>(() => {
    const rows = this.snapshot()?.latency ?? [];
    return {
      labels: rows.map((row) => row.provider),
      datasets: [
        {
          type: 'bar',
          label: 'Average latency (ms)',
          data: rows.map((row) => row.average_latency_ms),
          backgroundColor: '#7b5cd6',
          yAxisID: 'latency',
        },
        {
          type: 'line',
          label: 'Success rate (%)',
          data: rows.map((row) => Math.round(row.success_rate * 1000) / 10),
          borderColor: '#2e9d57',
          backgroundColor: '#2e9d57',
          yAxisID: 'rate',
        },
      ],
    };
  });

  protected readonly providerOptions: ChartConfiguration['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom' } },
    scales: {
      latency: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'ms' } },
      rate: { type: 'linear', position: 'right', min: 0, max: 100, title: { display: true, text: '%' }, grid: { drawOnChartArea: false } },
    },
  };

  constructor() {
    this.loadOnFiltersOrChange();
  }

  protected updateFilters(filters: PaymentFilters): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { status: filters.status, from: filters.from, to: filters.to },
    });
  }

  private loadOnFiltersOrChange(): void {
    loadOnEach(
      combineLatest([toObservable(this.filters), toObservable(this.payments.changes)]),
      ([filters]) => this.analytics.snapshot(filters),
      { loading: this.loading, error: this.error, result: this.snapshot },
    );
  }

}
