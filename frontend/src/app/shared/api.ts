import { InjectionToken } from '@angular/core';

/**
 * Path prefix of the Paygate API. The app is served by the same Django site as the
 * API, so the default is a same-origin path. During development `ng serve` proxies it to Django.
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api',
});

/** Field name to messages; nested serializers may nest further objects or lists. */
export type FieldErrors = Record<string, unknown>;

/** The envelope every `/api/` response body is wrapped in. */
export interface ApiEnvelope<T> {
  status: number;
  message?: string;
  data?: T;
  errors?: FieldErrors;
}

/** The envelope of a response that must carry `data`. */
export interface ApiResponse<T> extends ApiEnvelope<T> {
  data: T;
}
