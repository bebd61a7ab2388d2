import { HttpParams } from '@angular/common/http';
import { ParamMap, Params } from '@angular/router';

import { ORDERING_FIELDS, PAYMENT_STATUSES, PaymentFilters, PaymentQuery, PaymentStatus } from './payment';

export const DEFAULT_ORDERING = '-initiated_at';
export const DEFAULT_LIMIT = 10;
export const PAGE_SIZES = [10, 25, 50, 100];

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function positiveInteger(text: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
}

function validDate(text: string | null): string | null {
  return text && DATE_PATTERN.test(text) ? text : null;
}

/** Reads the filters from URL query parameters, dropping values the API would reject. */
export function readFilters(params: ParamMap): PaymentFilters {
  const status = params.get('status');
  return {
    status: PAYMENT_STATUSES.includes(status as PaymentStatus) ? (status as PaymentStatus) : null,
    from: validDate(params.get('from')),
    to: validDate(params.get('to')),
  };
}

/** Reads the whole table state from URL query parameters, with the API's defaults for missing values. */
export function readQuery(params: ParamMap): PaymentQuery {
  const ordering = params.get('ordering') ?? DEFAULT_ORDERING;
  const orderingField = ordering.replace(/^-/, '');

  return {
    ...readFilters(params),
    page: positiveInteger(params.get('page'), 1),
    limit: positiveInteger(params.get('limit'), DEFAULT_LIMIT, 100),
    ordering: (ORDERING_FIELDS as readonly string[]).includes(orderingField) ? ordering : DEFAULT_ORDERING,
  };
}

/** Writes the table state as URL query parameters, leaving out defaults so that links stay short. */
export function queryToParams(query: PaymentQuery): Params {
  return {
    status: query.status ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    page: query.page === 1 ? null : query.page,
    limit: query.limit === DEFAULT_LIMIT ? null : query.limit,
    ordering: query.ordering === DEFAULT_ORDERING ? null : query.ordering,
  };
}

/** Builds the HTTP query of `GET /api/payments` and the analytics endpoints; null values are left out. */
export function toHttpParams(values: Partial<PaymentQuery>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') {
      params = params.set(key, String(value));
    }
  }

  return params;
}
