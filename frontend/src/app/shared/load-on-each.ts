import { WritableSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, catchError, of, switchMap, tap } from 'rxjs';

import { describeHttpError } from './http-error';

/** The signals a page shows while data loads: the spinner, the error text and the result. */
export interface LoadState<R> {
  readonly loading: WritableSignal<boolean>;
  readonly error: WritableSignal<string>;
  readonly result: WritableSignal<R | null>;
}

/**
 * Runs `load` on each value of `trigger`, cancelling a load still in flight, and
 * keeps `state` in step. A failed load keeps the last result and shows the error.
 * Call it in an injection context: the subscription ends with the component.
 */
export function loadOnEach<T, R>(trigger: Observable<T>, load: (input: T) => Observable<R>, state: LoadState<R>): void {
  trigger
    .pipe(
      tap(() => state.loading.set(true)),
      switchMap((input) =>
        load(input).pipe(
          tap((value) => {
            state.result.set(value);
            state.error.set('');
          }),
          catchError((error: unknown) => {
            state.error.set(describeHttpError(error));
            return of(null);
          }),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe(() => state.loading.set(false));
}
