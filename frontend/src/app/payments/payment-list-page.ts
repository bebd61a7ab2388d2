import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { BreakpointObserver } from '@angular/cdk/layout';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule, Sort, SortDirection } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { combineLatest, map } from 'rxjs';

import { SessionStore } from '../auth/session';
import { loadOnEach } from '../shared/load-on-each';
import { formatMinorAmount } from '../shared/money';
import { FilterBar } from './filter-bar';
import { Payment, PAYMENT_TYPE_LABELS, PaymentFilters, PaymentPage, PaymentQuery } from './payment';
import { PaymentActions, ReviewDecision } from './payment-actions';
import { DEFAULT_ORDERING, PAGE_SIZES, queryToParams, readQuery } from './payment-query';
import { PaymentsService } from './payments.service';

/**
 * The payment table: server-side pagination, sorting and filters, all kept in the
 * URL query so that a view can be bookmarked and reloaded. With `queue: true` in
 * its route data it is the review queue, which only lists pending payments.
 */
@Component({
  selector: 'app-payment-list-page',
  imports: [
    DatePipe,
    RouterLink,
    FilterBar,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
  ],
  templateUrl: './payment-list-page.html',
  styleUrl: './payment-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentListPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly payments = inject(PaymentsService);
  private readonly actions = inject(PaymentActions);
  private readonly session = inject(SessionStore);

  protected readonly isQueue = this.route.snapshot.data['queue'] === true;
  protected readonly title = this.isQueue ? 'Review queue' : 'Payments';
  protected readonly pageSizes = PAGE_SIZES;
  // Rows of mat-table are untyped in the template, so the labels are looked up by plain string.
  protected readonly typeLabels: Record<string, string> = PAYMENT_TYPE_LABELS;
  protected readonly formatAmount = formatMinorAmount;

  protected readonly canCreate = computed(() => !this.isQueue && this.session.hasRole('admin', 'merchant'));
  protected readonly canReview = computed(() => this.session.hasRole('admin', 'finance'));
  protected readonly showCreator = computed(() => !this.session.hasRole('merchant'));

  private readonly narrow = toSignal(
    inject(BreakpointObserver).observe('(max-width: 720px)').pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly columns = computed(() => {
    // On a phone the amount already names its currency, so the type, currency and creator columns give way.
    const columns = this.narrow()
      ? ['initiated_at', 'merchant', 'amount_minor', 'status']
      : ['initiated_at', 'merchant', 'payment_type', 'amount_minor', 'currency', 'status'];
    if (!this.narrow() && this.showCreator()) {
      columns.push('created_by');
    }
    if (this.canReview()) {
      columns.push('actions');
    }
    return columns;
  });

  protected readonly dateFormat = computed(() => (this.narrow() ? 'd MMM y' : 'd MMM y, HH:mm'));

  protected readonly query = toSignal(this.route.queryParamMap.pipe(map((params) => this.withQueueRules(readQuery(params)))), {
    requireSync: true,
  });
  protected readonly loading = signal(true);
  protected readonly error = signal('');
  // The last page stays on screen while the next one loads, so the table does not flicker.
  protected readonly page = signal<PaymentPage | null>(null);
  protected readonly sortActive = computed(() => this.query().ordering.replace(/^-/, ''));
  protected readonly sortDirection = computed<SortDirection>(() => (this.query().ordering.startsWith('-') ? 'desc' : 'asc'));

  constructor() {
    this.loadOnQueryOrChange();
  }

  protected updateFilters(filters: PaymentFilters): void {
    this.navigate({ ...this.query(), ...filters, page: 1 });
  }

  protected updateSort(sort: Sort): void {
    const ordering = sort.direction ? `${sort.direction === 'desc' ? '-' : ''}${sort.active}` : DEFAULT_ORDERING;
    this.navigate({ ...this.query(), ordering, page: 1 });
  }

  protected updatePage(event: PageEvent): void {
    const limitChanged = event.pageSize !== this.query().limit;
    this.navigate({ ...this.query(), limit: event.pageSize, page: limitChanged ? 1 : event.pageIndex + 1 });
  }

  protected create(): void {
    this.actions.create().subscribe((payment) => void this.router.navigate(['/payments', payment.id]));
  }

  protected review(payment: Payment, decision: ReviewDecision): void {
    this.actions.review(payment, decision).subscribe();
  }

  private navigate(query: PaymentQuery): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: queryToParams(query) });
  }

  private withQueueRules(query: PaymentQuery): PaymentQuery {
    return this.isQueue ? { ...query, status: 'pending', ordering: query.ordering } : query;
  }

  /** Reloads the page of payments whenever the URL query changes or any payment is changed. */
  private loadOnQueryOrChange(): void {
    loadOnEach(
      combineLatest([toObservable(this.query), toObservable(this.payments.changes)]),
      ([query]) => this.payments.list(query),
      { loading: this.loading, error: this.error, result: this.page },
    );
  }

}
