import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';

export type Role = 'admin' | 'finance' | 'merchant';

export const ROLES: readonly Role[] = ['admin', 'finance', 'merchant'];

/** The signed-in user's identity and tokens, as returned by `POST /api/login`. */
export interface Session {
  email: string;
  role: Role;
  token: string;
  refresh: string;
}

/** Storage for the session: `sessionStorage`, so that the session ends with the browser tab. */
export const SESSION_STORAGE = new InjectionToken<Storage>('SESSION_STORAGE', {
  providedIn: 'root',
  factory: () => sessionStorage,
});

const STORAGE_KEY = 'paygate.session';

/** Returns the page each role works on after signing in. */
export function landingPath(role: Role | null): string {
  switch (role) {
    case 'admin':
      return '/dashboard';
    case 'finance':
      return '/review';
    case 'merchant':
      return '/payments';
    default:
      return '/login';
  }
}

/**
 * The current session as a signal, mirrored to storage so that a reload keeps the
 * user signed in. The role here only decides what the interface shows, because the
 * server checks it again on every request.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly storage = inject(SESSION_STORAGE);
  private readonly state = signal<Session | null>(this.read());

  readonly session = this.state.asReadonly();
  readonly signedIn = computed(() => this.state() !== null);
  readonly email = computed(() => this.state()?.email ?? '');
  readonly role = computed(() => this.state()?.role ?? null);

  /** Returns the current access token, read at call time so that a refreshed token is used. */
  accessToken(): string | null {
    return this.state()?.token ?? null;
  }

  refreshToken(): string | null {
    return this.state()?.refresh ?? null;
  }

  hasRole(...roles: Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }

  start(session: Session): void {
    this.write(session);
  }

  replaceTokens(token: string, refresh: string): void {
    const current = this.state();
    if (current) {
      this.write({ ...current, token, refresh });
    }
  }

  clear(): void {
    this.storage.removeItem(STORAGE_KEY);
    this.state.set(null);
  }

  private write(session: Session): void {
    this.storage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.state.set(session);
  }

  private read(): Session | null {
    const text = this.storage.getItem(STORAGE_KEY);
    if (!text) {
      return null;
    }

    try {
      const value = JSON.parse(text) as Partial<Session>;
      return isSession(value) ? value : null;
    } catch {
      return null;
    }
  }
}

function isSession(value: Partial<Session>): value is Session {
  return (
    typeof value.email === 'string' &&
    typeof value.token === 'string' &&
    typeof value.refresh === 'string' &&
    ROLES.includes(value.role as Role)
  );
}
