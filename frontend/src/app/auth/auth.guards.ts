import { inject } from '@angular/core';
import { CanActivateFn, RedirectFunction, Router } from '@angular/router';

import { landingPath, Role, SessionStore } from './session';

/** Lets signed-in users through and sends anyone else to sign in, remembering the requested page. */
export const authGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  if (session.signedIn()) {
    return true;
  }

  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Lets only the given roles through; others land on their own role's page. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return () => {
    const session = inject(SessionStore);
    if (session.hasRole(...roles)) {
      return true;
    }

    return inject(Router).parseUrl(landingPath(session.role()));
  };
}

/** Keeps signed-in users off the login and registration pages. */
export const guestGuard: CanActivateFn = () => {
  const session = inject(SessionStore);
  if (!session.signedIn()) {
    return true;
  }

  return inject(Router).parseUrl(landingPath(session.role()));
};

/** Sends the app's root to the page where the signed-in role works. */
export const redirectToLanding: RedirectFunction = () => landingPath(inject(SessionStore).role());
