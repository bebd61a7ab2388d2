import { DOCUMENT } from '@angular/common';
import {
  HttpErrorResponse,
  HttpEvent,
  HttpHandlerFn,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, Observable, of, switchMap, throwError } from 'rxjs';

import { API_BASE_URL } from '../shared/api';
import { AuthService } from './auth.service';
import { REFRESH_ON_UNAUTHORIZED } from './refresh-context';
import { SessionStore } from './session';

/** Endpoints that take no token, because a stale one would only get them rejected. */
const PUBLIC_PATHS = ['/login', '/register', '/token/refresh', '/health'];

/**
 * Returns the path of `url` below the API base (`/payments/1`) when `url` is a
 * same-origin API request, or null for any other URL, so that a token never
 * leaves for another origin or for a non-API path.
 */
export function apiPath(url: string, apiBase: string, document: Document): string | null {
  const pageOrigin = new URL(document.baseURI).origin;
  const request = new URL(url, document.baseURI);
  const base = new URL(apiBase, document.baseURI);
  const basePath = base.pathname.replace(/\/+$/, '');

  if (request.origin !== pageOrigin || base.origin !== pageOrigin) {
    return null;
  }
  if (!request.pathname.startsWith(`${basePath}/`)) {
    return null;
  }

  return request.pathname.slice(basePath.length).replace(/\/+$/, '') || '/';
}

function withToken(request: HttpRequest<unknown>, token: string): HttpRequest<unknown> {
  return request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}

/**
 * Attaches the access token to same-origin `/api/` requests. On a 401 it refreshes
 * the token once and retries the request once. When the refresh or the retry is
 * rejected too, it ends the session and sends the user to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const auth = inject(AuthService);
  const path = apiPath(request.url, inject(API_BASE_URL), inject(DOCUMENT));

  if (path === null || PUBLIC_PATHS.includes(path)) {
    return next(request);
  }

  const token = session.accessToken();
  if (!token) {
    return next(request);
  }

  return next(withToken(request, token)).pipe(
    catchError((error: unknown) => {
      if (!isUnauthorized(error) || !request.context.get(REFRESH_ON_UNAUTHORIZED)) {
        return throwError(() => error);
      }

      return retryWithFreshToken(request, next, token, session, auth);
    }),
  );
};

function retryWithFreshToken(
  request: HttpRequest<unknown>,
  next: HttpHandlerFn,
  rejectedToken: string,
  session: SessionStore,
  auth: AuthService,
): Observable<HttpEvent<unknown>> {
  // Another request may already have refreshed the token while this one was in flight.
  const current = session.accessToken();
  const freshToken$ = current && current !== rejectedToken ? of(current) : auth.refreshAccessToken();

  return freshToken$.pipe(
    catchError((refreshError: unknown) => {
      auth.expireSession();
      return throwError(() => refreshError);
    }),
    switchMap((freshToken) =>
      next(withToken(request, freshToken)).pipe(
        catchError((retryError: unknown) => {
          if (isUnauthorized(retryError)) {
            auth.expireSession();
          }
          return throwError(() => retryError);
        }),
      ),
    ),
  );
}
