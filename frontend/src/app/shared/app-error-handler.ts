import { ErrorHandler, inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

import { describeHttpError } from './http-error';

/**
 * Logs every uncaught error and reports it to the user in a snackbar, so that a
 * failure does not leave a silent or blank page. Pages handle expected errors themselves.
 */
@Injectable()
export class AppErrorHandler implements ErrorHandler {
  private readonly snackBar = inject(MatSnackBar);

  handleError(error: unknown): void {
    console.error('Unhandled error', error);

    const message = describeHttpError(unwrap(error));
    this.snackBar.open(message, 'Dismiss', { duration: 8000 });
  }
}

/** Returns the original error that Angular or a promise rejection wrapped. */
function unwrap(error: unknown): unknown {
  if (error && typeof error === 'object' && 'rejection' in error) {
    return (error as { rejection: unknown }).rejection;
  }

  return error;
}
