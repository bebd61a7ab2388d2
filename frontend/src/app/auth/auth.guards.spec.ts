import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';

import { authGuard, guestGuard, roleGuard } from './auth.guards';
import { Role, SESSION_STORAGE, SessionStore } from './session';
import { MemoryStorage, sessionFor } from './testing';

describe('route guards', () => {
  let session: SessionStore;
  let router: Router;
  const route = {} as ActivatedRouteSnapshot;
  const state = { url: '/payments?status=pending' } as RouterStateSnapshot;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: SESSION_STORAGE, useValue: new MemoryStorage() }],
    });
    session = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
  });

  function run(guard: typeof authGuard): ReturnType<typeof authGuard> {
    return TestBed.runInInjectionContext(() => guard(route, state));
  }

  function signIn(role: Role): void {
    session.start(sessionFor(role));
  }

  it('sends signed-out users to login with the requested page', () => {
    const result = run(authGuard) as UrlTree;

    expect(router.serializeUrl(result)).toBe('/login?returnUrl=%2Fpayments%3Fstatus%3Dpending');
  });

  it('lets signed-in users through', () => {
    signIn('merchant');

    expect(run(authGuard)).toBe(true);
  });

  it('lets allowed roles through', () => {
    signIn('finance');

    expect(run(roleGuard('admin', 'finance'))).toBe(true);
  });

  it('sends other roles to their own landing page', () => {
    signIn('merchant');
    const result = run(roleGuard('admin', 'finance')) as UrlTree;

    expect(router.serializeUrl(result)).toBe('/payments');
  });

  it('sends a signed-out user from a role page to login', () => {
    const result = run(roleGuard('admin')) as UrlTree;

    expect(router.serializeUrl(result)).toBe('/login');
  });

  it('keeps signed-in users off the login page', () => {
    signIn('admin');
    const result = run(guestGuard) as UrlTree;

    expect(router.serializeUrl(result)).toBe('/dashboard');
  });

  it('shows the login page to signed-out users', () => {
    expect(run(guestGuard)).toBe(true);
  });
});
