import { HttpClient, HttpContext, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { apiPath, authInterceptor } from './auth.interceptor';
import { REFRESH_ON_UNAUTHORIZED } from './refresh-context';
import { SESSION_STORAGE, SessionStore } from './session';
import { MemoryStorage, sessionFor } from './testing';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const EXPIRED_BODY = { status: 401, message: 'Token is invalid or expired.' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: SessionStore;
  let router: Router;
  let origin: string;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    origin = new URL(TestBed.inject(DOCUMENT).baseURI).origin;
    vi.spyOn(router, 'navigate').mockResolvedValue(true);
    vi.spyOn(router, 'url', 'get').mockReturnValue('/payments/42');
    session.start(sessionFor('admin'));
  });

  afterEach(() => backend.verify());

  function authorization(url: string): string | null {
    http.get(url).subscribe();
    const request = backend.expectOne(url);
    request.flush({});
    return request.request.headers.get('Authorization');
  }

  it('attaches the token to same-origin API paths', () => {
    expect(authorization('/api/payments')).toBe('Bearer access-1');
  });

  it('attaches the token to an absolute same-origin API URL', () => {
    expect(authorization(`${origin}/api/analytics/volume`)).toBe('Bearer access-1');
  });

  it('leaves another origin without the token', () => {
    expect(authorization('http://127.0.0.2:9/api/payments')).toBeNull();
  });

  it('leaves a protocol-relative URL to another host without the token', () => {
    expect(authorization('//127.0.0.2:9/api/payments')).toBeNull();
  });

  it('leaves non-API paths without the token', () => {
    expect(authorization('/static/app.js')).toBeNull();
    expect(authorization('/apiary/payments')).toBeNull();
    expect(authorization('/admin/')).toBeNull();
  });

  it('leaves the public auth endpoints without the token', () => {
    for (const url of ['/api/login', '/api/register', '/api/token/refresh']) {
      http.post(url, {}).subscribe();
      const request = backend.expectOne(url);
      expect(request.request.headers.has('Authorization')).toBe(false);
      request.flush({});
    }
  });

  it('sends no header when signed out', () => {
    session.clear();

    expect(authorization('/api/payments')).toBeNull();
  });

  it('refreshes once on 401 and retries with the new token', () => {
    let body: unknown;
    http.get('/api/payments').subscribe((value) => (body = value));

    backend.expectOne('/api/payments').flush(EXPIRED_BODY, UNAUTHORIZED);
    const refresh = backend.expectOne('/api/token/refresh');
    expect(refresh.request.body).toEqual({ refresh: 'refresh-1' });
    refresh.flush({ status: 200, data: { token: 'access-2', refresh: 'refresh-2' } });

    const retry = backend.expectOne('/api/payments');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ status: 200, data: [] });

    expect(body).toEqual({ status: 200, data: [] });
    expect(session.refreshToken()).toBe('refresh-2');
  });

  it('signs out when the retry is rejected too', () => {
    let error: HttpErrorResponse | undefined;
    http.get('/api/payments').subscribe({ error: (value: HttpErrorResponse) => (error = value) });

    backend.expectOne('/api/payments').flush(EXPIRED_BODY, UNAUTHORIZED);
    backend.expectOne('/api/token/refresh').flush({ status: 200, data: { token: 'access-2', refresh: 'refresh-2' } });
    backend.expectOne('/api/payments').flush(EXPIRED_BODY, UNAUTHORIZED);

    backend.expectNone('/api/token/refresh');
    expect(error?.status).toBe(401);
    expect(session.signedIn()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { returnUrl: '/payments/42', reason: 'expired' },
    });
  });

  it('signs out when the refresh token is rejected', () => {
    let failed = false;
    http.get('/api/me').subscribe({ error: () => (failed = true) });

    backend.expectOne('/api/me').flush(EXPIRED_BODY, UNAUTHORIZED);
    backend.expectOne('/api/token/refresh').flush({ status: 401, message: 'Token is invalid.' }, UNAUTHORIZED);

    backend.expectNone('/api/me');
    expect(failed).toBe(true);
    expect(session.signedIn()).toBe(false);
  });

  it('refreshes once for concurrent 401s', () => {
    const results: unknown[] = [];
    http.get('/api/payments').subscribe((value) => results.push(value));
    http.get('/api/analytics/status').subscribe((value) => results.push(value));

    backend.expectOne('/api/payments').flush(EXPIRED_BODY, UNAUTHORIZED);
    backend.expectOne('/api/analytics/status').flush(EXPIRED_BODY, UNAUTHORIZED);
    backend.expectOne('/api/token/refresh').flush({ status: 200, data: { token: 'access-2', refresh: 'refresh-2' } });

    const retries = backend.match((request) => request.headers.get('Authorization') === 'Bearer access-2');
    expect(retries.length).toBe(2);
    retries.forEach((retry) => retry.flush({ ok: true }));
    expect(results).toEqual([{ ok: true }, { ok: true }]);
  });

  it('passes other errors through without a refresh', () => {
    let status = 0;
    http.patch('/api/payments/1', { status: 'success' }).subscribe({
      error: (error: HttpErrorResponse) => (status = error.status),
    });

    backend.expectOne('/api/payments/1').flush({ status: 409, message: 'Already reviewed.' }, { status: 409, statusText: 'Conflict' });

    backend.expectNone('/api/token/refresh');
    expect(status).toBe(409);
    expect(session.signedIn()).toBe(true);
  });

  it('skips the refresh when the request opts out', () => {
    let status = 0;
    const context = new HttpContext().set(REFRESH_ON_UNAUTHORIZED, false);
    http.post('/api/logout', { refresh: 'refresh-1' }, { context }).subscribe({
      error: (error: HttpErrorResponse) => (status = error.status),
    });

    const request = backend.expectOne('/api/logout');
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-1');
    request.flush(EXPIRED_BODY, UNAUTHORIZED);

    backend.expectNone('/api/token/refresh');
    expect(status).toBe(401);
  });

  it('does not refresh a 401 from the login endpoint', () => {
    http.post('/api/login', {}).subscribe({ error: () => undefined });
    backend.expectOne('/api/login').flush({ status: 401, message: 'Invalid credentials.' }, UNAUTHORIZED);

    backend.expectNone('/api/token/refresh');
    expect(session.signedIn()).toBe(true);
  });
});

describe('apiPath', () => {
  const page = { baseURI: 'http://127.0.0.1:8000/' } as Document;

  it('returns the path below the API base', () => {
    expect(apiPath('/api/payments/1', '/api', page)).toBe('/payments/1');
    expect(apiPath('/api/token/refresh/', '/api', page)).toBe('/token/refresh');
  });

  it('returns null outside the API or the origin', () => {
    expect(apiPath('/api', '/api', page)).toBeNull();
    expect(apiPath('/apix/1', '/api', page)).toBeNull();
    expect(apiPath('http://127.0.0.1:8001/api/payments', '/api', page)).toBeNull();
  });
});
