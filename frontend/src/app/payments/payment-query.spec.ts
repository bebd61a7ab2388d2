import { convertToParamMap } from '@angular/router';

import { queryToParams, readFilters, readQuery, toHttpParams } from './payment-query';

describe('readQuery', () => {
  it('uses the API defaults for an empty URL', () => {
    expect(readQuery(convertToParamMap({}))).toEqual({
      status: null,
      from: null,
      to: null,
      page: 1,
      limit: 10,
      ordering: '-initiated_at',
    });
  });

  it('reads every parameter', () => {
    const params = convertToParamMap({
      status: 'pending',
      from: '2026-01-01',
      to: '2026-01-31',
      page: '3',
      limit: '50',
      ordering: 'amount_minor',
    });

    expect(readQuery(params)).toEqual({
      status: 'pending',
      from: '2026-01-01',
      to: '2026-01-31',
      page: 3,
      limit: 50,
      ordering: 'amount_minor',
    });
  });

  it('drops values the API would reject', () => {
    const params = convertToParamMap({
      status: 'PENDING',
      from: 'yesterday',
      page: '0',
      limit: '500',
      ordering: '-password',
    });

    expect(readQuery(params)).toEqual({
      status: null,
      from: null,
      to: null,
      page: 1,
      limit: 10,
      ordering: '-initiated_at',
    });
  });
});

describe('readFilters', () => {
  it('keeps only status and dates', () => {
    expect(readFilters(convertToParamMap({ status: 'failed', page: '2' }))).toEqual({ status: 'failed', from: null, to: null });
  });
});

describe('queryToParams', () => {
  it('leaves defaults out of the URL', () => {
    const params = queryToParams({ status: null, from: null, to: null, page: 1, limit: 10, ordering: '-initiated_at' });

    expect(Object.values(params).every((value) => value === null)).toBe(true);
  });

  it('writes changed values', () => {
    const params = queryToParams({ status: 'success', from: '2026-02-01', to: null, page: 2, limit: 25, ordering: 'merchant' });

    expect(params).toEqual({ status: 'success', from: '2026-02-01', to: null, page: 2, limit: 25, ordering: 'merchant' });
  });
});

describe('toHttpParams', () => {
  it('skips null and empty values', () => {
    expect(toHttpParams({ status: null, from: '', page: 1 }).toString()).toBe('page=1');
  });
});
