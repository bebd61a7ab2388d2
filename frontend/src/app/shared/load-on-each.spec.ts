import { HttpErrorResponse } from '@angular/common/http';
import { Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, Subject, of, throwError } from 'rxjs';

import { LoadState, loadOnEach } from './load-on-each';

function newState(): LoadState<string> {
  return { loading: signal(false), error: signal(''), result: signal<string | null>(null) };
}

function subscribe<T>(trigger: Subject<T>, load: (input: T) => Observable<string>, state: LoadState<string>): void {
  runInInjectionContext(TestBed.inject(Injector), () => loadOnEach(trigger, load, state));
}

describe('loadOnEach', () => {
  it('stores the result and clears loading', () => {
    const trigger = new Subject<number>();
    const state = newState();
    subscribe(trigger, (input) => of(`page ${input}`), state);

    trigger.next(2);

    expect(state.result()).toBe('page 2');
    expect(state.loading()).toBe(false);
    expect(state.error()).toBe('');
  });

  it('keeps the last result and shows the error on failure', () => {
    const trigger = new Subject<number>();
    const state = newState();
    const failure = new HttpErrorResponse({ status: 503, error: { status: 503, message: 'The database is unavailable.' } });
    subscribe(trigger, (input) => (input === 1 ? of('page 1') : throwError(() => failure)), state);

    trigger.next(1);
    trigger.next(2);

    expect(state.result()).toBe('page 1');
    expect(state.error()).toBe('The database is unavailable.');
    expect(state.loading()).toBe(false);
  });

  it('clears the error after a later success', () => {
    const trigger = new Subject<number>();
    const state = newState();
    const failure = new HttpErrorResponse({ status: 500, error: null });
    subscribe(trigger, (input) => (input === 1 ? throwError(() => failure) : of('page 2')), state);

    trigger.next(1);
    trigger.next(2);

    expect(state.error()).toBe('');
    expect(state.result()).toBe('page 2');
  });
});
