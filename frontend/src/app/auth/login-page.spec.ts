import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter, Router } from '@angular/router';

import { LoginPage, safeReturnUrl } from './login-page';
import { SESSION_STORAGE } from './session';
import { MemoryStorage } from './testing';

describe('LoginPage', () => {
  let http: HttpTestingController;
  let router: Router;

  async function render(query: Record<string, string> = {}) {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
        { provide: ActivatedRoute, useValue: { snapshot: { queryParamMap: convertToParamMap(query) } } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    vi.spyOn(router, 'navigateByUrl').mockResolvedValue(true);

    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    return fixture;
  }

  async function submit(fixture: Awaited<ReturnType<typeof render>>, email: string, password: string) {
    const element = fixture.nativeElement as HTMLElement;
    const [emailInput, passwordInput] = Array.from(element.querySelectorAll('input'));
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the server message for wrong credentials', async () => {
    const fixture = await render();
    await submit(fixture, 'arjun@payments.com', 'wrong');

    http.expectOne('/api/login').flush({ status: 401, message: 'Invalid email or password.' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role=alert]');
    expect(alert?.textContent).toContain('Invalid email or password.');
  });

  it('sends nothing for an invalid e-mail', async () => {
    const fixture = await render();
    await submit(fixture, 'not-an-email', 'secret');

    http.expectNone('/api/login');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Enter a valid e-mail address.');
  });

  it('lands each role on its page', async () => {
    const fixture = await render();
    await submit(fixture, 'finance@payments.com', 'admin123');

    http.expectOne('/api/login').flush({
      status: 200,
      data: { email: 'finance@payments.com', role: 'finance', token: 't', refresh: 'r' },
    });

    expect(router.navigateByUrl).toHaveBeenCalledWith('/review');
  });

  it('returns to the remembered page', async () => {
    const fixture = await render({ returnUrl: '/payments?status=failed' });
    await submit(fixture, 'parth@payments.com', 'admin123');

    http.expectOne('/api/login').flush({
      status: 200,
      data: { email: 'parth@payments.com', role: 'admin', token: 't', refresh: 'r' },
    });

    expect(router.navigateByUrl).toHaveBeenCalledWith('/payments?status=failed');
  });
});

describe('safeReturnUrl', () => {
  it('accepts paths inside the app', () => {
    expect(safeReturnUrl('/payments/1')).toBe('/payments/1');
  });

  it('rejects other hosts and the login page', () => {
    expect(safeReturnUrl('//127.0.0.2/x')).toBeNull();
    expect(safeReturnUrl('http://127.0.0.2/x')).toBeNull();
    expect(safeReturnUrl('/login?returnUrl=/x')).toBeNull();
    expect(safeReturnUrl(null)).toBeNull();
  });
});
