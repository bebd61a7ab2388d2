import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { AuthService } from './auth.service';
import { Session, SESSION_STORAGE, SessionStore } from './session';
import { MemoryStorage, sessionFor } from './testing';

describe('AuthService', () => {
  let service: AuthService;
  let session: SessionStore;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
      ],
    });
    service = TestBed.inject(AuthService);
    session = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    vi.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  it('stores the session after login', () => {
    let result: Session | undefined;
    service.login('Admin@Payments.com', 'admin123').subscribe((value) => (result = value));

    const request = http.expectOne('/api/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'Admin@Payments.com', password: 'admin123' });
    request.flush({
      status: 200,
      message: 'Login successful',
      data: { email: 'admin@payments.com', role: 'admin', token: 'a', refresh: 'r' },
    });

    expect(result).toEqual({ email: 'admin@payments.com', role: 'admin', token: 'a', refresh: 'r' });
    expect(session.accessToken()).toBe('a');
  });

  it('keeps the session empty after a failed login', () => {
    service.login('admin@payments.com', 'wrong').subscribe({ error: () => undefined });
    http.expectOne('/api/login').flush({ status: 401, message: 'Invalid credentials.' }, { status: 401, statusText: 'Unauthorized' });

    expect(session.signedIn()).toBe(false);
  });

  it('registers merchants only', () => {
    service.register('new@shop.com', 'long-password-1').subscribe();

    const request = http.expectOne('/api/register');
    expect(request.request.body).toEqual({ email: 'new@shop.com', password: 'long-password-1', role: 'merchant' });
    request.flush({ status: 201, data: { email: 'new@shop.com', role: 'merchant' } });
  });

  it('rotates both tokens on refresh', () => {
    session.start(sessionFor('finance'));
    let token = '';
    service.refreshAccessToken().subscribe((value) => (token = value));

    const request = http.expectOne('/api/token/refresh');
    expect(request.request.body).toEqual({ refresh: 'refresh-1' });
    request.flush({ status: 200, data: { token: 'access-2', refresh: 'refresh-2' } });

    expect(token).toBe('access-2');
    expect(session.refreshToken()).toBe('refresh-2');
  });

  it('shares one refresh between concurrent callers', () => {
    session.start(sessionFor('finance'));
    const tokens: string[] = [];
    service.refreshAccessToken().subscribe((value) => tokens.push(value));
    service.refreshAccessToken().subscribe((value) => tokens.push(value));

    http.expectOne('/api/token/refresh').flush({ status: 200, data: { token: 'access-2', refresh: 'refresh-2' } });

    expect(tokens).toEqual(['access-2', 'access-2']);
  });

  it('fails a refresh without a refresh token', () => {
    let failed = false;
    service.refreshAccessToken().subscribe({ error: () => (failed = true) });

    http.expectNone('/api/token/refresh');
    expect(failed).toBe(true);
  });

  it('revokes the refresh token on logout', () => {
    session.start(sessionFor('admin'));
    service.logout().subscribe();

    const request = http.expectOne('/api/logout');
    expect(request.request.body).toEqual({ refresh: 'refresh-1' });
    request.flush({ status: 200, message: 'Logged out' });

    expect(session.signedIn()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login'], {});
  });

  it('ends the session even when the logout request fails', () => {
    session.start(sessionFor('admin'));
    service.logout().subscribe();

    http.expectOne('/api/logout').flush(null, { status: 500, statusText: 'Server Error' });

    expect(session.signedIn()).toBe(false);
  });

  it('signs out after deleting the account', () => {
    session.start(sessionFor('merchant'));
    service.deleteAccount().subscribe();

    const request = http.expectOne('/api/me');
    expect(request.request.method).toBe('DELETE');
    request.flush({ status: 200, message: 'Account deleted' });

    expect(session.signedIn()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login'], { queryParams: { reason: 'deleted' } });
  });

  it('keeps the session when account deletion fails', () => {
    session.start(sessionFor('merchant'));
    service.deleteAccount().subscribe({ error: () => undefined });

    http.expectOne('/api/me').flush({ status: 403, message: 'Forbidden.' }, { status: 403, statusText: 'Forbidden' });

    expect(session.signedIn()).toBe(true);
  });

  it('remembers the page when the session expires', () => {
    session.start(sessionFor('admin'));
    vi.spyOn(router, 'url', 'get').mockReturnValue('/payments?status=pending');

    service.expireSession();

    expect(session.signedIn()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { returnUrl: '/payments?status=pending', reason: 'expired' },
    });
  });
});
