import { HttpContextToken } from '@angular/common/http';

/**
 * Set to false on a request whose 401 must not trigger a token refresh, such as the
 * logout call, whose body names the refresh token that a refresh would rotate away.
 */
export const REFRESH_ON_UNAUTHORIZED = new HttpContextToken<boolean>(() => true);
