import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { finalize, map, Observable, of, shareReplay, tap, throwError } from 'rxjs';
import { catchError } from 'rxjs/operators';

import { API_BASE_URL, ApiEnvelope, ApiResponse } from '../shared/api';
import { REFRESH_ON_UNAUTHORIZED } from './refresh-context';
import { Role, Session, SessionStore } from './session';

interface LoginData {
  email: string;
  role: Role;
  token: string;
  refresh: string;
}

interface TokenPair {
  token: string;
  refresh: string;
}

export interface Account {
  email: string;
  role: Role;
  date_joined: string;
}

/** Sign-in, sign-up, token refresh, sign-out and account deletion against `/api/`. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly api = inject(API_BASE_URL);

  // The server revokes a refresh token once it is used, so concurrent 401s must share one refresh call.
  private refreshInFlight: Observable<string> | null = null;

  login(email: string, password: string): Observable<Session> {
    return this.http.post<ApiResponse<LoginData>>(`${this.api}/login`, { email, password }).pipe(
      map(({ data }) => ({ email: data.email, role: data.role, token: data.token, refresh: data.refresh })),
      tap((session) => this.session.start(session)),
    );
  }

  register(email: string, password: string): Observable<ApiResponse<{ email: string; role: Role }>> {
    return this.http.post<ApiResponse<{ email: string; role: Role }>>(`${this.api}/register`, {
      email,
      password,
      role: 'merchant',
    });
  }

  me(): Observable<Account> {
    return this.http.get<ApiResponse<Account>>(`${this.api}/me`).pipe(map(({ data }) => data));
  }

  /** Exchanges the refresh token for a new pair and emits the new access token. */
  refreshAccessToken(): Observable<string> {
    if (this.refreshInFlight) {
      return this.refreshInFlight;
    }

    const refresh = this.session.refreshToken();
    if (!refresh) {
      return throwError(() => new Error('No refresh token in the session.'));
    }

    this.refreshInFlight = this.http
      .post<ApiResponse<TokenPair>>(`${this.api}/token/refresh`, { refresh })
      .pipe(
        map(({ data }) => {
          this.session.replaceTokens(data.token, data.refresh);
          return data.token;
        }),
        finalize(() => (this.refreshInFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );

    return this.refreshInFlight;
  }

  /** Revokes the refresh token on the server, then ends the session here whatever the server replied. */
  logout(): Observable<void> {
    const refresh = this.session.refreshToken();
    const revoke: Observable<unknown> = refresh
      ? this.http
          .post<ApiEnvelope<never>>(
            `${this.api}/logout`,
            { refresh },
            { context: new HttpContext().set(REFRESH_ON_UNAUTHORIZED, false) },
          )
          .pipe(catchError(() => of(null)))
      : of(null);

    return revoke.pipe(
      map(() => undefined),
      finalize(() => this.endSession()),
    );
  }

  /** Deletes the merchant's account and every payment it created, then ends the session. */
  deleteAccount(): Observable<void> {
    return this.http.delete<ApiEnvelope<never>>(`${this.api}/me`).pipe(
      map(() => undefined),
      tap(() => this.endSession('deleted')),
    );
  }

  /** Ends a session the server no longer accepts and sends the user to sign in, keeping the page to return to. */
  expireSession(): void {
    if (!this.session.signedIn()) {
      return;
    }

    const returnUrl = this.router.url;
    this.session.clear();
    const queryParams = returnUrl && !returnUrl.startsWith('/login') ? { returnUrl, reason: 'expired' } : { reason: 'expired' };
    void this.router.navigate(['/login'], { queryParams });
  }

  private endSession(reason?: string): void {
    this.session.clear();
    void this.router.navigate(['/login'], reason ? { queryParams: { reason } } : {});
  }
}
